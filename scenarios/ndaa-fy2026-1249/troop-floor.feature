@ndaa-fy2026-1249
Feature: Pub. L. 119-60, § 1249: at least 76,000 in the EUCOM area beyond 45 days
  Reported from press accounts: every verdict carries that caveat.

  Background:
    Given the date is 2026-05-01

  Scenario: Exactly 76,000 is not below the floor
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 76,000 for 120 days
    Then the action is permitted

  Scenario: 75,999 for 46 days is one day too long
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 75,999 for 46 days
    Then the action is blocked by "Pub. L. 119-60, § 1249"

  Scenario: 75,999 for 45 days is within the tolerance
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 75,999 for 45 days
    Then the action is permitted

  Scenario: A dip to 75,500 for 44 days is tolerated (hard case 11)
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 75500 for 44 days
    Then the action is permitted

  Scenario: The Secretary of Defense's certification alone does not lift the floor
    Given the Secretary of Defense certified the action to the congressional defense committees
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 60,000 for 365 days
    Then the action is blocked by "NDAA FY2026 § 1249"

  Scenario: The EUCOM commander's certification alone does not lift the floor
    Given the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 60,000 for 365 days
    Then the action is blocked by "Pub. L. 119-60, § 1249"

  Scenario: Both certifications lift the floor
    Given the Secretary of Defense certified the action to the congressional defense committees
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 60,000 for 365 days
    Then the action is permitted

  Scenario: Certifications submitted on the day of the reduction lift the floor
    Given the Secretary of Defense certified the action to the congressional defense committees on 2026-05-01
    And the Commander of United States European Command certified the action to the congressional defense committees on 2026-04-20
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 70,000 for 60 days
    Then the action is permitted

  Scenario: A certification dated after the reduction does not lift the floor for it
    Given the Secretary of Defense certified the action to the congressional defense committees on 2026-05-02
    And the Commander of United States European Command certified the action to the congressional defense committees on 2026-04-20
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 70,000 for 60 days
    Then the action is blocked by "Pub. L. 119-60, § 1249"
