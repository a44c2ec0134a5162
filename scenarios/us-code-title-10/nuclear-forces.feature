@us-code-title-10
Feature: 10 U.S.C. 497: 120 days' notice before reducing U.S. nuclear forces based in Europe

  Background:
    Given the date is 2026-06-01

  Scenario: No notice at all
    When the President proposes to reduce United States nuclear forces based in Europe
    Then the action is blocked by "10 U.S.C. 497"

  Scenario: Notice 120 days before is in time
    Given the President notified the appropriate congressional committees of the nuclear force reduction in writing on 2026-02-01
    When the President proposes to reduce United States nuclear forces based in Europe
    Then the action is permitted

  Scenario: Notice 119 days before is a day late
    Given the President notified the appropriate congressional committees of the nuclear force reduction in writing on 2026-02-02
    When the Secretary of Defense proposes to reduce United States nuclear forces based in Europe
    Then the action is blocked by "10 U.S.C. 497"

  Scenario: A safety, security or reliability action needs no notice
    Given the reduction is needed for the safety, security or reliability of the weapons
    When the Secretary of Defense proposes to reduce United States nuclear forces based in Europe
    Then the action is permitted

