@north-atlantic-treaty
Feature: North Atlantic Treaty, Art. 13: denunciation only after twenty years in force
  The Treaty entered into force on 1949-08-24, so a notice of denunciation is available from 1969-08-24.

  Scenario: A notice of denunciation on the last day before twenty years (hard case 22)
    Given the date is 1969-08-23
    When the President proposes to give notice of denunciation under Article 13 of the North Atlantic Treaty
    Then the action is blocked by "North Atlantic Treaty, Art. 13"
    And the action is not blocked by "22 U.S.C. 1928f"

  Scenario: A notice of denunciation on the twentieth anniversary
    Given the date is 1969-08-24
    When the President proposes to give notice of denunciation under Article 13 of the North Atlantic Treaty
    Then the action is permitted

  Scenario: Withdrawal in 1960 needs a denunciation that was not yet available
    Given the date is 1960-01-01
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked by "North Atlantic Treaty"

  Scenario: Denouncing in 1965 by the Secretary of State
    Given the date is 1965-06-01
    When the Secretary of State proposes to denounce the North Atlantic Treaty
    Then the action is blocked by "North Atlantic Treaty, Art. 13"

  Scenario: Article 13 says nothing of suspension
    Given the date is 1960-01-01
    When the President proposes to suspend the North Atlantic Treaty
    Then the action is not blocked by "North Atlantic Treaty, Art. 13"

  # Before 1949-08-24 there is no Treaty to leave: such a date is an input error, not a verdict.
  Scenario: On the day the Treaty entered into force (1949-08-24) Article 13 already bars leaving it
    Given the date is 1949-08-24
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked by "North Atlantic Treaty, Art. 13"
    And the action is not blocked by "22 U.S.C. 1928f"
