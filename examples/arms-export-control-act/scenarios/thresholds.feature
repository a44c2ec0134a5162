Feature: The thresholds of 22 U.S.C. 2776(b)(1) and the higher ones of (b)(6)
  A letter of offer at or above any threshold needs the President's numbered certification before it is issued.
  Below every threshold it needs none. "Or more": a value equal to the threshold reaches it. No certification is
  given in these scenarios, so each one at a threshold is blocked and each one just below it is permitted.

  Scenario: India, defense articles or services just below $50,000,000
    Given the date is 2026-03-02
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to India for $49,999,999 of defense articles or services
    Then the action is permitted

  Scenario: India, defense articles or services of exactly $50,000,000
    Given the date is 2026-03-02
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to India for $50,000,000 of defense articles or services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"
    And the outcome does not depend on any interpretation

  Scenario: India, major defense equipment just below $14,000,000
    Given the date is 2026-03-02
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to India for $20,000,000 of defense articles or services, of which $13,999,999 of major defense equipment, and $0 of design and construction services
    Then the action is permitted

  Scenario: India, major defense equipment of exactly $14,000,000
    Given the date is 2026-03-02
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to India for $20,000,000 of defense articles or services, of which $14,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"

  Scenario: India, design and construction services just below $200,000,000
    Given the date is 2026-03-02
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to India for $0 of defense articles or services, of which $0 of major defense equipment, and $199,999,999 of design and construction services
    Then the action is permitted

  Scenario: India, design and construction services of exactly $200,000,000
    Given the date is 2026-03-02
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to India for $0 of defense articles or services, of which $0 of major defense equipment, and $200,000,000 of design and construction services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"

  Scenario: NATO as an organization is not in (b)(6): $50,000,000 reaches the base threshold
    Given the date is 2026-03-02
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to the North Atlantic Treaty Organization, an international organization, for $50,000,000 of defense articles or services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"

  Scenario: NATO as an organization, just below the base threshold
    Given the date is 2026-03-02
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to NATO, an international organization, for $49,999,999 of defense articles or services
    Then the action is permitted

  Scenario: Germany, a NATO member country: $99,999,999 of defense articles or services is below the (b)(6) threshold
    Given the date is 2026-03-02
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Germany for $99,999,999 of defense articles or services
    Then the action is permitted

  Scenario: Germany, $100,000,000 of defense articles or services (without equipment: only the disjunctive reading reaches it)
    Given the date is 2026-03-02
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Germany for $100,000,000 of defense articles or services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"
    And the outcome depends on the interpretation "aeca.36b.b6-conjunction"

  Scenario: Read as written, (b)(6)(A) and (B) must both be reached
    Given the interpretation "aeca.36b.b6-conjunction" is "as-written"
    And the date is 2026-03-02
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Germany for $100,000,000 of defense articles or services
    Then the action is permitted

  Scenario: Germany, major defense equipment just below $25,000,000
    Given the date is 2026-03-02
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Germany for $30,000,000 of defense articles or services, of which $24,999,999 of major defense equipment, and $0 of design and construction services
    Then the action is permitted

  Scenario: Germany, major defense equipment of exactly $25,000,000
    Given the date is 2026-03-02
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Germany for $30,000,000 of defense articles or services, of which $25,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"
    And the outcome depends on the interpretation "aeca.36b.b6-conjunction"

  Scenario: Germany, equipment and articles both at their (b)(6) thresholds: blocked on either reading
    Given the date is 2026-03-02
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Germany for $100,000,000 of defense articles or services, of which $25,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"
    And the outcome does not depend on any interpretation

  Scenario: Germany, design and construction services just below $300,000,000
    Given the date is 2026-03-02
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Germany for $0 of defense articles or services, of which $0 of major defense equipment, and $299,999,999 of design and construction services
    Then the action is permitted

  Scenario: Germany, design and construction services of exactly $300,000,000: blocked on either reading
    Given the date is 2026-03-02
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Germany for $0 of defense articles or services, of which $0 of major defense equipment, and $300,000,000 of design and construction services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"
    And the outcome does not depend on any interpretation

  Scenario: A new sales territory beyond the (b)(6) countries brings back the base thresholds
    Given the letter of offer authorizes a new sales territory that includes a country outside those of 22 U.S.C. 2776(b)(6)
    And the date is 2026-03-02
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Germany for $60,000,000 of defense articles or services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"

  Scenario Outline: Japan, Australia, the Republic of Korea, Israel and New Zealand have the (b)(6) thresholds: $60,000,000 needs no certification
    Given the date is 2026-03-02
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to <buyer> for $60,000,000 of defense articles or services
    Then the action is permitted

    Examples:
      | buyer           |
      | Japan           |
      | Australia       |
      | South Korea     |
      | Israel          |
      | New Zealand     |

  Scenario Outline: The same offer to a country outside (b)(6) needs the certification
    Given the date is 2026-03-02
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to <buyer> for $60,000,000 of defense articles or services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"

    Examples:
      | buyer        |
      | Saudi Arabia |
      | Taiwan       |
      | Ukraine      |

  Scenario: Finland the day before it joined NATO (2023-04-03): base thresholds
    Given the date is 2023-04-03
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Finland for $60,000,000 of defense articles or services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"

  Scenario: Finland on the day it joined NATO (2023-04-04): (b)(6) thresholds
    Given the date is 2023-04-04
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Finland for $60,000,000 of defense articles or services
    Then the action is permitted

  Scenario: Sweden the day before it joined NATO (2024-03-06): base thresholds
    Given the date is 2024-03-06
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Sweden for $60,000,000 of defense articles or services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"

  Scenario: Sweden on the day it joined NATO (2024-03-07): (b)(6) thresholds
    Given the date is 2024-03-07
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Sweden for $60,000,000 of defense articles or services
    Then the action is permitted
