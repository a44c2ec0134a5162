@ndaa-fy2026-korea
Feature: Pub. L. 119-60: at least 28,500 U.S. forces in the Republic of Korea (reported)

  Scenario: Exactly 28,500 is not below the floor
    Given the date is 2026-05-01
    When the Secretary of Defense proposes to reduce United States forces in the Republic of Korea to 28,500
    Then the action is permitted

  Scenario: 28,499 is below the floor
    Given the date is 2026-05-01
    When the Secretary of Defense proposes to reduce United States forces in the Republic of Korea to 28,499
    Then the action is blocked by "Pub. L. 119-60 (Korea troop floor)"

  Scenario: A certification made without consulting the allies does not lift the floor (hard case 17)
    Given the date is 2026-05-01
    And the Secretary of Defense certified the reduction in the Republic of Korea without consulting the allies
    When the Secretary of Defense proposes to reduce United States forces in the Republic of Korea to 28,000
    Then the action is blocked by "NDAA FY2026 Korea troop floor"

  Scenario: A complete certification lifts the floor
    Given the date is 2026-05-01
    And the Secretary of Defense certified the reduction in the Republic of Korea to the congressional defense committees
    When the Secretary of Defense proposes to reduce United States forces in the Republic of Korea to 28,000
    Then the action is permitted

  Scenario: The day before enactment there was no floor
    Given the date is 2025-12-17
    When the Secretary of Defense proposes to reduce United States forces in the Republic of Korea to 20,000
    Then the action is permitted

  Scenario: After FY2026 the floor lapses under the default reading
    Given the date is 2026-10-01
    When the Secretary of Defense proposes to reduce United States forces in the Republic of Korea to 20,000
    Then the action is permitted

  Scenario: After FY2026 the floor still binds if it continues
    Given the date is 2026-10-01
    And the interpretation "ndaa-fy2026.korea.funds-scope" is "continuing"
    When the Secretary of Defense proposes to reduce United States forces in the Republic of Korea to 20,000
    Then the action is blocked by "Pub. L. 119-60 (Korea troop floor)"

  Scenario: The Secretary's certification of the action is the certification the floor requires
    Given the date is 2026-05-01
    And the Secretary of Defense certified the action to the congressional defense committees
    When the Secretary of Defense proposes to reduce United States forces in the Republic of Korea to 28,000
    Then the action is permitted

  Scenario: A certification of the action dated after it does not lift the floor
    Given the date is 2026-05-01
    And the Secretary of Defense certified the action to the congressional defense committees on 2026-05-02
    When the Secretary of Defense proposes to reduce United States forces in the Republic of Korea to 28,000
    Then the action is blocked by "Pub. L. 119-60"

  Scenario: The EUCOM commander's certification alone does not lift the Korea floor
    Given the date is 2026-05-01
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to reduce United States forces in the Republic of Korea to 28,000
    Then the action is blocked by "Pub. L. 119-60"

  Scenario: A withdrawal after FY2026: the floor lapses on the default reading
    Given the date is 2026-10-01
    And United States forces in the Republic of Korea number 28,500
    When the Secretary of Defense proposes to withdraw 500 United States troops from the Republic of Korea for 30 days
    Then the action is permitted
