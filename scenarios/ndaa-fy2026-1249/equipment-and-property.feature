@ndaa-fy2026-1249
Feature: Pub. L. 119-60, § 1249: equipment worth more than $500,000, installations, and the post of SACEUR

  Background:
    Given the date is 2026-05-01

  Scenario: Equipment bought for exactly $500,000 is not covered (more than $500,000 is)
    When the Secretary of Defense proposes to relocate equipment valued at $500,000 out of the European Command area of responsibility
    Then the action is permitted

  Scenario: Equipment bought for $500,001 is covered
    When the Secretary of Defense proposes to relocate equipment valued at $500,001 out of the European Command area of responsibility
    Then the action is blocked by "Pub. L. 119-60, § 1249"

  Scenario: A $2M asset in the area on the cut-off date is covered
    Given the equipment was in the European Command area of responsibility on 2025-06-01
    When the Secretary of Defense proposes to relocate equipment valued at $2000000 out of the European Command area of responsibility
    Then the action is blocked by "Pub. L. 119-60, § 1249"

  Scenario: A $2M asset that arrived after the cut-off date is not covered
    Given the equipment was in the European Command area of responsibility on 2025-06-02
    When the Secretary of Defense proposes to relocate equipment valued at $2,000,000 out of the European Command area of responsibility
    Then the action is permitted

  Scenario: Relocating equipment with both certifications
    Given the Secretary of Defense certified the action to the congressional defense committees
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to relocate equipment valued at $2,000,000 out of the European Command area of responsibility
    Then the action is permitted

  Scenario: Returning a base to Germany is covered by the real-property limb
    When the Secretary of Defense proposes to return a military installation in Germany to the host nation
    Then the action is blocked by "Pub. L. 119-60, § 1249"

  Scenario: Returning a base in Japan is outside the EUCOM area
    When the Secretary of Defense proposes to return a military installation in Japan to the host nation
    Then the action is permitted

  Scenario: Returning a base in Poland with both certifications
    Given the Secretary of Defense certified the action to the congressional defense committees
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to return a military installation in Poland to the host nation
    Then the action is permitted

  Scenario: Relinquishing SACEUR to a European officer (hard case 14)
    When the President proposes to relinquish the post of Supreme Allied Commander Europe
    Then the action is blocked by "Pub. L. 119-60, § 1249"

  Scenario: Relinquishing SACEUR with only the Secretary's certification
    Given the Secretary of Defense certified the action to the congressional defense committees
    When the Secretary of Defense proposes to relinquish the post of Supreme Allied Commander Europe
    Then the action is blocked by "Pub. L. 119-60, § 1249"

  Scenario: Relinquishing SACEUR with both certifications
    Given the Secretary of Defense certified the action to the congressional defense committees
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the President proposes to relinquish the post of Supreme Allied Commander Europe
    Then the action is permitted
