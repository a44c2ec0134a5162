Feature: The sixty-day clock of the War Powers Resolution (50 U.S.C. 1544(b))
  The forces were introduced into hostilities on 2026-03-01, so the report under 1543(a)(1) was due on
  2026-03-03 (48 hours later). The use of the forces must end within sixty days after the report was
  submitted or was due, whichever is earlier.

  Background:
    Given United States Armed Forces were introduced into hostilities on 2026-03-01

  Scenario: On the sixtieth day after a report submitted in time, the forces may still be engaged
    Given the President submitted the report under 50 U.S.C. 1543(a)(1) on 2026-03-02
    And the date is 2026-05-01
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is permitted

  Scenario: On the sixty-first day after the report, their use must have ended
    Given the President submitted the report under 50 U.S.C. 1543(a)(1) on 2026-03-02
    And the date is 2026-05-02
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is blocked by "50 U.S.C. 1544(b)"

  Scenario: A late report does not restart the clock: it runs from the day the report was due
    Given the President submitted the report under 50 U.S.C. 1543(a)(1) on 2026-03-20
    And the date is 2026-05-02
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is permitted

  Scenario: Sixty-one days after the day the report was due, a late report does not help
    Given the President submitted the report under 50 U.S.C. 1543(a)(1) on 2026-03-20
    And the date is 2026-05-03
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is blocked by "War Powers Resolution § 5(b)"

  Scenario: With no report at all, the sixtieth day after the day it was due is still within the period
    Given the date is 2026-05-02
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is permitted

  Scenario: With no report at all, the clock runs from the day it was due
    Given the date is 2026-05-03
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is blocked by "50 U.S.C. 1544(b)"

  Scenario: Before the law was enacted, it limits nothing
    Given the date is 1973-11-06
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is permitted
