@history
Feature: 2018: the threatened U.S. exit from NATO
  At the July 2018 Brussels summit the President was reported to have threatened to leave the Alliance. The
  NATO Support Act did not yet exist (H.R. 676 passed the House in January 2019 but never became law), so
  only the Treaty's Article 13 applied: denunciation had been available since 1969.

  Scenario: A notice of denunciation in July 2018 was lawful under U.S. statute then in force
    Given the date is 2018-07-12
    When the President proposes to give notice of denunciation under Article 13 of the North Atlantic Treaty
    Then the action is permitted
    And the action is not blocked by "22 U.S.C. 1928f"
    And the action is not blocked by "North Atlantic Treaty, Art. 13"

  Scenario: The same notice after the NATO Support Act is barred
    Given the date is 2024-07-12
    When the President proposes to give notice of denunciation under Article 13 of the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(a)"
