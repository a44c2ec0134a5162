@nato-support-act
Feature: 22 U.S.C. 1928f applies from its enactment on 2023-12-22, and not before

  Scenario: The day before enactment, only the Treaty and the Constitution govern
    Given the date is 2023-12-21
    When the President proposes to give notice of denunciation under Article 13 of the North Atlantic Treaty
    Then the action is permitted
    And the action is not blocked by "22 U.S.C. 1928f"

  Scenario: On the day of enactment the Act applies
    Given the date is 2023-12-22
    When the President proposes to give notice of denunciation under Article 13 of the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(a)"

  Scenario: A 2019 denunciation notice, before the Act existed (hard case 1)
    Given the date is 2019-01-15
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is permitted
