Feature: Removal when Congress so directs (50 U.S.C. 1544(c)), a provision INS v. Chadha put in doubt

  Background:
    Given United States Armed Forces were introduced into hostilities on 2026-03-01
    And the President submitted the report under 50 U.S.C. 1543(a)(1) on 2026-03-02

  Scenario: A concurrent resolution directing removal: under the Chadha reading it does not bind
    Given Congress directed the removal of United States Armed Forces by concurrent resolution on 2026-03-20
    And the date is 2026-04-01
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is permitted
    And the outcome depends on the interpretation "wpr.concurrent-resolution"

  Scenario: Read as written, the concurrent resolution ends the use of the forces
    Given Congress directed the removal of United States Armed Forces by concurrent resolution on 2026-03-20
    And the interpretation "wpr.concurrent-resolution" is "as-written"
    And the date is 2026-04-01
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is blocked by "50 U.S.C. 1544(c)"

  Scenario: A joint resolution that became law binds on either reading
    Given a joint resolution directing the removal of United States Armed Forces became law on 2026-03-20
    And the date is 2026-04-01
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is blocked by "50 U.S.C. 1544(c)"
    And the outcome does not depend on any interpretation

  Scenario: A direction given after the day of the action does not reach back
    Given a joint resolution directing the removal of United States Armed Forces became law on 2026-04-02
    And the date is 2026-04-01
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is permitted

  Scenario: A declaration of war takes the use of the forces out of 1544(c)
    Given a joint resolution directing the removal of United States Armed Forces became law on 2026-03-20
    And Congress has declared war
    And the date is 2026-04-01
    When the President proposes to continue the use of United States Armed Forces in the hostilities
    Then the action is permitted
