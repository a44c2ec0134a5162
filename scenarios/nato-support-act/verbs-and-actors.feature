@nato-support-act
Feature: 22 U.S.C. 1928f: the four verbs, Article 13 notice, and who acts

  Background:
    Given the date is 2026-03-01
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-09-01

  Scenario: Suspending the Treaty is covered by the verb "suspend"
    When the President proposes to suspend the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(a)"
    And the action is not blocked by "North Atlantic Treaty, Art. 13"

  Scenario: Terminating the Treaty is covered by the verb "terminate"
    When the President proposes to terminate the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(a)"

  Scenario: Denouncing the Treaty is covered by the verb "denounce"
    When the President proposes to denounce the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(a)"

  Scenario: A notice of denunciation under Article 13 is the act of denouncing
    When the President proposes to give notice of denunciation under Article 13 of the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(a)"
    And the action is blocked by "22 U.S.C. 1928f(b)"
    And the action is not blocked by "North Atlantic Treaty, Art. 13"

  Scenario: The Secretary of State sends the notice: (a) names the President, (b) reaches any official
    When the Secretary of State proposes to give notice of denunciation under Article 13 of the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(b)"
    And the action is not blocked by "22 U.S.C. 1928f(a)"

  Scenario: The Secretary of Defense withdraws: barred by the funds bar
    When the Secretary of Defense proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(b)"
    And the action is not blocked by "22 U.S.C. 1928f(a)"

  Scenario: A cabinet officer acting with the Senate's consent is permitted
    Given the Senate gave its advice and consent with 80 of 95 Senators present concurring
    When the Secretary of State proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is permitted
