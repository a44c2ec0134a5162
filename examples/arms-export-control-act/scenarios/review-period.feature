Feature: The review period of 22 U.S.C. 2776(b)(1): fifteen or thirty calendar days after Congress receives the certification
  Fifteen days for the North Atlantic Treaty Organization, its member countries, Japan, Australia, the Republic of
  Korea, Israel and New Zealand; thirty for any other country or organization. Under the default reading
  (aeca.36b.period-count = after-day-of-receipt) the days run from the day after receipt. A certification received on
  2026-03-01 keeps the fifteen days open through 2026-03-16 and the thirty days through 2026-03-31. Under the other
  reading the letter may be issued one day earlier. The offers here reach the thresholds on every reading.

  Background:
    Given Congress received the President's numbered certification of the proposed sale on 2026-03-01

  Scenario: Japan, the fourteenth day after receipt: still in the period
    Given the date is 2026-03-15
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Japan for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"
    And the outcome does not depend on any interpretation

  Scenario: Japan, the fifteenth day after receipt: the last day Congress may act, on the default reading
    Given the date is 2026-03-16
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Japan for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"
    And the outcome depends on the interpretation "aeca.36b.period-count"

  Scenario: Japan, the fifteenth day after receipt, counting the day of receipt as the first day
    Given the interpretation "aeca.36b.period-count" is "day-of-receipt-counts"
    And the date is 2026-03-16
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Japan for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is permitted

  Scenario: Japan, the sixteenth day after receipt: the period has run on either reading
    Given the date is 2026-03-17
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Japan for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is permitted
    And the outcome does not depend on any interpretation

  Scenario Outline: The fifteen-day group: blocked on the fifteenth day, permitted on the sixteenth
    Given the date is <date>
    When the President proposes to issue a letter of offer to <buyer> for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is <outcome>

    Examples:
      | buyer                | date       | outcome   |
      | Israel               | 2026-03-16 | blocked   |
      | Israel               | 2026-03-17 | permitted |
      | the Republic of Korea | 2026-03-16 | blocked   |
      | the Republic of Korea | 2026-03-17 | permitted |
      | Australia            | 2026-03-17 | permitted |
      | New Zealand          | 2026-03-17 | permitted |
      | Poland               | 2026-03-16 | blocked   |
      | Poland               | 2026-03-17 | permitted |

  Scenario: The North Atlantic Treaty Organization itself is in the fifteen-day group
    Given the date is 2026-03-17
    When the Secretary of Defense proposes to issue a letter of offer to the North Atlantic Treaty Organization, an international organization, for $60,000,000 of defense articles or services
    Then the action is permitted

  Scenario: The North Atlantic Treaty Organization, the fifteenth day after receipt
    Given the date is 2026-03-16
    When the Secretary of Defense proposes to issue a letter of offer to the North Atlantic Treaty Organization, an international organization, for $60,000,000 of defense articles or services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"

  Scenario: Any other country: thirty days. The sixteenth day after receipt is still in the period
    Given the date is 2026-03-17
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to India for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"

  Scenario: Any other country, the twenty-ninth day after receipt
    Given the date is 2026-03-30
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to India for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"
    And the outcome does not depend on any interpretation

  Scenario: Any other country, the thirtieth day after receipt: the last day Congress may act, on the default reading
    Given the date is 2026-03-31
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to India for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"
    And the outcome depends on the interpretation "aeca.36b.period-count"

  Scenario: Any other country, the thirtieth day after receipt, counting the day of receipt as the first day
    Given the interpretation "aeca.36b.period-count" is "day-of-receipt-counts"
    And the date is 2026-03-31
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to India for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is permitted

  Scenario: Any other country, the thirty-first day after receipt
    Given the date is 2026-04-01
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to India for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is permitted
