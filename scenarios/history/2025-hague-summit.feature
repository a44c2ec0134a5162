@history
Feature: 2025: the months before the Hague summit
  Before the NATO summit in The Hague (June 2025) there were fears of a new crisis. The NATO Support Act bound
  any withdrawal; the FY2026 NDAA's limits on troops and on SACEUR did not yet exist (enacted 2025-12-18).

  Scenario: Withdrawal in June 2025 without the Senate or Congress
    Given the date is 2025-06-20
    When the President proposes to withdraw the United States from the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(a)"
    And the action is blocked by "22 U.S.C. 1928f(b)"
    And the action is blocked by "22 U.S.C. 1928f(c)(2)"

  Scenario: Relinquishing SACEUR in spring 2025, when it was reportedly considered
    Given the date is 2025-04-15
    When the Secretary of Defense proposes to relinquish the post of Supreme Allied Commander Europe
    Then the action is permitted

  Scenario: A deep troop cut in Europe in June 2025
    Given the date is 2025-06-20
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 65,000 for 180 days
    Then the action is permitted
