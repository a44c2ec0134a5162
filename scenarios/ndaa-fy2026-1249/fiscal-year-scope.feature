@ndaa-fy2026-1249
Feature: Pub. L. 119-60, § 1249 before enactment and after FY2026
  Reported as limitations on FY2026 funds: under the default reading (ndaa-fy2026.1249.funds-scope =
  fy2026-only) they lapse after 2026-09-30; under "continuing" they still bind (see interpretations/).

  Scenario: Relocating equipment the day before the Act
    Given the date is 2025-12-17
    When the Secretary of Defense proposes to relocate equipment valued at $2,000,000 out of the European Command area of responsibility
    Then the action is permitted

  Scenario: Relocating equipment in FY2027 under the default reading
    Given the date is 2026-10-01
    When the Secretary of Defense proposes to relocate equipment valued at $2,000,000 out of the European Command area of responsibility
    Then the action is permitted

  Scenario: Returning a base in Germany the day before the Act
    Given the date is 2025-12-17
    When the Secretary of Defense proposes to return a military installation in Germany to the host nation
    Then the action is permitted

  Scenario: Returning a base in Germany in FY2027 under the default reading
    Given the date is 2026-10-01
    When the Secretary of Defense proposes to return a military installation in Germany to the host nation
    Then the action is permitted

  Scenario: Returning a base in Germany in FY2027 if the limits continue
    Given the date is 2026-10-01
    And the interpretation "ndaa-fy2026.1249.funds-scope" is "continuing"
    When the Secretary of Defense proposes to return a military installation in Germany to the host nation
    Then the action is blocked by "Pub. L. 119-60, § 1249"

  Scenario: Relinquishing SACEUR in FY2027 under the default reading
    Given the date is 2026-10-01
    When the President proposes to relinquish the post of Supreme Allied Commander Europe
    Then the action is permitted
