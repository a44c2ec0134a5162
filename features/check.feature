@cli
Feature: constraint-engine check
  The check command runs every scenario in the given files and folders, prints each scenario's
  verdict and result, closes with a count, and exits 0 only when every expectation holds.

  Scenario: A passing scenario prints its verdict and exits 0
    Given a feature file "withdrawal.feature" containing:
      """
      Feature: Withdrawal
        Scenario: Withdrawal with a two-thirds Senate vote but no notice to the committees
          Given the date is 2026-03-01
          And the Senate gave its advice and consent with 70 of 100 Senators present concurring
          When the President proposes to withdraw the United States from the North Atlantic Treaty
          Then the action is blocked
          And the action is not blocked by "22 U.S.C. 1928f(a)"
          And the action is blocked by "22 U.S.C. 1928f(c)(2)"
      """
    When I run "check withdrawal.feature"
    Then the exit code is 0
    And the output contains "PASS  Withdrawal with a two-thirds Senate vote but no notice to the committees"
    And the output contains "withdrawal.feature:2"
    And the output contains "blocked by 22 U.S.C. 1928f(c)(1), 22 U.S.C. 1928f(c)(2)"
    And the output ends with "1 passed, 0 failed"

  Scenario: A failing expectation is reported with its line and exits 1
    Given a feature file "wrong.feature" containing:
      """
      Feature: Wrong expectation
        Scenario: Expecting a permitted withdrawal
          Given the date is 2026-03-01
          When the President proposes to withdraw the United States from the North Atlantic Treaty
          Then the action is permitted
      """
    When I run "check wrong.feature"
    Then the exit code is 1
    And the output contains "FAIL  Expecting a permitted withdrawal"
    And the output contains "wrong.feature:5: Then the action is permitted: expected the action to be permitted"
    And the output ends with "0 passed, 1 failed"

  Scenario: An undefined step errors its scenario, names the line and suggests a phrase, and the others still run
    Given a feature file "mixed.feature" containing:
      """
      Feature: Mixed
        Scenario: An undefined step
          Given the date is 2026-03-01
          When the President proposes to leave the North Atlantic Treaty
          Then the action is blocked

        Scenario: A good one
          Given the date is 2026-03-01
          When the President proposes to suspend the North Atlantic Treaty
          Then the action is blocked by "22 U.S.C. 1928f(a)"
      """
    When I run "check mixed.feature"
    Then the exit code is 1
    And the output contains "mixed.feature:4: undefined step 'the President proposes to leave the North Atlantic Treaty'"
    And the output contains "Nearest known phrase: When the {actor} proposes to"
    And the output contains "PASS  A good one"
    And the output ends with "1 passed, 0 failed, 1 error"
    And the output has no traceback

  Scenario: A file that is not Gherkin is bad input: exit 2, the file and line, no traceback
    Given a feature file "notes.feature" containing:
      """
      This is not Gherkin at all.
      """
    When I run "check notes.feature"
    Then the exit code is 2
    And the output contains "notes.feature:1: not valid Gherkin"
    And the output has no traceback

  Scenario: A missing path is a usage error
    When I run "check nowhere.feature"
    Then the exit code is 2
    And the output contains "nowhere.feature: no such file or folder."

  Scenario: JSON output is one document with the run schema
    Given a feature file "saceur.feature" containing:
      """
      Feature: SACEUR
        Scenario: Relinquishing SACEUR
          Given the date is 2026-05-01
          When the President proposes to relinquish the post of Supreme Allied Commander Europe
          Then the action is blocked by "NDAA FY2026 § 1249"
      """
    When I run "check saceur.feature --format json"
    Then the exit code is 0
    And the JSON field "schema" is "constraint-engine/run/2"
    And the JSON field "scenarios.0.verdict.blocked_by.0.citation" is "Pub. L. 119-60, § 1249"
    And the JSON field "scenarios.0.verdict.blocked_by.0.status" is "reported"
    And the JSON field "summary.passed" is "1"

  Scenario: A scenario without a date is evaluated today, and the output says so
    Given a feature file "undated.feature" containing:
      """
      Feature: Undated
        Scenario: No date given
          When the President proposes to suspend the North Atlantic Treaty
          Then the action is blocked
      """
    When I run "check undated.feature"
    Then the exit code is 0
    And the output contains "(today: no date given)"
