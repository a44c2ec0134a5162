@us-code-title-10
Feature: 10 U.S.C. 497 applies from its enactment in 2013 and 123b from fiscal year 1996
  10 U.S.C. 497 was added by Pub. L. 112-239, § 1037(b)(1) (approved 2013-01-02) with a 60-day notice; copies
  of 2023 and later say 120 days, and the law that changed it was not found, so 120 days is applied from the
  April 2023 copy (an uncertain date). 10 U.S.C. 123b is Pub. L. 103-337, § 1312, applied from fiscal year 1996.

  Scenario: A nuclear force reduction in 2022 with no notice is blocked
    Given the date is 2022-06-01
    When the President proposes to reduce United States nuclear forces based in Europe
    Then the action is blocked by "10 U.S.C. 497"

  Scenario: In 2020 a notice 60 days before the reduction was in time
    Given the date is 2020-06-01
    And the President notified the appropriate congressional committees of the nuclear force reduction in writing on 2020-04-02
    When the President proposes to reduce United States nuclear forces based in Europe
    Then the action is permitted

  Scenario: In 2020 a notice 59 days before the reduction was late
    Given the date is 2020-06-01
    And the President notified the appropriate congressional committees of the nuclear force reduction in writing on 2020-04-03
    When the President proposes to reduce United States nuclear forces based in Europe
    Then the action is blocked by "10 U.S.C. 497"

  Scenario: Before 2013-01-02 the section did not exist
    Given the date is 2013-01-01
    When the President proposes to reduce United States nuclear forces based in Europe
    Then the action is not blocked by "10 U.S.C. 497"

  Scenario: On the day it was enacted the notice duty applied
    Given the date is 2013-01-02
    When the President proposes to reduce United States nuclear forces based in Europe
    Then the action is blocked by "Pub. L. 112-239"

  Scenario: The statute's own words for the safety exception
    Given the date is 2026-06-01
    And the reduction is made to ensure the safety, security, reliability, and credibility of the weapons
    When the Secretary of Defense proposes to reduce United States nuclear forces based in Europe
    Then the action is permitted

  Scenario: Forces ashore abroad over the cap at the end of FY2022 are blocked
    Given the date is 2022-09-30
    When the Secretary of Defense proposes to keep 250,000 members of the armed forces on permanent duty ashore outside the United States at the end of the fiscal year
    Then the action is blocked by "10 U.S.C. 123b"

  Scenario: At the end of FY1995 the cap did not yet apply
    Given the date is 1995-09-30
    When the Secretary of Defense proposes to keep 250,000 members of the armed forces on permanent duty ashore outside the United States at the end of the fiscal year
    Then the action is not blocked by "10 U.S.C. 123b"

  Scenario: From fiscal year 1996 it applies
    Given the date is 1996-09-30
    When the Secretary of Defense proposes to keep 203,001 members of the armed forces on permanent duty ashore outside the United States at the end of the fiscal year
    Then the action is blocked by "Pub. L. 103-337"
