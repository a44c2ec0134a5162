Feature: Without the day the forces were introduced, the clock cannot be decided
  The report may have been late: the sixty days may run from an earlier day than the report's.

  Scenario: A report alone, within sixty days of it, leaves the verdict undetermined
    Given the President submitted the report under 50 U.S.C. 1543(a)(1) on 2026-03-02
    And the date is 2026-04-20
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is undetermined

  Scenario: More than sixty days after the report itself, it is blocked whatever the day of introduction
    Given the President submitted the report under 50 U.S.C. 1543(a)(1) on 2026-03-02
    And the date is 2026-05-02
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is blocked by "50 U.S.C. 1544(b)"
