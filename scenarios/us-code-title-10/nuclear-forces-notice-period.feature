@us-code-title-10
Feature: 10 U.S.C. 497: 60 days' notice as enacted, 120 as amended, from a day the sources do not settle
  The Code said 60 days in 2013 and says 120 in every copy from April 2023 on; the law that made the change was
  not found. The interpretation t10.497.long-notice-from names both readings: from 2013-12-26 (Pub. L. 113-66,
  which added § 497a) or from 2023-04-01 (the earliest copy seen with 120 days).

  Scenario: A 2018 reduction noticed 90 days ahead depends on when the 120 days began
    Given the date is 2018-06-01
    And the President notified the appropriate congressional committees of the nuclear force reduction in writing on 2018-03-03
    When the President proposes to reduce United States nuclear forces based in Europe
    Then the outcome depends on the interpretation "t10.497.long-notice-from"

  Scenario: Read from Pub. L. 113-66, a 2018 notice 90 days ahead is late
    Given the date is 2018-06-01
    And the interpretation "t10.497.long-notice-from" is "pub-l-113-66"
    And the President notified the appropriate congressional committees of the nuclear force reduction in writing on 2018-03-03
    When the President proposes to reduce United States nuclear forces based in Europe
    Then the action is blocked by "10 U.S.C. 497"

  Scenario: A 2013 reduction (before either day) needs only 60 days
    Given the date is 2013-06-01
    And the President notified the appropriate congressional committees of the nuclear force reduction in writing on 2013-04-01
    When the President proposes to reduce United States nuclear forces based in Europe
    Then the action is permitted
    And the outcome does not depend on any interpretation
