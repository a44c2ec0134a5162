@us-code-title-10
Feature: 10 U.S.C. 497 and 123b are applied from the April 2023 snapshot they were verified in
  Both are older statutes, but their enactment dates are not in our reference; rather than guess, the engine
  applies them only from the date of the text it was checked against, and says so.

  Scenario: A nuclear force reduction in 2022 is outside what the engine can vouch for
    Given the date is 2022-06-01
    When the President proposes to reduce United States nuclear forces based in Europe
    Then the action is not blocked by "10 U.S.C. 497"

  Scenario: Forces ashore abroad at the end of FY2022
    Given the date is 2022-09-30
    When the Secretary of Defense proposes to keep 250,000 members of the armed forces on permanent duty ashore outside the United States at the end of the fiscal year
    Then the action is not blocked by "10 U.S.C. 123b"
