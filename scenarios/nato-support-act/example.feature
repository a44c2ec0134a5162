Feature: Withdrawal from the North Atlantic Treaty

  Scenario: Withdrawal with a two-thirds Senate vote but no notice to the committees
    Given the date is 2026-03-01
    And the Senate gave its advice and consent with 70 of 100 Senators present concurring
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked
    And the action is not blocked by "22 U.S.C. 1928f(a)"
    And the action is blocked by "22 U.S.C. 1928f(c)(2)"
