@impoundment-control-act
Feature: 2 U.S.C. 684: a deferral may not run past the end of the fiscal year, in any year
  Since FY1977 the fiscal year ends on September 30 (31 U.S.C. 1102). The pack states that as a rule that
  holds every year; until 2026-12 it was a table of years that stopped at FY2030, and every contingency
  deferral from FY2031 on was blocked.

  Scenario: A contingency deferral in FY2031 that ends within the fiscal year
    Given the date is 2031-03-02
    And the President sent Congress a special message proposing to defer the funds on 2031-03-02
    And the deferral is to provide for contingencies
    When the President proposes to withhold $50,000,000 of USAI funds for 30 days
    Then the action is permitted

  Scenario: A deferral in FY2031 that runs past September 30
    Given the date is 2031-09-15
    And the President sent Congress a special message proposing to defer the funds on 2031-09-15
    And the deferral is to provide for contingencies
    When the President proposes to withhold $50,000,000 of USAI funds for 30 days
    Then the action is blocked by "2 U.S.C. 684"

  Scenario: A deferral that ends on the last day of FY2099
    Given the date is 2099-09-01
    And the President sent Congress a special message proposing to defer the funds on 2099-09-01
    And the deferral is to provide for contingencies
    When the President proposes to withhold $50,000,000 of USAI funds for 29 days
    Then the action is permitted

  Scenario: A deferral begun on October 1 has the whole new fiscal year
    Given the date is 2040-10-01
    And the President sent Congress a special message proposing to defer the funds on 2040-10-01
    And the deferral is to provide for contingencies
    When the President proposes to withhold $50,000,000 of USAI funds for 364 days
    Then the action is permitted
