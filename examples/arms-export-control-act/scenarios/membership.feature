Feature: NATO membership on the day Congress receives the certification decides the review period
  Finland joined NATO on 2023-04-04 and Sweden on 2024-03-07 (the accession dates of the group nato-members in
  rules/north-atlantic-treaty.yaml). A sale certified before the day is reviewed for thirty days, one certified on or
  after it for fifteen. The offers reach the thresholds on every reading.

  Scenario: Finland, certified on 2023-04-03 (not yet a member): thirty days, so the sixteenth day is too early
    Given Congress received the President's numbered certification of the proposed sale on 2023-04-03
    And the date is 2023-04-19
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Finland for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"

  Scenario: Finland, certified on 2023-04-04 (a member that day): fifteen days, so the sixteenth day is permitted
    Given Congress received the President's numbered certification of the proposed sale on 2023-04-04
    And the date is 2023-04-20
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Finland for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is permitted

  Scenario: Finland, certified on 2023-04-04: the fifteenth day is still in the period
    Given Congress received the President's numbered certification of the proposed sale on 2023-04-04
    And the date is 2023-04-19
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Finland for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"

  Scenario: Sweden, certified on 2024-03-06 (not yet a member): thirty days
    Given Congress received the President's numbered certification of the proposed sale on 2024-03-06
    And the date is 2024-03-22
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Sweden for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"

  Scenario: Sweden, certified on 2024-03-06: the thirty-first day after receipt
    Given Congress received the President's numbered certification of the proposed sale on 2024-03-06
    And the date is 2024-04-06
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Sweden for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is permitted

  Scenario: Sweden, certified on 2024-03-07 (a member that day): fifteen days
    Given Congress received the President's numbered certification of the proposed sale on 2024-03-07
    And the date is 2024-03-23
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Sweden for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is permitted

  Scenario: Certified before accession, offered after it: the group is taken as it stood at receipt (the pack's reading)
    Given Congress received the President's numbered certification of the proposed sale on 2023-03-25
    And the date is 2023-04-10
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Finland for $150,000,000 of defense articles or services, of which $40,000,000 of major defense equipment, and $0 of design and construction services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"
