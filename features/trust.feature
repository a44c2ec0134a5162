@cli
Feature: Never a confident wrong answer
  When the engine cannot decide, or the input names something the law does not know, the user is told so:
  no crash on valid input, no vacuous pass, no silent non-match, no result lost from a report.

  Scenario: A valid Given that no provision of the action reads is evaluated, not crashed
    When I run "evaluate 'the President proposes to withdraw the United States from the North Atlantic Treaty' --given 'the date is 2026-03-01' --given 'the funds expire on 2026-09-30'"
    Then the exit code is 0
    And the output contains "BLOCKED"
    And the output contains "22 U.S.C. 1928f(a)"
    And the output has no traceback

  Scenario: "Not blocked by" a citation lawyers write differently is checked, not passed vacuously
    Given a feature file "spelling.feature" containing:
      """
      Feature: Citation spelling
        Scenario: The Act blocks a withdrawal without Congress
          Given the date is 2026-03-01
          When the President proposes to withdraw the United States from the North Atlantic Treaty
          Then the action is not blocked by "22 USC 1928f(a)"
      """
    When I run "check spelling.feature"
    Then the exit code is 1
    And the output contains "FAIL  The Act blocks a withdrawal without Congress"
    And the output contains "but 22 U.S.C. 1928f(a) blocks the action"

  Scenario: A citation that names no provision is an error with the nearest known citations
    Given a feature file "typo.feature" containing:
      """
      Feature: Citation typo
        Scenario: A transposed section number
          Given the date is 2026-03-01
          When the President proposes to withdraw the United States from the North Atlantic Treaty
          Then the action is not blocked by "22 U.S.C. 1982f(a)"
      """
    When I run "check typo.feature"
    Then the exit code is 1
    And the output contains "typo.feature:5: unknown citation"
    And the output contains "it names no provision of the rule packs"
    And the output contains "nearest known citations:"
    And the output contains "22 U.S.C. 1928f(a)"
    And the output ends with "0 passed, 0 failed, 1 error"

  Scenario: Lint reports an unknown citation as an error
    Given a feature file "typo.feature" containing:
      """
      Feature: Citation typo
        Scenario: A transposed section number
          Given the date is 2026-03-01
          When the President proposes to withdraw the United States from the North Atlantic Treaty
          Then the action is blocked by "22 U.S.C. 1982f(a)"
      """
    When I run "lint typo.feature"
    Then the exit code is 2
    And the output contains "typo.feature:5: error: unknown citation"

  Scenario Outline: Citations as lawyers write them: <citation>
    Given a feature file "cite.feature" containing:
      """
      Feature: Citations
        Scenario: <action> on <date>
          Given the date is <date>
          When the <actor> proposes to <action>
          Then the action is <expected> "<citation>"
      """
    When I run "check cite.feature"
    Then the exit code is 0
    And the output ends with "1 passed, 0 failed"

    Examples:
      | citation                                | actor              | action                                                                                    | date       | expected       |
      | 22 USC 1928f(a)                         | President          | withdraw the United States from the North Atlantic Treaty                                 | 2026-03-01 | blocked by     |
      | 22 U.S.C. § 1928f(a)                    | President          | withdraw the United States from the North Atlantic Treaty                                 | 2026-03-01 | blocked by     |
      | Pub. L. 118-31                          | President          | withdraw the United States from the North Atlantic Treaty                                 | 2026-03-01 | blocked by     |
      | Art. 13                                 | President          | withdraw the United States from the North Atlantic Treaty                                 | 1960-01-01 | blocked by     |
      | Article 13 of the North Atlantic Treaty | President          | withdraw the United States from the North Atlantic Treaty                                 | 1960-01-01 | blocked by     |
      | Art. 13                                 | President          | withdraw the United States from the North Atlantic Treaty                                 | 2026-03-01 | not blocked by |
      | Pub. L. 119-60                          | Secretary of Defense | reduce United States forces in the Republic of Korea to 20,000                          | 2026-05-01 | blocked by     |
      | Pub. L. 116-283                         | Secretary of Defense | reduce United States forces in Germany to 24,000                                        | 2021-03-01 | blocked by     |
      | Pub. L. 93-344                          | President          | withhold $1,000,000 of Ukraine Security Assistance Initiative funds for 400 days          | 2026-03-01 | blocked by     |

  Scenario Outline: Country and actor names match in any case and by their other names: <name>
    When I run "evaluate 'the Secretary of Defense proposes to return a military installation in <name> to the host nation' --given 'the date is 2026-03-01'"
    Then the exit code is 0
    And the output contains "BLOCKED"

    Examples:
      | name        |
      | Germany     |
      | germany     |
      | GERMANY     |
      | Deutschland |
      | the UK      |

  Scenario: A country the vocabulary does not know is an input error, never a silent non-match
    When I run "evaluate 'the Secretary of Defense proposes to return a military installation in Atlantis to the host nation' --given 'the date is 2026-03-01'"
    Then the exit code is 2
    And the output contains "unknown country 'Atlantis'"
    And the output contains "Accepted: any of the"
    And the output does not contain "PERMITTED"

  Scenario: An actor in lower case is the same actor
    When I run "evaluate 'the president proposes to suspend the North Atlantic Treaty' --given 'the date is 2026-03-01'"
    Then the exit code is 0
    And the output contains "BLOCKED"

  Scenario: A key given twice in a rule pack is a load error, not a silent amendment of the law
    Given a copy of the bundled rules in "law" with "value: 180, status" replaced by "value: 180, value: 1, status" in "nato-support-act.yaml"
    When I run "lint law"
    Then the exit code is 2
    And the output contains "nato-support-act.yaml:"
    And the output contains "error: value: duplicate key (first given on line"

  Scenario Outline: A number beyond the engine's bounds is an input error: <what>
    When I run "<command>"
    Then the exit code is 2
    And the output contains "<message>"
    And the output has no traceback

    Examples:
      | what                    | command                                                                                                                                                                               | message                                  |
      | a huge fraction         | evaluate 'the President proposes to suspend the North Atlantic Treaty' --set nsa.senate-fraction=99999999999999999/100000000000000000                                                 | has terms above 1,000                    |
      | money past 2^63         | evaluate 'the Secretary of Defense proposes to relocate equipment valued at $9223372036854775808 out of the European Command area of responsibility'                                  | not a plausible amount                   |
      | a century of notice     | evaluate 'the President proposes to suspend the North Atlantic Treaty' --set nsa.notice-days=99999999999                                                                              | beyond the engine's bound for days       |
      | a notice in year 9999   | evaluate 'the President proposes to suspend the North Atlantic Treaty' --given 'the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 9999-12-31' | outside the dates the engine evaluates |

  Scenario: A pack threshold past the bound is refused when the law loads
    Given a copy of the bundled rules in "law" with "value: 500000" replaced by "value: 9223372036854775807" in "ndaa-fy2026-1249.yaml"
    When I run "lint law"
    Then the exit code is 2
    And the output contains "beyond the engine's bound for dollars"

  Scenario: An action on the Treaty dated before it entered into force has no subject
    When I run "evaluate 'the President proposes to withdraw the United States from the North Atlantic Treaty' --given 'the date is 1900-01-01'"
    Then the exit code is 2
    And the output contains "the North Atlantic Treaty entered into force on 1949-08-24"
    And the output does not contain "PERMITTED"

  Scenario: The same date in a scenario is an error, in check as in evaluate
    Given a feature file "early.feature" containing:
      """
      Feature: Early
        Scenario: Before the Treaty
          Given the date is 1949-06-01
          When the President proposes to withdraw the United States from the North Atlantic Treaty
          Then the action is permitted
      """
    When I run "check early.feature"
    Then the exit code is 1
    And the output contains "ERROR Before the Treaty"
    And the output contains "accepted: a date on or after 1949-08-24"

  Scenario: A scenario with no Then step is unchecked, not passed
    Given a feature file "look.feature" containing:
      """
      Feature: Looking
        Scenario: Just show me the verdict
          Given the date is 2026-03-01
          When the President proposes to suspend the North Atlantic Treaty
        Scenario: A checked one
          Given the date is 2026-03-01
          When the President proposes to suspend the North Atlantic Treaty
          Then the action is blocked
      """
    When I run "check look.feature"
    Then the exit code is 0
    And the output contains "UNCHECKED Just show me the verdict"
    And the output contains "the scenario has no Then step, so nothing was checked"
    And the output ends with "1 passed, 0 failed, 1 unchecked"

  Scenario: With --strict an unchecked scenario fails
    Given a feature file "look.feature" containing:
      """
      Feature: Looking
        Scenario: Just show me the verdict
          Given the date is 2026-03-01
          When the President proposes to suspend the North Atlantic Treaty
      """
    When I run "check look.feature --strict"
    Then the exit code is 1
    And the output ends with "0 passed, 1 failed"

  Scenario: Unchecked in JSON and JUnit too
    Given a feature file "look.feature" containing:
      """
      Feature: Looking
        Scenario: Just show me the verdict
          Given the date is 2026-03-01
          When the President proposes to suspend the North Atlantic Treaty
      """
    When I run "check look.feature --format json"
    Then the JSON field "scenarios.0.status" is "unchecked"
    And the JSON field "summary.unchecked" is "1"
    And the JSON summary adds up
    When I run "check look.feature --format junit"
    Then the JUnit report counts 1 tests with 0 errors and 1 skipped

  Scenario: A tag filter that selects nothing is a usage error naming the tags there are
    Given a feature file "tagged.feature" containing:
      """
      @history
      Feature: Tagged
        Scenario: One
          Given the date is 2026-03-01
          When the President proposes to suspend the North Atlantic Treaty
          Then the action is blocked
      """
    When I run "check tagged.feature --tags @histroy"
    Then the exit code is 2
    And the output contains "selects none of the 1 scenarios"
    And the output contains "@history"

  Scenario Outline: A file that cannot be read is in the <format> report, not only in the exit code
    Given a feature file "good.feature" containing:
      """
      Feature: Good
        Scenario: One
          Given the date is 2026-03-01
          When the President proposes to suspend the North Atlantic Treaty
          Then the action is blocked
      """
    And a file "broken.feature" holding a misspelt scenario keyword
    When I run "check good.feature broken.feature --format <format>"
    Then the exit code is 2
    And <check>
    And the output contains "broken.feature:2: 'Scenaro:' is not a Gherkin keyword"

    Examples:
      | format   | check                                                                     |
      | junit    | the JUnit report counts 2 tests with 1 errors and 0 skipped               |
      | cucumber | the Cucumber report has a failed step saying "is not a Gherkin keyword"   |
      | json     | the JSON field "summary.errors" is "1"                                    |

  Scenario: The JSON summary adds up when files cannot be read
    Given a feature file "good.feature" containing:
      """
      Feature: Good
        Scenario: One
          Given the date is 2026-03-01
          When the President proposes to suspend the North Atlantic Treaty
          Then the action is blocked
      """
    And a file "binary.feature" holding binary bytes
    And a file "broken.feature" holding a misspelt scenario keyword
    When I run "check good.feature binary.feature broken.feature --format json"
    Then the exit code is 2
    And the JSON field "summary.total" is "3"
    And the JSON summary adds up

  Scenario: The HTML report has a row for a file that cannot be read
    Given a file "broken.feature" holding a misspelt scenario keyword
    And a feature file "good.feature" containing:
      """
      Feature: Good
        Scenario: One
          Given the date is 2026-03-01
          When the President proposes to suspend the North Atlantic Treaty
          Then the action is blocked
      """
    When I run "check good.feature broken.feature --report run.html"
    Then the exit code is 2
    And the file "run.html" contains "Input error"
    And the file "run.html" contains "is not a Gherkin keyword"

  Scenario: new writes no row dated before the Treaty existed
    When I run "new 'the President proposes to withdraw the United States from the North Atlantic Treaty'"
    Then the exit code is 0
    And the output contains "| 1949-08-24 |"
    And the output does not contain "1949-08-23"
    And the output has no traceback

  Scenario: When the law is unsettled the verdict says the answer depends on a named reading, first
    When I run "evaluate 'the President proposes to withdraw the United States from the North Atlantic Treaty' --given 'the date is 2026-03-01' --given 'the Senate gave its advice and consent with 64 to 30 with 100 Senators present' --given 'the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee' --given 'the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-06-01'"
    Then the exit code is 0
    And the output contains "The answer depends on the interpretation senate.present"
    And the output contains "present-and-voting: permitted"
    And the line after the first contains "The answer depends on"

  Scenario: A missing baseline gives undetermined, with the phrase to add, in JSON too
    When I run "evaluate 'the Secretary of Defense proposes to withdraw 5,000 United States troops from Germany for 60 days' --given 'the date is 2026-03-01' --format json"
    Then the exit code is 0
    And the JSON field "outcome" is "undetermined"
    And the JSON field "undetermined.0.add.0" is "Given United States forces in the European Command area of responsibility number {count}"
