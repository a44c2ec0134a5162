@nato-support-act
Feature: 22 U.S.C. 1928f and the moves short of leaving: partial measures, deliberation (hard cases 4, 7, 20)
  Whether leaving NATO's integrated military command, or disavowing Article 5, "suspends" the Treaty is not
  settled: the answer depends on the interpretation nsa.partial-measures, and the verdict says so. Deliberating
  about withdrawal bars nothing, but triggers the duty to notify the committees as soon as possible.

  Scenario: Leaving the integrated military command is not clearly a suspension
    Given the date is 2026-03-01
    When the President proposes to withdraw the United States from the integrated military command structure of NATO
    Then the action is permitted
    And the outcome depends on the interpretation "nsa.partial-measures"

  Scenario: Read as a suspension, leaving the integrated command is barred without Congress
    Given the date is 2026-03-01
    And the interpretation "nsa.partial-measures" is "suspension"
    When the President proposes to withdraw the United States from the integrated military command structure of NATO
    Then the action is blocked by "22 U.S.C. 1928f(a)"

  Scenario: Read as a suspension, an Act of Congress with consultation and notice lifts it
    Given the date is 2026-03-01
    And the interpretation "nsa.partial-measures" is "suspension"
    And an Act of Congress authorizes the action
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-06-01
    When the President proposes to withdraw the United States from the integrated military command structure of NATO
    Then the action is permitted

  Scenario: Disavowing Article 5 is flagged, not barred by default
    Given the date is 2026-03-01
    When the President proposes to declare that the United States will not defend an ally under Article 5 of the North Atlantic Treaty
    Then the action is permitted
    And the outcome depends on an interpretation

  Scenario: Before the NATO Support Act, disavowing Article 5 depended on no reading of it
    Given the date is 2023-12-21
    When the President proposes to declare that the United States will not defend an ally under Article 5 of the North Atlantic Treaty
    Then the action is permitted
    And the outcome does not depend on any interpretation

  Scenario: Deliberating about withdrawal triggers the notice duty
    Given the date is 2026-03-01
    When the President proposes to begin deliberating whether to withdraw the United States from the North Atlantic Treaty
    Then the action is permitted
    And the action triggers a duty under "22 U.S.C. 1928f(c)(2)"
    And the duty under "22 U.S.C. 1928f(c)(2)" is pending

  Scenario: A written notice of the deliberation meets the duty
    Given the date is 2026-03-01
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2026-03-01
    When the President proposes to begin deliberating whether to withdraw the United States from the North Atlantic Treaty
    Then the duty under "22 U.S.C. 1928f(c)(2)" is met

  Scenario: Before the Act, deliberation triggered no duty
    Given the date is 2023-12-21
    When the President proposes to begin deliberating whether to withdraw the United States from the North Atlantic Treaty
    Then the action triggers no duty
