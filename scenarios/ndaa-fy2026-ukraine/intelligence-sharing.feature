@ndaa-fy2026-ukraine
Feature: Pub. L. 119-60: notice to Congress when intelligence sharing with Ukraine is curtailed (hard case 19)

  Background:
    Given the date is 2026-03-02

  Scenario: Notified 48 hours after the curtailment
    Given the Secretary of Defense notified Congress of the curtailment 48 hours after it began
    When the Secretary of Defense proposes to curtail intelligence sharing with Ukraine
    Then the action is permitted

  Scenario: Notified 49 hours after: Monday 09:00 to Wednesday 10:00
    Given the Secretary of Defense notified Congress of the curtailment 49 hours after it began
    When the Secretary of Defense proposes to curtail intelligence sharing with Ukraine
    Then the action is blocked by "NDAA FY2026 Ukraine intelligence notice"

  Scenario: Not notified at all
    When the Secretary of Defense proposes to curtail intelligence sharing with Ukraine
    Then the action is blocked by "Pub. L. 119-60 (Ukraine intelligence-sharing notice)"

  Scenario: Under the "immediate" reading, 24 hours is late
    Given the interpretation "ndaa-fy2026.ukraine-intel.timing" is "immediate"
    And the Secretary of Defense notified Congress of the curtailment 24 hours after it began
    When the Secretary of Defense proposes to curtail intelligence sharing with Ukraine
    Then the action is blocked

  Scenario: Under the "immediate" reading, notice at the curtailment is in time
    Given the interpretation "ndaa-fy2026.ukraine-intel.timing" is "immediate"
    And the Secretary of Defense notified Congress of the curtailment 0 hours after it began
    When the Secretary of Defense proposes to curtail intelligence sharing with Ukraine
    Then the action is permitted

