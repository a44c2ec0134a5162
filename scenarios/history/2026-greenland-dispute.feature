@history
Feature: January 2026: the Greenland dispute
  During the brief transatlantic argument over Greenland in January 2026, any move to suspend the Treaty or to
  pull forces out of Europe would have met both the NATO Support Act and the FY2026 NDAA.

  Scenario: Suspending the Treaty as leverage
    Given the date is 2026-01-20
    When the President proposes to suspend the North Atlantic Treaty
    Then the action is blocked by "22 U.S.C. 1928f(a)"

  Scenario: Pulling forces out of Europe as leverage
    Given the date is 2026-01-20
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 60,000 for 90 days
    Then the action is blocked by "Pub. L. 119-60, § 1249"

  Scenario: Moving air-defense equipment out of Europe as leverage
    Given the date is 2026-01-20
    When the Secretary of Defense proposes to relocate equipment valued at $40,000,000 out of the European Command area of responsibility
    Then the action is blocked by "Pub. L. 119-60, § 1249"
