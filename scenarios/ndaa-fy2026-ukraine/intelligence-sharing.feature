@ndaa-fy2026-ukraine
Feature: Pub. L. 119-60: notice to Congress when intelligence sharing with Ukraine is curtailed (hard case 19)
  A duty attached to the action, not a bar on it: the curtailment is permitted, and the Secretary of Defense
  must notify the committees of both Houses within 48 hours (or immediately: the reports differ, and the
  reading is a named interpretation). A late notice breaches the duty; without one, it is pending.

  Background:
    Given the date is 2026-03-02

  Scenario: Notified 48 hours after the curtailment
    Given the Secretary of Defense notified Congress of the curtailment 48 hours after it began
    When the Secretary of Defense proposes to curtail intelligence sharing with Ukraine
    Then the action is permitted
    And the duty under "Pub. L. 119-60" is met
    And the outcome depends on the interpretation "ndaa-fy2026.ukraine-intel.timing"

  Scenario: Notified 49 hours after: Monday 09:00 to Wednesday 10:00
    Given the Secretary of Defense notified Congress of the curtailment 49 hours after it began
    When the Secretary of Defense proposes to curtail intelligence sharing with Ukraine
    Then the action is permitted
    And the action triggers a duty under "NDAA FY2026 Ukraine intelligence notice"
    And the duty under "Pub. L. 119-60 (Ukraine intelligence-sharing notice)" is breached
    And the outcome does not depend on any interpretation

  Scenario: Not notified at all: the duty is owed
    When the Secretary of Defense proposes to curtail intelligence sharing with Ukraine
    Then the action is permitted
    And the duty under "Pub. L. 119-60 (Ukraine intelligence-sharing notice)" is pending

  Scenario: Under the "immediate" reading, 24 hours is late
    Given the interpretation "ndaa-fy2026.ukraine-intel.timing" is "immediate"
    And the Secretary of Defense notified Congress of the curtailment 24 hours after it began
    When the Secretary of Defense proposes to curtail intelligence sharing with Ukraine
    Then the duty under "Pub. L. 119-60" is breached

  Scenario: Under the "immediate" reading, notice at the curtailment is in time
    Given the interpretation "ndaa-fy2026.ukraine-intel.timing" is "immediate"
    And the Secretary of Defense notified Congress of the curtailment 0 hours after it began
    When the Secretary of Defense proposes to curtail intelligence sharing with Ukraine
    Then the action is permitted
    And the duty under "Pub. L. 119-60" is met

  Scenario: Other actions trigger no such duty
    When the Secretary of Defense proposes to reduce United States forces in the Republic of Korea to 28,500
    Then the action triggers no duty
