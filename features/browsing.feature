@cli
Feature: Browsing the law and finding one's way
  The law can be looked up as lawyers cite it; a line or a phrase that names nothing says what there is.

  Scenario Outline: rules takes a citation or an alias as well as an id: <query>
    When I run "rules '<query>'"
    Then the exit code is 0
    And the output contains "<shows>"

    Examples:
      | query              | shows                                                            |
      | nsa.1928f.a        | 22 U.S.C. 1928f(a) - No suspension, termination                 |
      | 22 USC 1928f(a)    | 22 U.S.C. 1928f(a) - No suspension, termination                 |
      | NDAA FY2026 § 1249 | Pub. L. 119-60, § 1249 - Floor of 76,000                         |

  Scenario: rules names the nearest citations for one that names nothing
    When I run "rules '22 U.S.C. 1982f'"
    Then the exit code is 2
    And the output contains "Nearest citations: 22 U.S.C. 1928f"

  Scenario: explain at a line past every scenario is an error naming the scenarios' lines
    Given a feature file "two.feature" containing:
      """
      Feature: Two
        Scenario: One
          Given the date is 2026-03-01
          When the President proposes to suspend the North Atlantic Treaty
        Scenario: Two
          Given the date is 2026-03-01
          When the President proposes to terminate the North Atlantic Treaty
      """
    When I run "explain two.feature:999"
    Then the exit code is 2
    And the output contains "two.feature:999: no scenario is at line 999. Accepted: the line of a Scenario or Scenario Outline (2, 5,"

  Scenario: coverage below --fail-under says so
    Given a feature file "one.feature" containing:
      """
      Feature: One
        Scenario: One
          Given the date is 2026-03-01
          When the President proposes to suspend the North Atlantic Treaty
          Then the action is blocked
      """
    When I run "coverage one.feature --fail-under 100"
    Then the exit code is 1
    And the output contains "is below --fail-under 100%."

  Scenario: An undefined step is answered with the three nearest phrases, by the words they share
    When I run "evaluate 'the President proposes to suspend the North Atlantic Treaty' --given 'the Senate voted 60-40'"
    Then the exit code is 2
    And the output contains "Nearest known phrase: Given the Senate gave its advice and consent"
    And the output contains "Others: Given"
