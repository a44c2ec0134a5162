@cli
Feature: Hostile input gets one clear answer, in bounded time and memory
  Scenario files and rule packs come from students, colleagues and downloaded exercise sets. Whatever they
  hold, the answer is a verdict or one line naming the file and what is accepted: never a hang, a traceback,
  an exhausted machine, or a file lost.

  Scenario: A feature path that names /dev/zero is refused without reading it
    Given a link "zero/z.feature" to "/dev/zero"
    When I run "check zero"
    Then the exit code is 2
    And the output contains "zero/z.feature: not a regular file"

  Scenario: A FIFO named like a feature file is refused, and the others still run
    Given a FIFO "folder/x.feature"
    And a feature file "folder/good.feature" containing:
      """
      Feature: Good
        Scenario: One
          Given the date is 2026-03-01
          When the President proposes to suspend the North Atlantic Treaty
          Then the action is blocked
      """
    When I run "check folder"
    Then the exit code is 2
    And the output contains "x.feature: not a regular file"
    And the output contains "PASS  One"

  Scenario: A FIFO named like a rule pack is refused by lint
    Given a copy of the bundled rules in "law" with "pack:" replaced by "pack:" in "us-constitution.yaml"
    And a FIFO "law/x.yaml"
    When I run "lint law"
    Then the exit code is 2
    And the output contains "x.yaml: error: not a regular file"

  Scenario: A billion laughs in a rule pack is refused at once
    Given a copy of the bundled rules in "law" with "pack:" replaced by "pack:" in "us-constitution.yaml"
    And a rule pack "law/bomb.yaml" of 9 levels of 9 aliases each
    When I run "lint law"
    Then the exit code is 2
    And the output contains "YAML aliases expand this file from"

  Scenario: An alias that contains itself is refused without a traceback
    Given a copy of the bundled rules in "law" with "pack:" replaced by "pack:" in "us-constitution.yaml"
    And a file "law/loop.yaml" holding a self-referring alias
    When I run "lint law"
    Then the exit code is 2
    And the output contains "a YAML alias refers to a value that contains it"
    And the output has no traceback

  Scenario Outline: More workers than CPUs are capped, and said so: --jobs <jobs>
    Given a feature file "good.feature" containing:
      """
      Feature: Good
        Scenario: One
          Given the date is 2026-03-01
          When the President proposes to suspend the North Atlantic Treaty
          Then the action is blocked
      """
    When I run "check good.feature --jobs <jobs>"
    Then the exit code is 0
    And the output contains "is more than the"
    And the output has no traceback

    Examples:
      | jobs        |
      | 1000        |
      | 99999999999 |

  Scenario: new never overwrites a file without --force
    Given a file "mine.feature" holding prose
    When I run "new 'the President proposes to suspend the North Atlantic Treaty' -o mine.feature"
    Then the exit code is 2
    And the output contains "the file exists; it is not overwritten"
    And the file "mine.feature" contains "This is not Gherkin at all."
    When I run "new 'the President proposes to suspend the North Atlantic Treaty' -o mine.feature --force"
    Then the exit code is 0
    And the file "mine.feature" contains "Feature:"

  Scenario Outline: A bad output path is one line and exit 2: <what>
    When I run "<command>"
    Then the exit code is 2
    And the output contains "<message>"
    And the output has no traceback

    Examples:
      | what            | command                                                                                                                                              | message         |
      | a missing folder | new 'the President proposes to suspend the North Atlantic Treaty' -o nodir/x.feature                                                                | does not exist  |
      | a folder         | new 'the President proposes to suspend the North Atlantic Treaty' -o .                                                                              | is a folder     |
      | a plot nowhere   | explore 'the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to {count} for 60 days' --range count=70000..80000:5000 --plot /nonexistent/g.png | does not exist |

  Scenario: A reversed date range is an error, as for numbers
    When I run "explore 'the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 70,000 for 60 days' --range date=2026-03-01..2026-01-01"
    Then the exit code is 2
    And the output contains "it is reversed"

  Scenario Outline: Only ASCII digits are numbers: <value>
    When I run "evaluate 'the President proposes to suspend the North Atlantic Treaty' --given 'the date is <value>'"
    Then the exit code is 2
    And the output contains "is not a date"

    Examples:
      | value      |
      | ٢٠٢٦-03-01 |
      | ２０２６-03-01 |

  Scenario: A UTF-8 byte-order mark is accepted
    Given a file "bom.feature" holding a feature after a byte-order mark
    When I run "check bom.feature"
    Then the exit code is 0
    And the output ends with "1 passed, 0 failed"

  Scenario: A large pack without aliases is not blamed on aliases
    Given a copy of the bundled rules in "law" with "pack:" replaced by "pack:" in "us-constitution.yaml"
    And a rule pack "law/wide.yaml" of 3000 provisions without aliases
    When I run "lint law"
    Then the output does not contain "aliases expand"
    And the output contains "wide.yaml"
