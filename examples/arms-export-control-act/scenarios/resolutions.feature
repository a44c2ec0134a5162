Feature: Joint and concurrent resolutions prohibiting the sale (22 U.S.C. 2776(b)(1); Pub. L. 99-247; INS v. Chadha)
  Congress received the certification of a sale to Japan on 2026-03-01: the fifteen days run through 2026-03-16
  on the default reading. Only a joint resolution enacted into law within them bars the letter of offer.

  Background:
    Given Congress received the President's numbered certification of the proposed sale on 2026-03-01

  Scenario: A joint resolution prohibiting the sale, enacted within the fifteen days, bars the letter of offer
    Given a joint resolution prohibiting the proposed sale became law on 2026-03-10
    And the date is 2026-03-20
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Japan for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"
    And the outcome does not depend on any interpretation

  Scenario: A joint resolution enacted on the fifteenth day after receipt: within the period on the default reading
    Given a joint resolution prohibiting the proposed sale became law on 2026-03-16
    And the date is 2026-03-20
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Japan for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"
    And the outcome depends on the interpretation "aeca.36b.period-count"

  Scenario: A joint resolution enacted after the day of the action does not reach back to it
    Given Congress received the President's numbered certification of the proposed sale, stating that an emergency requires the sale in the national security interest of the United States, on 2026-03-01
    And a joint resolution prohibiting the proposed sale became law on 2026-03-10
    And the date is 2026-03-09
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Japan for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is permitted
    And the outcome does not depend on any interpretation

  Scenario: A joint resolution enacted after the period is outside § 36(b)(1) (flagged: it is still a law)
    Given a joint resolution prohibiting the proposed sale became law on 2026-03-18
    And the date is 2026-03-20
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Japan for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is permitted

  Scenario: An emergency statement does not lift an enacted joint resolution, on the default reading
    Given Congress received the President's numbered certification of the proposed sale, stating that an emergency requires the sale in the national security interest of the United States, on 2026-03-01
    And a joint resolution prohibiting the proposed sale became law on 2026-03-05
    And the date is 2026-03-06
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Japan for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"
    And the outcome depends on the interpretation "aeca.36b.resolution-after-emergency"

  Scenario: Read as § 36(b)(1)'s "unless" clause is written, the emergency statement waives the joint resolution too
    Given Congress received the President's numbered certification of the proposed sale, stating that an emergency requires the sale in the national security interest of the United States, on 2026-03-01
    And a joint resolution prohibiting the proposed sale became law on 2026-03-05
    And the interpretation "aeca.36b.resolution-after-emergency" is "waived"
    And the date is 2026-03-06
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Japan for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is permitted

  Scenario: A concurrent resolution objecting to the sale does not bar it (Pub. L. 99-247, after INS v. Chadha)
    Given Congress adopted a concurrent resolution objecting to the proposed sale on 2026-03-10
    And the date is 2026-03-20
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Japan for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is permitted
    And the action is not blocked by "INS v. Chadha"

  Scenario: A concurrent resolution does not shorten the wait either: the period still runs
    Given Congress adopted a concurrent resolution objecting to the proposed sale on 2026-03-10
    And the date is 2026-03-12
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Japan for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"

  Scenario: A joint resolution against a sale to another country, enacted on the thirtieth day after receipt
    Given a joint resolution prohibiting the proposed sale became law on 2026-03-31
    And the date is 2026-04-02
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Saudi Arabia for $150,000,000 of defense articles or services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"
