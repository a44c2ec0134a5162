@impoundment-control-act
Feature: The Impoundment Control Act applies from 1974-07-12, and GAO's expiry rule from its 2018 decision

  Scenario: Before the Impoundment Control Act (1974-07-12), no statute required a special message
    Given the date is 1974-07-11
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 60 days
    Then the action is permitted
    And the action is not blocked by "Impoundment Control Act"

  Scenario: GAO's expiry rule is applied from its decision (2018-12-10)
    Given the date is 2018-12-09
    And the President sent Congress a special message proposing to rescind the funds on 2018-12-09
    And the funds expire on 2018-12-20
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 30 days
    Then the action is not blocked by "GAO B-330330"
