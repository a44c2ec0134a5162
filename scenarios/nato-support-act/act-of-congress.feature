@nato-support-act
Feature: 22 U.S.C. 1928f(a) and (b): an Act of Congress, and the resolutions that are not one

  Background:
    Given the date is 2026-03-01
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-09-01

  Scenario: An Act of Congress authorizes the withdrawal
    Given an Act of Congress authorizes the action
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is permitted

  Scenario: A simple resolution of the Senate is not an Act of Congress nor a treaty vote
    Given a simple resolution of the Senate approves the action
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(a)"
    And the action is blocked by "22 U.S.C. 1928f(b)"

  Scenario: A concurrent resolution of Congress is not an Act of Congress
    Given a concurrent resolution of Congress approves the action
    When the President proposes to terminate the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(a)"
    And the action is blocked by "22 U.S.C. 1928f(b)"

  Scenario: Without any exit, every part of the section that applies blocks
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(a)"
    And the action is blocked by "22 U.S.C. 1928f(b)"
    And the action is not blocked by "22 U.S.C. 1928f(c)"
