@ndaa-fy2026-1249
Feature: Pub. L. 119-60, § 1249 applies from its enactment on 2025-12-18

  Scenario: The day before enactment the floor did not exist
    Given the date is 2025-12-17
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 60,000 for 365 days
    Then the action is permitted

  Scenario: On the day of enactment the floor applies
    Given the date is 2025-12-18
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 60,000 for 365 days
    Then the action is blocked by "Pub. L. 119-60, § 1249"
    And the action is not blocked by "22 U.S.C. 1928f"
