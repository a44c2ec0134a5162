Feature: The emergency statement and the certification itself (22 U.S.C. 2776(b)(1))

  Scenario: No certification at all: the letter of offer may not be issued
    Given the date is 2026-03-20
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to India for $150,000,000 of defense articles or services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"

  Scenario: A certification received after the day of the action comes too late
    Given Congress received the President's numbered certification of the proposed sale on 2026-03-21
    And the date is 2026-03-20
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to India for $150,000,000 of defense articles or services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"

  Scenario: An emergency stated in the certification waives the review period: the next day
    Given Congress received the President's numbered certification of the proposed sale, stating that an emergency requires the sale in the national security interest of the United States, on 2026-03-01
    And the date is 2026-03-02
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to India for $150,000,000 of defense articles or services
    Then the action is permitted

  Scenario: An emergency stated in the certification: on the very day Congress receives it
    Given Congress received the President's numbered certification of the proposed sale, stating that an emergency requires the sale in the national security interest of the United States, on 2026-03-01
    And the date is 2026-03-01
    When the President proposes to issue a letter of offer to Saudi Arabia for $500,000,000 of defense articles or services
    Then the action is permitted

  Scenario: An emergency certification not yet received does not waive anything
    Given Congress received the President's numbered certification of the proposed sale, stating that an emergency requires the sale in the national security interest of the United States, on 2026-03-05
    And the date is 2026-03-02
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to India for $150,000,000 of defense articles or services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"
