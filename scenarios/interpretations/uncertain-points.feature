@interpretations
Feature: The uncertain points of law, read each way
  Every uncertain point is a named interpretation with a default; a scenario may choose another reading.

  Scenario: Two-thirds of those present: 60 yeas of 95 present falls short
    Given the date is 2026-03-01
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-09-01
    And the Senate gave its advice and consent with 60 to 30 with 95 Senators present
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(a)"

  Scenario: Two-thirds of those present and voting: 60 to 30 suffices
    Given the date is 2026-03-01
    And the interpretation "senate.present" is "present-and-voting"
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-09-01
    And the Senate gave its advice and consent with 60 to 30 with 95 Senators present
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is permitted

  Scenario: Two 30-day dips counted one at a time stay within 45 days (hard case 11)
    Given the date is 2026-05-01
    And United States forces in the European Command area of responsibility were already below the floor for 30 days this fiscal year
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 75,000 for 30 days
    Then the action is permitted

  Scenario: Two 30-day dips added up exceed 45 days (hard case 11)
    Given the date is 2026-05-01
    And the interpretation "ndaa-fy2026.1249.dip-days" is "cumulative"
    And United States forces in the European Command area of responsibility were already below the floor for 30 days this fiscal year
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 75,000 for 30 days
    Then the action is blocked by "Pub. L. 119-60, § 1249"

  Scenario: A reduction in FY2027 under the reported FY2026-only scope (hard case 16)
    Given the date is 2026-10-15
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 60,000 for 120 days
    Then the action is permitted

  Scenario: A reduction in FY2027 if the limits continue (hard case 16)
    Given the date is 2026-10-15
    And the interpretation "ndaa-fy2026.1249.funds-scope" is "continuing"
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 60,000 for 120 days
    Then the action is blocked by "Pub. L. 119-60, § 1249"

  Scenario: Dated certifications under a waiting period of zero days
    Given the date is 2026-05-01
    And the interpretation "ndaa-fy2026.1249.waiting-period" is "days"
    And the Secretary of Defense certified the action to the congressional defense committees on 2026-05-01
    And the Commander of United States European Command certified the action to the congressional defense committees on 2026-04-01
    When the Secretary of Defense proposes to relinquish the post of Supreme Allied Commander Europe
    Then the action is permitted

  Scenario: Certifications submitted after the action do not lift it under a waiting period
    Given the date is 2026-05-01
    And the interpretation "ndaa-fy2026.1249.waiting-period" is "days"
    And the Secretary of Defense certified the action to the congressional defense committees on 2026-05-02
    And the Commander of United States European Command certified the action to the congressional defense committees on 2026-04-01
    When the Secretary of Defense proposes to relinquish the post of Supreme Allied Commander Europe
    Then the action is blocked by "Pub. L. 119-60, § 1249"
