Feature: Before 2010-10-08 the pack does not encode § 36(b)(1): the verdict is undetermined, never permitted
  The Republic of Korea and Israel were added to the lists, and the (b)(6) thresholds enacted, at dates not checked
  for § 36(b) itself. The pack encodes the text as amended through Pub. L. 111-266 (Oct. 8, 2010).

  Scenario: A letter of offer to Germany in 2005 is undetermined
    Given Congress received the President's numbered certification of the proposed sale on 2005-06-01
    And the date is 2005-06-10
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Germany for $150,000,000 of defense articles or services
    Then the action is undetermined

  Scenario: A letter of offer to Israel the day before the encoded day is undetermined
    Given the date is 2010-10-07
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Israel for $60,000,000 of defense articles or services
    Then the action is undetermined

  Scenario: On the encoded day, the same letter of offer is decided
    Given the date is 2010-10-08
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to Israel for $60,000,000 of defense articles or services
    Then the action is permitted

  Scenario: On the encoded day, a letter of offer to India above the thresholds without a certification is blocked
    Given the date is 2010-10-08
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to India for $60,000,000 of defense articles or services
    Then the action is blocked by "22 U.S.C. 2776(b)(1)"

  Scenario: Before § 36(b) was enacted (Dec. 30, 1974), it limits nothing
    Given the date is 1974-12-29
    When the Defense Security Cooperation Agency proposes to issue a letter of offer to India for $60,000,000 of defense articles or services
    Then the action is permitted
