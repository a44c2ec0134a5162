@ndaa-fy2021-germany
Feature: Pub. L. 116-283: no reduction in Germany below 34,500 until 120 days after an assessment (reported)

  Scenario: At 34,500 the limit is not reached
    Given the date is 2021-03-01
    When the Secretary of Defense proposes to reduce United States forces in Germany to 34,500
    Then the action is permitted

  Scenario: 34,499 without an assessment is blocked
    Given the date is 2021-03-01
    When the Secretary of Defense proposes to reduce United States forces in Germany to 34,499
    Then the action is blocked by "NDAA FY2021 § 1256"

  Scenario: 120 days after the assessment the reduction may proceed
    Given the date is 2021-06-01
    And the Secretary of Defense submitted the assessment of the reduction in Germany to Congress on 2021-02-01
    When the Secretary of Defense proposes to reduce United States forces in Germany to 24,000
    Then the action is permitted

  Scenario: 119 days after the assessment is one day short
    Given the date is 2021-05-31
    And the Secretary of Defense submitted the assessment of the reduction in Germany to Congress on 2021-02-01
    When the Secretary of Defense proposes to reduce United States forces in Germany to 24,000
    Then the action is blocked by "Pub. L. 116-283 (Germany troop limitation)"

  Scenario: After FY2021 the limit lapses under the default reading
    Given the date is 2021-10-01
    When the Secretary of Defense proposes to reduce United States forces in Germany to 24,000
    Then the action is permitted

  Scenario: After FY2021 the limit binds if it continues
    Given the date is 2021-10-01
    And the interpretation "ndaa-fy2021.germany.funds-scope" is "continuing"
    When the Secretary of Defense proposes to reduce United States forces in Germany to 24,000
    Then the action is blocked by "NDAA FY2021 § 1256"
