@history
Feature: 2019: the withholding of Ukraine security assistance
  In the summer of 2019 OMB withheld about $214 million of FY2019 USAI funds by apportionment footnotes,
  without a special message; GAO held this violated the Impoundment Control Act (B-331564, 2020-01-16).

  Scenario: The 2019 withholding, without a special message
    Given the date is 2019-07-25
    When the President proposes to withhold $214,000,000 of Ukraine Security Assistance Initiative funds for 50 days
    Then the action is blocked by "2 U.S.C. 684"
