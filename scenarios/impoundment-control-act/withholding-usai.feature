@impoundment-control-act
Feature: 2 U.S.C. 682-684: withholding appropriated Ukraine Security Assistance Initiative funds (hard case 18)

  Background:
    Given the date is 2026-03-02

  Scenario: Withholding "pending policy review" with no special message
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 60 days
    Then the action is blocked by "2 U.S.C. 684"
    And the action is blocked by "GAO B-331564"

  Scenario: A rescission proposal may hold the funds for 45 days
    Given the President sent Congress a special message proposing to rescind the funds on 2026-03-02
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 45 days
    Then the action is permitted

  Scenario: A rescission proposal may not hold the funds for 46 days
    Given the President sent Congress a special message proposing to rescind the funds on 2026-03-02
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 46 days
    Then the action is blocked by "2 U.S.C. 683"
    And the action is not blocked by "2 U.S.C. 684"

  Scenario: A rescission bill ends the duty to release
    Given the President sent Congress a special message proposing to rescind the funds on 2026-03-02
    And Congress enacted a rescission bill for the funds
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 120 days
    Then the action is permitted

  Scenario: A special message sent after the withholding began does not cover it
    Given the President sent Congress a special message proposing to rescind the funds on 2026-03-10
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 30 days
    Then the action is blocked by "2 U.S.C. 684"

  Scenario: A deferral for contingencies within the fiscal year
    Given the President sent Congress a special message proposing to defer the funds on 2026-03-02
    And the deferral is to provide for contingencies
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 90 days
    Then the action is permitted

  Scenario: A deferral for policy reasons is never lawful
    Given the President sent Congress a special message proposing to defer the funds on 2026-03-02
    And the deferral is for policy reasons
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 30 days
    Then the action is blocked by "2 U.S.C. 684"

  Scenario: A deferral may run to the last day of the fiscal year
    Given the President sent Congress a special message proposing to defer the funds on 2026-03-02
    And the deferral is to achieve savings from changed requirements or greater efficiency
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 212 days
    Then the action is permitted

  Scenario: A deferral may not run past the end of the fiscal year
    Given the President sent Congress a special message proposing to defer the funds on 2026-03-02
    And the deferral is to achieve savings from changed requirements or greater efficiency
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 213 days
    Then the action is blocked by "2 U.S.C. 684"

  Scenario: Funds proposed for rescission may not be held through their expiry (GAO B-330330)
    Given the President sent Congress a special message proposing to rescind the funds on 2026-03-02
    And Congress enacted a rescission bill for the funds
    And the funds expire on 2026-04-01
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 30 days
    Then the action is blocked by "GAO B-330330"

  Scenario: Released the day before they expire
    Given the President sent Congress a special message proposing to rescind the funds on 2026-03-02
    And the funds expire on 2026-04-02
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 30 days
    Then the action is permitted

