@history
Feature: 2020: the planned drawdown from Germany
  In July 2020 the administration planned to cut about 12,000 of some 36,000 U.S. troops in Germany. The FY2021
  NDAA, enacted over the President's veto on 2021-01-01, barred going below 34,500 until 120 days after an
  assessment (reported).

  Scenario: The July 2020 plan, before the limitation was enacted
    Given the date is 2020-07-29
    When the Secretary of Defense proposes to reduce United States forces in Germany to 24,000
    Then the action is permitted

  Scenario: The same cut on the day the FY2021 NDAA became law
    Given the date is 2021-01-01
    When the Secretary of Defense proposes to reduce United States forces in Germany to 24,000
    Then the action is blocked by "Pub. L. 116-283 (Germany troop limitation)"
