@history
Feature: 2001: the pledge to withdraw U.S. troops from Bosnia and Kosovo
  During the 2000 campaign George W. Bush pledged to withdraw U.S. troops from Bosnia and Kosovo; in June 2001
  he told NATO "we came in together, and we will leave together". No statute then limited such a drawdown:
  the constraints were political and institutional. Modelled as a cut of the forces in the EUCOM area
  (which then included the Balkans).

  Scenario: A Balkans drawdown in June 2001 met no statutory limit
    Given the date is 2001-06-13
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 100,000 for 365 days
    Then the action is permitted
    And the action is not blocked by "Pub. L. 119-60, § 1249"
