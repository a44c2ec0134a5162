@history
Feature: December 2025: the FY2026 NDAA becomes law
  Signed on 2025-12-18 (Pub. L. 119-60): the 76,000 floor, the equipment and real-property limbs, and SACEUR.

  Scenario: Relinquishing SACEUR the day before the Act
    Given the date is 2025-12-17
    When the President proposes to relinquish the post of Supreme Allied Commander Europe
    Then the action is permitted

  Scenario: Relinquishing SACEUR the day the Act was signed
    Given the date is 2025-12-18
    When the President proposes to relinquish the post of Supreme Allied Commander Europe
    Then the action is blocked by "NDAA FY2026 § 1249"

  Scenario: Returning a base in Italy the day the Act was signed
    Given the date is 2025-12-18
    When the Secretary of Defense proposes to return a military installation in Italy to the host nation
    Then the action is blocked by "Pub. L. 119-60, § 1249"
