@north-atlantic-treaty
Feature: Article 5 and the revocation of a notice of denunciation (hard cases 20 and 21)
  Neither is barred by a statute; each verdict flags the unsettled question it leaves open.

  Scenario: Revoking a notice of denunciation is not a covered verb, and the treaty question is flagged
    Given the date is 2026-03-01
    When the President proposes to revoke a notice of denunciation of the North Atlantic Treaty
    Then the action is permitted
    And the action is not blocked by "22 U.S.C. 1928f"
    And the outcome does not depend on any interpretation

  Scenario: A successor revoking the notice is no different
    Given the date is 2027-02-01
    When the Secretary of State proposes to revoke a notice of denunciation of the North Atlantic Treaty
    Then the action is permitted

  Scenario: Article 5 leaves the means to each party; read as a suspension, disavowing it is barred
    Given the date is 2026-03-01
    And the interpretation "nsa.partial-measures" is "suspension"
    When the President proposes to declare that the United States will not defend an ally under Article 5 of the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(a)"
    And the action is not blocked by "Art. 5"
