Feature: What lets the use of the forces go on past the sixty days (1544(b)(1)-(3) and the thirty-day extension)

  Background:
    Given United States Armed Forces were introduced into hostilities on 2026-03-01
    And the President submitted the report under 50 U.S.C. 1543(a)(1) on 2026-03-02

  Scenario: A declaration of war stops the clock
    Given Congress has declared war
    And the date is 2026-08-01
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is permitted

  Scenario: A specific statutory authorization stops the clock
    Given Congress enacted a specific authorization for the use of United States Armed Forces
    And the date is 2026-08-01
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is permitted

  Scenario: An appropriations Act is not a specific authorization (1547(a)(1))
    Given an appropriations Act funds the operation
    And the date is 2026-08-01
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is blocked by "50 U.S.C. 1544(b)"

  Scenario: Article 5 of the North Atlantic Treaty is not a specific authorization (1547(a)(2))
    Given the operation answers an armed attack on a NATO ally under Article 5 of the North Atlantic Treaty
    And the date is 2026-08-01
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is blocked by "50 U.S.C. 1544(b)"

  Scenario: An Act extending the period lets the forces stay until the day it names
    Given an Act of Congress extended the sixty-day period to 2026-07-01
    And the date is 2026-07-01
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is permitted

  Scenario: The day after the extended period ends, the use must have ended
    Given an Act of Congress extended the sixty-day period to 2026-07-01
    And the date is 2026-07-02
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is blocked by "50 U.S.C. 1544(b)"

  Scenario: While Congress cannot meet because of an armed attack on the United States, the clock does not end the use
    Given Congress is physically unable to meet as a result of an armed attack upon the United States
    And the date is 2026-08-01
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is permitted

  Scenario: The certification of military necessity adds thirty days: the ninetieth day after the report
    Given the President certified to Congress in writing that unavoidable military necessity requires the continued use of the forces
    And the date is 2026-05-31
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is permitted

  Scenario: The certification adds no more than thirty days: the ninety-first day
    Given the President certified to Congress in writing that unavoidable military necessity requires the continued use of the forces
    And the date is 2026-06-01
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is blocked by "50 U.S.C. 1544(b)"
