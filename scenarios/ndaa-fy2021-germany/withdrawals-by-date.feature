@ndaa-fy2021-germany
Feature: The FY2021 Germany limit, read against moves, applies from its enactment on 2021-01-01

  Scenario: The day before enactment a move out of Germany met no limit
    Given the date is 2020-12-31
    And United States forces in Germany number 36,000
    When the Secretary of Defense proposes to move 12,000 United States troops from Germany to Poland
    Then the action is permitted

  Scenario: After FY2026 a move out of the EUCOM area is no longer counted on the default reading
    Given the date is 2026-10-01
    And United States forces in the European Command area of responsibility number 78,000
    When the Secretary of Defense proposes to move 3,000 United States troops from Germany to Japan
    Then the action is permitted
