Feature: A byte-order mark before the Feature line
  Rules: house style, a description line and no Rule

  Scenario: A doc string holding the other fence does not end early
    Given the date is 2026-03-01
    When the President proposes to suspend the North Atlantic Treaty
    Then the action is blocked

  Scenario: A second scenario after it
    Given the date is 2026-03-01
    When the President proposes to terminate the North Atlantic Treaty
    Then the action is blocked
