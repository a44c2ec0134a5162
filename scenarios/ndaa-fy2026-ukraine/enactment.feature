@ndaa-fy2026-ukraine
Feature: The Ukraine intelligence-sharing notice applies from 2025-12-18

  Scenario: Before the FY2026 NDAA no notice was owed
    Given the date is 2025-12-17
    When the Secretary of Defense proposes to curtail intelligence sharing with Ukraine
    Then the action is permitted
