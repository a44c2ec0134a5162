@nato-support-act
Feature: 22 U.S.C. 1928f(c)(1): is a consultation on the day of the written notice "prior"?
  The statute orders the consultation before the written notice; whether the same day counts is not settled. The
  named interpretation nsa.consultation-timing says which reading a verdict takes, and a verdict that turns on it
  says so.

  Background:
    Given the date is 2026-09-01
    And the Senate gave its advice and consent with 70 of 100 Senators present concurring

  Scenario: Consulted on the day of the written notice: the answer depends on the reading
    Given the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee on 2026-03-01
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2026-03-01
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is permitted
    And the outcome depends on the interpretation "nsa.consultation-timing"

  Scenario: Read strictly, a consultation on the day of the notice comes too late
    Given the interpretation "nsa.consultation-timing" is "strictly-before"
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee on 2026-03-01
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2026-03-01
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(c)(1)"

  Scenario: A consultation the day before the notice is prior on either reading
    Given the interpretation "nsa.consultation-timing" is "strictly-before"
    Given the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee on 2026-02-28
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2026-03-01
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is permitted
