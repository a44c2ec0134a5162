@ndaa-fy2021-germany
Feature: The FY2021 Germany limit reads Germany's own total, even for a move within the EUCOM area

  Background:
    Given the date is 2021-03-01

  Scenario: A move from Germany to Poland lowers Germany's total below 34,500
    Given United States forces in Germany number 36,000
    When the Secretary of Defense proposes to move 2,000 United States troops from Germany to Poland
    Then the action is blocked by "Pub. L. 116-283"

  Scenario: A move that keeps 34,500 in Germany
    Given United States forces in Germany number 36,000
    When the Secretary of Defense proposes to move 1,500 United States troops from Germany to Poland
    Then the action is permitted

  Scenario: Without Germany's total the limit cannot be decided
    When the Secretary of Defense proposes to withdraw 12,000 United States troops from Germany for 400 days
    Then the action is undetermined

  Scenario: The assessment and 120 days lift the limit for a move
    Given United States forces in Germany number 36,000
    And the Secretary of Defense submitted the assessment of the reduction in Germany to Congress on 2020-10-01
    When the Secretary of Defense proposes to move 2,000 United States troops from Germany to Poland
    Then the action is permitted
