@cli
Feature: What people read: the real reason in plain words, the names people use
  Tried as a law student and a policy analyst would, from the README, with headlines of their own: the verdicts
  were right, and what they read around them must be too.

  Scenario: A provision out of its window says so first, not a condition it cannot decide
    When I run "evaluate 'the Secretary of Defense proposes to withdraw 5,000 United States troops from Germany for 120 days' --given 'the date is 2026-03-01'"
    Then the output contains "Does not apply: it reaches only actions on or before 2021-09-30; here the action is on 2026-03-01"
    And the output does not contain "country_baseline"

  Scenario: A provision about another kind of action says so without a double negative
    When I run "evaluate 'the President proposes to withdraw the United States from the integrated military command structure of NATO' --given 'the date is 2026-03-01'"
    Then the output contains "Does not apply: it does not reach an action to withdraw from NATO's integrated military command structure"
    And the output does not contain "(here: leave-integrated-command)"

  Scenario: A baseline the law reads is not called unconsidered, and no field or rule name reaches the reader
    When I run "evaluate 'the Secretary of Defense proposes to withdraw 5,000 United States troops from Germany for 120 days' --given 'the date is 2026-03-01' --given 'United States forces in the European Command area of responsibility number 80,000'"
    Then the output does not contain "No loaded rule pack considers"
    And the output does not contain "eucom_baseline"
    And the output does not contain "engage:"
    And the output contains "The scenario's facts fill in what the law reads of the action"

  Scenario: The graph names its rules in words and labels every fact
    When I run "evaluate 'the President proposes to withdraw the United States from the North Atlantic Treaty' --format dot --given 'the date is 2026-03-01' --given 'the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee on 2025-08-01'"
    Then the output does not contain "engage:"
    And the output does not contain "block:"
    And the output contains "22 U.S.C. 1928f(a) applies"
    And the output contains "The first written notice to the committees"

  Scenario: A statute's name is a citation, in a Then step and in rules
    Given a feature file "by-name.feature" containing:
      """
      Feature: By name
        Scenario: Withdrawal without Congress
          Given the date is 2026-03-01
          When the President proposes to withdraw the United States from the North Atlantic Treaty
          Then the action is blocked by "NATO Support Act"
          And the action is not blocked by "Impoundment Control Act"
      """
    When I run "check by-name.feature"
    Then the exit code is 0
    And the output contains "1 passed, 0 failed"

  Scenario: rules finds a provision by its statute's name
    When I run "rules 'NATO Support Act'"
    Then the exit code is 0
    And the output contains "22 U.S.C. 1928f(a)"

  Scenario: Withdrawing from NATO suggests the Treaty's withdrawal first
    Given a feature file "nato.feature" containing:
      """
      Feature: Headline
        Scenario: Out of NATO
          Given the date is 2026-03-01
          When the President proposes to withdraw from NATO
      """
    When I run "check nato.feature"
    Then the output contains "Nearest known phrase: When the {actor} proposes to withdraw the United States from the North Atlantic Treaty"

  Scenario: A notice of withdrawal suggests the Treaty's Article 13 notice first
    Given a feature file "notice.feature" containing:
      """
      Feature: Headline
        Scenario: Notice
          Given the date is 2026-03-01
          When the Secretary of State sends a notice of withdrawal from NATO
      """
    When I run "check notice.feature"
    Then the output contains "Nearest known phrase: When the {actor} proposes to give notice of denunciation under Article 13 of the North Atlantic Treaty"

  Scenario: The President may be the one who withdraws troops, and headlines' numbers are read as written
    When I run "evaluate 'the President proposes to withdraw 20 thousand United States troops from Germany for 365 days' --given 'the date is 2026-03-01' --given 'United States forces in the European Command area of responsibility number 80,000'"
    Then the exit code is 0
    And the output contains "BLOCKED"
    And the output contains "Pub. L. 119-60, § 1249"

  Scenario: Money as headlines write it
    When I run "evaluate 'the President proposes to withhold $1.2 billion of USAI funds for 60 days' --given 'the date is 2026-03-01'"
    Then the exit code is 0
    And the output contains "BLOCKED"
    And the output does not contain "is not an amount of money"

  Scenario: Every bad step of a scenario is shown, not only the first
    Given a feature file "two.feature" containing:
      """
      Feature: Two mistakes
        Scenario: Both
          Given the date is 2026-02-30
          And the Senate gave its advice and consent with 120 of 100 Senators present concurring
          When the President proposes to withdraw the United States from the North Atlantic Treaty
          Then the action is blocked
      """
    When I run "check two.feature"
    Then the output contains "two.feature:3: '2026-02-30' is not a calendar date"
    And the output contains "two.feature:4: 120 is not a plausible number of Senators"

  Scenario: explore says the day it used and when nothing varies
    When I run "explore 'the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to {count} for {days} days' --range count=80000..90000:5000 --range days=1..3"
    Then the output contains "Evaluated as of today"
    And the output contains "Nothing varies across the grid"
    And the output does not contain "Frontier (neighbouring points whose verdicts differ):"

  Scenario: rules lists the values in force today, not the first ones
    When I run "rules"
    Then the output does not contain "ica.fiscal-year-end = 1975-06-30"
    And the output contains "parameters (in force on"

  Scenario: An unknown what-if name suggests the one meant
    Given a feature file "one.feature" containing:
      """
      Feature: One
        Scenario: One
          Given the date is 2026-03-01
          When the President proposes to suspend the North Atlantic Treaty
          Then the action is blocked
      """
    When I run "diff --set nsa.notice=90 one.feature"
    Then the exit code is 2
    And the output contains "Did you mean nsa.notice-days?"

  Scenario: new writes the numbers it was given and the facts the law needs
    When I run "new 'the Secretary of Defense proposes to withdraw 20,000 United States troops from Germany for 365 days'"
    Then the exit code is 0
    And the output contains "| 20,000 |"
    And the output contains "And United States forces in the European Command area of responsibility number"

  Scenario: new gives a dated exception at its edge, with the day on which it would no longer lift the block
    When I run "new 'the President proposes to withdraw the United States from the North Atlantic Treaty'"
    Then the exit code is 0
    And the output contains "in writing on 2023-07-25"
    And the output contains "on 2023-07-26 it would not lift it (on the row of 2024-01-21)"

  Scenario: Piped quiz answers that run out end with the score so far
    Given a feature file "exercise.feature" containing:
      """
      Feature: Exercise
        Scenario: One
          Given the date is 2026-03-01
          When the President proposes to suspend the North Atlantic Treaty
          Then the action is blocked
        Scenario: Two
          Given the date is 2026-03-01
          When the President proposes to terminate the North Atlantic Treaty
          Then the action is blocked
      """
    When I run "quiz exercise.feature" with the input "b"
    Then the output contains "No more answers"
    And the output does not contain "Aborted"

  Scenario: lint reports every parse error, and an Outline's rows are not duplicates
    Given a feature file "many.feature" containing:
      """
      Feature: Many
        Scenaro: one
          Given the date is 2026-03-01
        Secnario: two
          Given the date is 2026-03-01
      """
    And a feature file "rows.feature" containing:
      """
      Feature: Rows
        Scenario Outline: rows
          Given the date is 2026-03-01
          When the President proposes to withhold $<n> of USAI funds for 10 days
          Then the action is blocked
          Examples:
            | n |
            | 1 |
            | 2 |
      """
    When I run "lint many.feature rows.feature"
    Then the output contains "many.feature:2: error: 'Scenaro:'"
    And the output contains "many.feature:4: error: 'Secnario:'"
    And the output does not contain "duplicate scenario name"
