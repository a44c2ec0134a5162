@cli
Feature: Bad input gets a clear answer and never a traceback
  Each bad scenario errors with its file, the line of the offending step, what is wrong and what is
  accepted; the other scenarios in the run still run, and the run exits non-zero.

  Scenario Outline: A bad step: <problem>
    Given a feature file "bad.feature" whose first scenario has the step "<step>"
    When I run "check bad.feature"
    Then the exit code is 1
    And the output contains "bad.feature:4: "
    And the output contains "<message>"
    And the output contains "PASS  A good one"
    And the output ends with "1 passed, 0 failed, 1 error"
    And the output has no traceback

    Examples:
      | problem                         | step                                                                                                                                   | message                                   |
      | an undefined step               | When the President proposes to leave the North Atlantic Treaty                                                                         | Nearest known phrase: When the {actor}    |
      | an impossible date              | And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2026-02-30     | is not a calendar date                    |
      | more yeas than Senators present | And the Senate gave its advice and consent with 70 of 60 Senators present concurring                                                    | yeas cannot exceed those present          |
      | more than 100 present           | And the Senate gave its advice and consent with 70 of 101 Senators present concurring                                                   | accepted: at most 100                     |
      | no Senator present              | And the Senate gave its advice and consent with 0 of 0 Senators present concurring                                                      | no Senators present                       |
      | a negative troop count          | When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to -1 for 50 days  | is negative                               |
      | an absurd troop count           | When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 5,000,000 for 50 days | not a plausible troop count          |
      | an absurd number of days        | When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 70,000 for 99999999 days | not a plausible number of days   |
      | money without digits            | When the Secretary of Defense proposes to relocate equipment valued at $ out of the European Command area of responsibility             | not an amount of money                    |
      | an unknown actor                | When the Vice President proposes to suspend the North Atlantic Treaty                                                                  | unknown actor 'Vice President'            |
      | a second date                   | And the date is 2026-04-01                                                                                                              | the date is already given as 2026-03-01   |
      | a short adjournment             | And Congress adjourned for more than three days from 2026-04-01 to 2026-04-03                                                           | is not an adjournment of more than three days |
      | an unknown program              | When the President proposes to withhold $1,000 of Nope Initiative funds for 30 days                                                     | unknown program 'Nope Initiative'         |

  Scenario: A scenario with no When step
    Given a feature file "nowhen.feature" containing:
      """
      Feature: No action
        Scenario: Facts but no action
          Given the date is 2026-03-01
          Then the action is blocked
      """
    When I run "check nowhen.feature"
    Then the exit code is 1
    And the output contains "nowhen.feature:2: the scenario has no When step"
    And the output has no traceback

  Scenario: A scenario with two When steps
    Given a feature file "twowhen.feature" containing:
      """
      Feature: Two actions
        Scenario: Two actions at once
          Given the date is 2026-03-01
          When the President proposes to suspend the North Atlantic Treaty
          And the President proposes to terminate the North Atlantic Treaty
          Then the action is blocked
      """
    When I run "check twowhen.feature"
    Then the exit code is 1
    And the output contains "twowhen.feature:5: a second When step"
    And the output has no traceback

  Scenario Outline: A file that cannot be read as Gherkin: <problem>
    Given a file "broken.feature" holding <content>
    When I run "check broken.feature"
    Then the exit code is 2
    And the output contains "broken.feature:<line>: <message>"
    And the output has no traceback

    Examples:
      | problem                  | content                     | line | message                                            |
      | binary content           | binary bytes                | 1    | the file is binary                                 |
      | invalid UTF-8            | latin-1 text                | 1    | the file is not UTF-8 text                         |
      | prose, not Gherkin       | prose                       | 1    | not valid Gherkin                                  |
      | a misspelt Scenario      | a misspelt scenario keyword | 2    | 'Scenaro:' is not a Gherkin keyword; did you mean 'Scenario:'? |
      | a misspelt Given         | a misspelt step keyword     | 3    | 'Gven' is not a Gherkin step keyword; did you mean 'Given'?    |
      | a step with no keyword   | a step without its keyword  | 3    | 'the date is 2026-01-01' is a step with no keyword |

  Scenario: A valid feature file with no scenarios is 0 scenarios, as cucumber-js counts it, and a note
    Given a file "broken.feature" holding a feature and nothing else
    When I run "check broken.feature"
    Then the exit code is 0
    And the output contains "note: broken.feature: the file holds no scenarios: 0 scenarios."
    And the output has no traceback

  Scenario: An empty folder is a usage error
    Given an empty folder "empty"
    When I run "check empty"
    Then the exit code is 2
    And the output contains "empty: the folder holds no .feature files."

  Scenario: A bad rule pack names the file and the line, and exits 2
    Given a copy of the bundled rules in "myrules" with "status: verified" replaced by "status: certain" in "north-atlantic-treaty.yaml"
    And a feature file "ok.feature" containing:
      """
      Feature: OK
        Scenario: Article 13 in 1960
          Given the date is 1960-01-01
          When the President proposes to denounce the North Atlantic Treaty
          Then the action is blocked
      """
    When I run "check ok.feature --rules myrules"
    Then the exit code is 2
    And the output contains "myrules/north-atlantic-treaty.yaml:"
    And the output contains "Input should be 'verified', 'reported' or 'uncertain'"
    And the output has no traceback

  Scenario: A data table on a step that takes none is an error, not silently ignored
    Given a feature file "table.feature" containing:
      """
      Feature: Table
        Scenario: A table
          Given the date is 2026-03-01
          When the President proposes to suspend the North Atlantic Treaty
            | country | Germany |
          Then the action is blocked
      """
    When I run "check table.feature"
    Then the exit code is 1
    And the output contains "table.feature:4: a data table is attached to this step, but no phrase takes one"
    When I run "lint table.feature"
    Then the exit code is 2
    And the output contains "table.feature:4: error: a data table is attached to this step"

  Scenario: An error in a Scenario Outline row points at the row, and a missing column is named
    Given a feature file "outline.feature" containing:
      """
      Feature: Outline
        Scenario Outline: Rows
          Given the date is <date>
          When the President proposes to suspend the North Atlantic Treaty
          Then the action is blocked

          Examples:
            | date       |
            | 2026-03-01 |
            | 2026-02-30 |

        Scenario Outline: No column
          Given the date is <day>
          When the President proposes to suspend the North Atlantic Treaty
          Then the action is blocked

          Examples:
            | date       |
            | 2026-03-01 |
      """
    When I run "check outline.feature"
    Then the exit code is 1
    And the output contains "outline.feature:10: '2026-02-30' is not a calendar date"
    And the output contains "(the step at line 3)"
    And the output contains "outline.feature:13: the Examples have no column 'day' for <day> in this step"

  Scenario: Lint reports a step's own error beside the table attached to it
    Given a feature file "both.feature" containing:
      """
      Feature: Both
        Scenario: A table on an undefined step
          Given the date is 2026-03-01
          When the President proposes to leave NATO
            | a |
          Then the action is blocked
      """
    When I run "lint both.feature"
    Then the exit code is 2
    And the output contains "both.feature:4: error: a data table is attached to this step"
    And the output contains "both.feature:4: error: undefined step 'the President proposes to leave NATO'"
