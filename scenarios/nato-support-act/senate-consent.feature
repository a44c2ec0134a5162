@nato-support-act
Feature: 22 U.S.C. 1928f(a): the Senate exit, two-thirds of the Senators present
  Two-thirds is computed with integers: yeas x 3 >= present x 2, with a quorum of 51 present.
  Every scenario here also gives the consultation and a timely notice, so only subsection (a) and (b) are in play.

  Background:
    Given the date is 2026-03-01
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-09-01

  Scenario: With no Senate vote at all the President may not withdraw
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked
    And the action is blocked by "22 U.S.C. 1928f(a)"

  Scenario: 67 of 100 present is two-thirds
    Given the Senate gave its advice and consent with 67 of 100 Senators present concurring
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is permitted

  Scenario: 66 of 100 present is one short of two-thirds
    Given the Senate gave its advice and consent with 66 of 100 Senators present concurring
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked
    And the action is blocked by "22 U.S.C. 1928f(a)"
    And the action is blocked by "Pub. L. 118-31, § 1250A(b)"

  Scenario: 66 of 99 present is exactly two-thirds
    Given the Senate gave its advice and consent with 66 of 99 Senators present concurring
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is permitted

  Scenario: 65 of 98 present is one short (66 needed)
    Given the Senate gave its advice and consent with 65 of 98 Senators present concurring
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(a)"

  Scenario: 57 of 86 present falls short although truncating arithmetic would count it
    Given the Senate gave its advice and consent with 57 of 86 Senators present concurring
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(a)"

  Scenario: 58 of 86 present is two-thirds
    Given the Senate gave its advice and consent with 58 of 86 Senators present concurring
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is permitted

  Scenario: A unanimous vote without a quorum is not the Senate's consent
    Given the Senate gave its advice and consent with 50 of 50 Senators present concurring
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(a)"

  Scenario: The smallest quorum: 34 of 51 present is two-thirds
    Given the Senate gave its advice and consent with 34 of 51 Senators present concurring
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is permitted
