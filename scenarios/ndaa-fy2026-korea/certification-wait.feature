@ndaa-fy2026-korea
Feature: A Korea reduction after the Secretary's certification: at once, or 60 days later?
  English-language accounts of the enrolled text put a 60-day wait after a certification only in the limit on
  transferring wartime operational control; Korean reporting read it into the troop floor too. Both readings are
  the named interpretation ndaa-fy2026.korea.wait, and a verdict that turns on it says so.

  Background:
    Given the date is 2026-03-01

  Scenario: A reduction 30 days after the certification depends on the reading
    Given the Secretary of Defense certified the reduction in the Republic of Korea to the congressional defense committees on 2026-01-30
    When the Secretary of Defense proposes to reduce United States forces in the Republic of Korea to 28,000
    Then the action is permitted
    And the outcome depends on the interpretation "ndaa-fy2026.korea.wait"

  Scenario: Read with the 60-day wait, 30 days after the certification is too soon
    Given the interpretation "ndaa-fy2026.korea.wait" is "60-days"
    And the Secretary of Defense certified the reduction in the Republic of Korea to the congressional defense committees on 2026-01-30
    When the Secretary of Defense proposes to reduce United States forces in the Republic of Korea to 28,000
    Then the action is blocked by "Pub. L. 119-60 (Korea troop floor)"

  Scenario: Read with the 60-day wait, 60 days after the certification is enough
    Given the interpretation "ndaa-fy2026.korea.wait" is "60-days"
    And the Secretary of Defense certified the reduction in the Republic of Korea to the congressional defense committees on 2025-12-31
    When the Secretary of Defense proposes to reduce United States forces in the Republic of Korea to 28,000
    Then the action is permitted
