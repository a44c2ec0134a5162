@nato-support-act
Feature: 22 U.S.C. 1928f(c): consultation first, and written notice at least 180 days before
  The Senate's consent or an Act of Congress does not excuse either duty.

  Background:
    Given the date is 2026-03-01
    And the Senate gave its advice and consent with 70 of 100 Senators present concurring

  Scenario: Notice on the 180th day before the action is in time
    Given the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-09-02
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is permitted

  Scenario: Notice on the 179th day before the action is one day late
    Given the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-09-03
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(c)(2)"
    And the action is not blocked by "22 U.S.C. 1928f(c)(1)"
    And the action is not blocked by "22 U.S.C. 1928f(a)"

  Scenario: Notice only 90 days before, even with the Senate's consent
    Given the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-12-01
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked by "Pub. L. 118-31, § 1250A(c)(2)"

  Scenario: Timely notice but no consultation
    Given the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-06-01
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(c)(1)"
    And the action is not blocked by "22 U.S.C. 1928f(c)(2)"

  Scenario: Neither consultation nor notice: the whole subsection (c) blocks
    When the President proposes to suspend the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(c)"
    And the action is blocked by "22 U.S.C. 1928f"
    And the action is not blocked by "22 U.S.C. 1928f(b)"

  Scenario: An Act of Congress does not excuse the notice
    Given an Act of Congress authorizes the action
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    When the President proposes to terminate the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(c)(2)"

  Scenario: A consultation after the written notice does not satisfy (c)(1)
    Given an Act of Congress authorizes the action
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-06-01
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee on 2025-06-02
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(c)(1)"
    And the action is not blocked by "22 U.S.C. 1928f(c)(2)"

  Scenario: A consultation on the day of the written notice satisfies (c)(1)
    Given an Act of Congress authorizes the action
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee on 2025-06-01
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-06-01
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is permitted

  Scenario: A consultation dated after the action does not satisfy (c)(1) even with no notice
    Given an Act of Congress authorizes the action
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee on 2026-03-02
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(c)(1)"

  Scenario: With two notices, the consultation must come before the first
    Given an Act of Congress authorizes the action
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-05-01
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee on 2025-05-15
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-06-01
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(c)(1)"
