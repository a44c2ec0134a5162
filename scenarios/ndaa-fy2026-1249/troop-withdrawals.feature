@ndaa-fy2026-1249
Feature: Withdrawing and moving troops by country: the floors read the totals they govern (the seed's moves)
  A withdrawal from a country of the EUCOM area lowers the area's total; a move between two countries of the
  area leaves it unchanged but lowers the first country's own total. A floor that needs a total the scenario
  does not give is undetermined, never permitted: the verdict names the fact to add.

  Background:
    Given the date is 2026-03-01

  Scenario: Without the area's total, a withdrawal from Germany is undetermined
    When the Secretary of Defense proposes to withdraw 5,000 United States troops from Germany for 60 days
    Then the action is undetermined

  Scenario: 80,000 less 5,000 for 60 days is below the floor too long
    Given United States forces in the European Command area of responsibility number 80,000
    When the Secretary of Defense proposes to withdraw 5,000 United States troops from Germany for 60 days
    Then the action is blocked by "Pub. L. 119-60, § 1249"

  Scenario: 80,000 less 4,000 keeps exactly 76,000
    Given United States forces in the European Command area of responsibility number 80,000
    When the Secretary of Defense proposes to withdraw 4,000 United States troops from Germany for 60 days
    Then the action is permitted

  Scenario: A 45-day dip is tolerated
    Given United States forces in the European Command area of responsibility number 80,000
    When the Secretary of Defense proposes to withdraw 5,000 United States troops from Germany for 45 days
    Then the action is permitted

  Scenario: A withdrawal from Japan is not counted against the European floor
    When the Secretary of Defense proposes to withdraw 5,000 United States troops from Japan for 60 days
    Then the action is permitted

  Scenario: A move from Germany to Poland leaves the area's total unchanged
    When the Secretary of Defense proposes to move 5,000 United States troops from Germany to Poland
    Then the action is permitted
    And the action is not blocked by "Pub. L. 119-60, § 1249"

  Scenario: A move from Germany to Japan takes troops out of the area for good
    Given United States forces in the European Command area of responsibility number 78,000
    When the Secretary of Defense proposes to move 3,000 United States troops from Germany to Japan
    Then the action is blocked by "Pub. L. 119-60, § 1249"

  Scenario: A move out of the area that keeps the area at its floor is not blocked by § 1249
    # 78,000 - 2,000 = 76,000: at the floor, not below it. (Until the one-meaning redesign, durable-rules
    # dropped the count test after the list of the area's countries and blocked every move out of the area.)
    Given United States forces in the European Command area of responsibility number 78,000
    When the Secretary of Defense proposes to move 2,000 United States troops from Germany to Japan
    Then the action is not blocked by "Pub. L. 119-60, § 1249"

  Scenario: A move out of the area without the area's total is undetermined
    When the Secretary of Defense proposes to move 3,000 United States troops from Germany to Japan
    Then the action is undetermined

  Scenario: Both certifications lift the floor, and the missing total no longer matters
    Given the Secretary of Defense certified the action to the congressional defense committees
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to withdraw 5,000 United States troops from Germany for 60 days
    Then the action is permitted

  Scenario: Korea: 28,500 less 500 is below its floor
    Given United States forces in the Republic of Korea number 28,500
    When the Secretary of Defense proposes to withdraw 500 United States troops from the Republic of Korea for 30 days
    Then the action is blocked by "Pub. L. 119-60, § ___ (Korea troop floor)"

  Scenario: Korea: without its total, undetermined
    When the Secretary of Defense proposes to withdraw 500 United States troops from South Korea for 30 days
    Then the action is undetermined

  Scenario: Hard case 13: a country the Unified Command Plan moved out of the area is not counted, as defined at the time
    Given United States forces in the European Command area of responsibility number 80,000
    And the Unified Command Plan moved Georgia out of the European Command area of responsibility
    When the Secretary of Defense proposes to withdraw 5,000 United States troops from Georgia for 60 days
    Then the action is permitted
    And the outcome depends on the interpretation "ndaa-fy2026.1249.aor"

  Scenario: Hard case 13: counted against the area as enacted, it is blocked
    Given United States forces in the European Command area of responsibility number 80,000
    And the Unified Command Plan moved Georgia out of the European Command area of responsibility
    And the interpretation "ndaa-fy2026.1249.aor" is "as-enacted"
    When the Secretary of Defense proposes to withdraw 5,000 United States troops from Georgia for 60 days
    Then the action is blocked by "Pub. L. 119-60, § 1249"

  Scenario: With the area's total given, both certifications lift the floor for a withdrawal
    Given United States forces in the European Command area of responsibility number 80,000
    And the Secretary of Defense certified the action to the congressional defense committees
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to withdraw 5,000 United States troops from Germany for 60 days
    Then the action is permitted

  Scenario: Both certifications lift the floor for a move out of the area
    Given United States forces in the European Command area of responsibility number 78,000
    And the Secretary of Defense certified the action to the congressional defense committees
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to move 3,000 United States troops from Germany to Japan
    Then the action is permitted

  Scenario: A move from Japan into the area does not lower it
    Given United States forces in the European Command area of responsibility number 76,000
    When the Secretary of Defense proposes to move 3,000 United States troops from Japan to Germany
    Then the action is permitted

  Scenario: Hard case 13: returning a base in a country moved out of the area, as defined at the time
    Given the Unified Command Plan moved Georgia out of the European Command area of responsibility
    When the Secretary of Defense proposes to return a military installation in Georgia to the host nation
    Then the action is permitted
    And the outcome depends on the interpretation "ndaa-fy2026.1249.aor"

  Scenario: Korea: a complete certification lifts its floor for a withdrawal
    Given United States forces in the Republic of Korea number 28,500
    And the Secretary of Defense certified the action to the congressional defense committees
    When the Secretary of Defense proposes to withdraw 500 United States troops from the Republic of Korea for 30 days
    Then the action is permitted

  Scenario: Under the cumulative reading, earlier days below the floor count toward the 45
    Given United States forces in the European Command area of responsibility number 80,000
    And United States forces in the European Command area of responsibility were already below the floor for 30 days this fiscal year
    And the interpretation "ndaa-fy2026.1249.dip-days" is "cumulative"
    When the Secretary of Defense proposes to withdraw 5,000 United States troops from Germany for 20 days
    Then the action is blocked by "Pub. L. 119-60, § 1249"

  Scenario: A move out of the area from a country the Unified Command Plan moved out is not counted, as defined at the time
    Given United States forces in the European Command area of responsibility number 78,000
    And the Unified Command Plan moved Georgia out of the European Command area of responsibility
    When the Secretary of Defense proposes to move 3,000 United States troops from Georgia to Japan
    Then the action is permitted

  Scenario: Korea: the Korea-specific certification lifts its floor for a withdrawal
    Given United States forces in the Republic of Korea number 28,500
    And the Secretary of Defense certified the reduction in the Republic of Korea to the congressional defense committees
    When the Secretary of Defense proposes to withdraw 500 United States troops from the Republic of Korea for 30 days
    Then the action is permitted
