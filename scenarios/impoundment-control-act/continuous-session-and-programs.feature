@impoundment-control-act
Feature: 2 U.S.C. 682-683: days of continuous session, rescission bills, a second proposal, and every program
  The 45 days of a rescission proposal are days of continuous session: days on which either House is adjourned
  for more than three days are excluded (2 U.S.C. 682(5)). The Act covers all budget authority, not only USAI.

  Background:
    Given the date is 2026-03-02

  Scenario: An adjournment lengthens the review period by the days it excludes
    Given the President sent Congress a special message proposing to rescind the funds on 2026-03-02
    And Congress adjourned for more than three days from 2026-03-20 to 2026-03-31
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 55 days
    Then the action is permitted

  Scenario: One day past 45 days of continuous session
    Given the President sent Congress a special message proposing to rescind the funds on 2026-03-02
    And Congress adjourned for more than three days from 2026-03-20 to 2026-03-31
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 56 days
    Then the action is blocked by "2 U.S.C. 683"

  Scenario: An adjournment of both Houses over the same days counts once
    Given the President sent Congress a special message proposing to rescind the funds on 2026-03-02
    And Congress adjourned for more than three days from 2026-03-20 to 2026-03-31
    And Congress adjourned for more than three days from 2026-03-22 to 2026-03-29
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 56 days
    Then the action is blocked by "2 U.S.C. 683"

  Scenario: A rescission bill enacted on the last day of the review period ends the duty to release
    Given the President sent Congress a special message proposing to rescind the funds on 2026-03-02
    And Congress enacted a rescission bill for the funds on 2026-04-16
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 120 days
    Then the action is permitted

  Scenario: A rescission bill enacted after the review period comes too late
    Given the President sent Congress a special message proposing to rescind the funds on 2026-03-02
    And Congress enacted a rescission bill for the funds on 2026-04-17
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 120 days
    Then the action is blocked by "2 U.S.C. 683"

  Scenario: Funds once proposed for rescission may not be proposed again
    Given the funds were proposed for rescission before, on 2025-06-01, and Congress did not rescind them
    And the President sent Congress a special message proposing to rescind the funds on 2026-03-02
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 30 days
    Then the action is blocked by "2 U.S.C. 683"

  Scenario: A first rescission proposal may hold the funds
    Given the President sent Congress a special message proposing to rescind the funds on 2026-03-02
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 30 days
    Then the action is permitted

  Scenario Outline: Withholding <program> funds with no special message
    When the President proposes to withhold $50,000,000 of <program> funds for 30 days
    Then the action is blocked by "2 U.S.C. 684"

    Examples:
      | program                           |
      | European Deterrence Initiative    |
      | NATO Security Investment Program  |
      | Baltic Security Initiative        |
      | USAI                              |

  Scenario: Withholding Baltic Security Initiative funds on a lawful deferral
    Given the President sent Congress a special message proposing to defer the funds on 2026-03-02
    And the deferral is to provide for contingencies
    When the President proposes to withhold $50,000,000 of Baltic Security Initiative funds for 30 days
    Then the action is permitted

  Scenario: Hard case 18: a late-year rescission proposal may not hold funds through their expiry (GAO)
    Given the President sent Congress a special message proposing to rescind the funds on 2026-03-02
    And the funds expire on 2026-03-20
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 40 days
    Then the action is blocked by "GAO B-330330"
    And the outcome depends on the interpretation "ica.pocket-rescission"

  Scenario: Hard case 18: on the executive's reading the funds may lapse under the pending proposal
    Given the President sent Congress a special message proposing to rescind the funds on 2026-03-02
    And the funds expire on 2026-03-20
    And the interpretation "ica.pocket-rescission" is "executive"
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 40 days
    Then the action is permitted

  Scenario: Hard case 18: with no rescission pending, even the executive's reading bars withholding through expiry
    Given the President sent Congress a special message proposing to defer the funds on 2026-03-02
    And the deferral is to provide for contingencies
    And the funds expire on 2026-03-20
    And the interpretation "ica.pocket-rescission" is "executive"
    When the President proposes to withhold $200,000,000 of Ukraine Security Assistance Initiative funds for 40 days
    Then the action is blocked by "GAO B-330330"
