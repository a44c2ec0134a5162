@us-code-title-10
Feature: 10 U.S.C. 123b: no more than 203,000 on permanent duty ashore abroad at a fiscal-year end

  Background:
    Given the date is 2026-09-30

  Scenario: Exactly 203,000 is within the cap
    When the Secretary of Defense proposes to keep 203,000 members of the armed forces on permanent duty ashore outside the United States at the end of the fiscal year
    Then the action is permitted

  Scenario: 203,001 exceeds the cap
    When the Secretary of Defense proposes to keep 203,001 members of the armed forces on permanent duty ashore outside the United States at the end of the fiscal year
    Then the action is blocked by "10 U.S.C. 123b"

  Scenario: A declaration of war suspends the cap
    Given Congress has declared war
    When the Secretary of Defense proposes to keep 250,000 members of the armed forces on permanent duty ashore outside the United States at the end of the fiscal year
    Then the action is permitted

  Scenario: An armed attack on an ally suspends the cap
    Given an armed attack has been made on a NATO ally, Japan or the Republic of Korea
    When the Secretary of Defense proposes to keep 250,000 members of the armed forces on permanent duty ashore outside the United States at the end of the fiscal year
    Then the action is permitted

  Scenario: The President's emergency waiver lifts the cap
    Given the President declared a national emergency and waived the limit on forces ashore abroad
    When the Secretary of Defense proposes to keep 250,000 members of the armed forces on permanent duty ashore outside the United States at the end of the fiscal year
    Then the action is permitted

  Scenario: The emergency waiver lifts the cap and attaches a duty to notify Congress immediately
    Given the President declared a national emergency and waived the limit on forces ashore abroad
    When the Secretary of Defense proposes to keep 250,000 members of the armed forces on permanent duty ashore outside the United States at the end of the fiscal year
    Then the action is permitted
    And the duty under "10 U.S.C. 123b" is pending

  Scenario: With the immediate notice the duty is met
    Given the President declared a national emergency and waived the limit on forces ashore abroad
    And the President immediately notified Congress of the waiver
    When the Secretary of Defense proposes to keep 250,000 members of the armed forces on permanent duty ashore outside the United States at the end of the fiscal year
    Then the duty under "10 U.S.C. 123b" is met

  Scenario: Without a waiver there is no duty
    When the Secretary of Defense proposes to keep 200,000 members of the armed forces on permanent duty ashore outside the United States at the end of the fiscal year
    Then the action triggers no duty
