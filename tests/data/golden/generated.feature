Feature: generated load (bench/yardstick/gen_scenarios.py 120): verdicts pinned before the engine changed

  Scenario: G000000
    Given the date is 2024-01-27
    When the Secretary of State proposes to relinquish the post of Supreme Allied Commander Europe

  Scenario: G000001
    Given the date is 2021-01-26
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to relinquish the post of Supreme Allied Commander Europe

  Scenario: G000002
    Given the date is 2024-01-04
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2026-04-15
    When the Secretary of Defense proposes to withdraw the United States from the North Atlantic Treaty

  Scenario: G000003
    Given the date is 2025-11-26
    And the Secretary of Defense certified the action to the congressional defense committees
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 94,506 for 271 days

  Scenario: G000004
    Given the date is 2021-09-17
    When the Secretary of State proposes to relinquish the post of Supreme Allied Commander Europe

  Scenario: G000005
    Given the date is 2024-10-27
    And the Senate gave its advice and consent with 66 of 77 Senators present concurring
    When the Secretary of Defense proposes to terminate the North Atlantic Treaty

  Scenario: G000006
    Given the date is 2021-11-06
    And the Senate gave its advice and consent with 52 of 66 Senators present concurring
    And an Act of Congress authorizes the action
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2018-03-11
    When the President proposes to suspend the North Atlantic Treaty

  Scenario: G000007
    Given the date is 2026-09-06
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-01-22
    When the President proposes to suspend the North Atlantic Treaty

  Scenario: G000008
    Given the date is 2021-03-24
    And the Secretary of Defense certified the action to the congressional defense committees
    When the Secretary of Defense proposes to return a military installation in Poland to the host nation

  Scenario: G000009
    Given the date is 2023-08-07
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 48,820 for 127 days

  Scenario: G000010
    Given the date is 2024-03-19
    And the Secretary of Defense certified the action to the congressional defense committees
    When the Secretary of Defense proposes to relocate equipment valued at $4,692,707 out of the European Command area of responsibility

  Scenario: G000011
    Given the date is 2020-06-20
    And an Act of Congress authorizes the action
    When the Secretary of State proposes to give notice of denunciation under Article 13 of the North Atlantic Treaty

  Scenario: G000012
    Given the date is 2025-08-24
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2019-08-23
    When the Secretary of State proposes to withdraw the United States from the North Atlantic Treaty

  Scenario: G000013
    Given the date is 2021-05-23
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-02-20
    When the Secretary of State proposes to withdraw the United States from the North Atlantic Treaty

  Scenario: G000014
    Given the date is 2021-09-22
    And the Senate gave its advice and consent with 70 of 97 Senators present concurring
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-01-13
    When the Secretary of State proposes to terminate the North Atlantic Treaty

  Scenario: G000015
    Given the date is 2020-09-23
    And an Act of Congress authorizes the action
    When the President proposes to suspend the North Atlantic Treaty

  Scenario: G000016
    Given the date is 2026-09-14
    And the Secretary of Defense certified the action to the congressional defense committees
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to relinquish the post of Supreme Allied Commander Europe

  Scenario: G000017
    Given the date is 2020-03-22
    And the Senate gave its advice and consent with 78 of 86 Senators present concurring
    When the Secretary of Defense proposes to terminate the North Atlantic Treaty

  Scenario: G000018
    Given the date is 2019-10-09
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2018-03-09
    When the Secretary of Defense proposes to denounce the North Atlantic Treaty

  Scenario: G000019
    Given the date is 2019-10-11
    And the Senate gave its advice and consent with 73 of 83 Senators present concurring
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2023-01-19
    When the President proposes to denounce the North Atlantic Treaty

  Scenario: G000020
    Given the date is 2022-09-17
    And the Secretary of Defense certified the action to the congressional defense committees
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to relocate equipment valued at $4,949,235 out of the European Command area of responsibility

  Scenario: G000021
    Given the date is 2023-01-04
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 41,393 for 307 days

  Scenario: G000022
    Given the date is 2022-06-28
    And the Senate gave its advice and consent with 62 of 62 Senators present concurring
    And an Act of Congress authorizes the action
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2018-12-14
    When the Secretary of Defense proposes to give notice of denunciation under Article 13 of the North Atlantic Treaty

  Scenario: G000023
    Given the date is 2026-09-07
    And an Act of Congress authorizes the action
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-06-05
    When the Secretary of State proposes to withdraw the United States from the North Atlantic Treaty

  Scenario: G000024
    Given the date is 2023-04-16
    And the Senate gave its advice and consent with 48 of 67 Senators present concurring
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2026-03-30
    When the President proposes to withdraw the United States from the North Atlantic Treaty

  Scenario: G000025
    Given the date is 2025-07-07
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2018-04-02
    When the President proposes to denounce the North Atlantic Treaty

  Scenario: G000026
    Given the date is 2021-07-31
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 72,587 for 315 days

  Scenario: G000027
    Given the date is 2019-02-16
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    When the President proposes to suspend the North Atlantic Treaty

  Scenario: G000028
    Given the date is 2024-08-03
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to return a military installation in Spain to the host nation

  Scenario: G000029
    Given the date is 2023-10-31
    When the Secretary of Defense proposes to relocate equipment valued at $1,797,749 out of the European Command area of responsibility

  Scenario: G000030
    Given the date is 2022-07-20
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2023-01-20
    When the President proposes to suspend the North Atlantic Treaty

  Scenario: G000031
    Given the date is 2024-04-14
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    When the Secretary of State proposes to suspend the North Atlantic Treaty

  Scenario: G000032
    Given the date is 2026-01-03
    And an Act of Congress authorizes the action
    When the Secretary of State proposes to withdraw the United States from the North Atlantic Treaty

  Scenario: G000033
    Given the date is 2022-06-19
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 82,007 for 70 days

  Scenario: G000034
    Given the date is 2021-12-27
    And the Senate gave its advice and consent with 60 of 66 Senators present concurring
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2018-11-16
    When the Secretary of Defense proposes to suspend the North Atlantic Treaty

  Scenario: G000035
    Given the date is 2026-09-04
    And the Senate gave its advice and consent with 74 of 90 Senators present concurring
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2021-11-17
    When the Secretary of Defense proposes to denounce the North Atlantic Treaty

  Scenario: G000036
    Given the date is 2025-01-19
    When the Secretary of Defense proposes to relocate equipment valued at $3,302,053 out of the European Command area of responsibility

  Scenario: G000037
    Given the date is 2021-07-06
    And the Senate gave its advice and consent with 52 of 60 Senators present concurring
    When the Secretary of State proposes to give notice of denunciation under Article 13 of the North Atlantic Treaty

  Scenario: G000038
    Given the date is 2022-11-06
    And an Act of Congress authorizes the action
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2018-12-26
    When the Secretary of Defense proposes to give notice of denunciation under Article 13 of the North Atlantic Treaty

  Scenario: G000039
    Given the date is 2022-06-23
    When the Secretary of Defense proposes to return a military installation in Poland to the host nation

  Scenario: G000040
    Given the date is 2022-11-28
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 68,894 for 176 days

  Scenario: G000041
    Given the date is 2024-06-19
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to relocate equipment valued at $538,347 out of the European Command area of responsibility

  Scenario: G000042
    Given the date is 2024-12-23
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2023-07-11
    When the Secretary of Defense proposes to suspend the North Atlantic Treaty

  Scenario: G000043
    Given the date is 2025-06-29
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 89,665 for 114 days

  Scenario: G000044
    Given the date is 2025-04-19
    When the Secretary of Defense proposes to return a military installation in Poland to the host nation

  Scenario: G000045
    Given the date is 2025-11-01
    And the Senate gave its advice and consent with 52 of 91 Senators present concurring
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2022-03-25
    When the Secretary of Defense proposes to suspend the North Atlantic Treaty

  Scenario: G000046
    Given the date is 2019-04-24
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 73,817 for 206 days

  Scenario: G000047
    Given the date is 2020-05-14
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2020-10-05
    When the Secretary of Defense proposes to give notice of denunciation under Article 13 of the North Atlantic Treaty

  Scenario: G000048
    Given the date is 2024-04-22
    And an Act of Congress authorizes the action
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2020-12-01
    When the Secretary of State proposes to terminate the North Atlantic Treaty

  Scenario: G000049
    Given the date is 2020-06-14
    And the Secretary of Defense certified the action to the congressional defense committees
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 42,334 for 100 days

  Scenario: G000050
    Given the date is 2022-03-09
    And the Senate gave its advice and consent with 47 of 97 Senators present concurring
    When the Secretary of State proposes to terminate the North Atlantic Treaty

  Scenario: G000051
    Given the date is 2024-12-12
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 64,624 for 325 days

  Scenario: G000052
    Given the date is 2020-10-16
    And the Secretary of Defense certified the action to the congressional defense committees
    When the Secretary of Defense proposes to relocate equipment valued at $4,443,766 out of the European Command area of responsibility

  Scenario: G000053
    Given the date is 2025-07-30
    When the Secretary of Defense proposes to relocate equipment valued at $2,916,845 out of the European Command area of responsibility

  Scenario: G000054
    Given the date is 2022-07-14
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to relocate equipment valued at $1,830,927 out of the European Command area of responsibility

  Scenario: G000055
    Given the date is 2020-02-01
    And the Senate gave its advice and consent with 53 of 66 Senators present concurring
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    When the President proposes to give notice of denunciation under Article 13 of the North Atlantic Treaty

  Scenario: G000056
    Given the date is 2020-05-31
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2023-09-03
    When the Secretary of Defense proposes to give notice of denunciation under Article 13 of the North Atlantic Treaty

  Scenario: G000057
    Given the date is 2026-02-12
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to relocate equipment valued at $592,834 out of the European Command area of responsibility

  Scenario: G000058
    Given the date is 2025-03-09
    And the Secretary of Defense certified the action to the congressional defense committees
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the President proposes to relinquish the post of Supreme Allied Commander Europe

  Scenario: G000059
    Given the date is 2020-12-07
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to return a military installation in Germany to the host nation

  Scenario: G000060
    Given the date is 2026-08-21
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-02-09
    When the Secretary of State proposes to withdraw the United States from the North Atlantic Treaty

  Scenario: G000061
    Given the date is 2019-06-17
    When the Secretary of Defense proposes to relocate equipment valued at $3,423,181 out of the European Command area of responsibility

  Scenario: G000062
    Given the date is 2023-07-19
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to relocate equipment valued at $796,253 out of the European Command area of responsibility

  Scenario: G000063
    Given the date is 2019-12-14
    When the Secretary of Defense proposes to relinquish the post of Supreme Allied Commander Europe

  Scenario: G000064
    Given the date is 2022-10-28
    When the Secretary of Defense proposes to return a military installation in Poland to the host nation

  Scenario: G000065
    Given the date is 2020-10-17
    When the President proposes to relinquish the post of Supreme Allied Commander Europe

  Scenario: G000066
    Given the date is 2023-02-23
    And the Secretary of Defense certified the action to the congressional defense committees
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to relocate equipment valued at $3,404,640 out of the European Command area of responsibility

  Scenario: G000067
    Given the date is 2022-10-31
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-06-21
    When the Secretary of State proposes to give notice of denunciation under Article 13 of the North Atlantic Treaty

  Scenario: G000068
    Given the date is 2022-05-09
    And the Senate gave its advice and consent with 71 of 92 Senators present concurring
    When the Secretary of Defense proposes to denounce the North Atlantic Treaty

  Scenario: G000069
    Given the date is 2025-06-12
    When the Secretary of State proposes to withdraw the United States from the North Atlantic Treaty

  Scenario: G000070
    Given the date is 2019-02-14
    When the Secretary of State proposes to terminate the North Atlantic Treaty

  Scenario: G000071
    Given the date is 2020-02-13
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 76,006 for 306 days

  Scenario: G000072
    Given the date is 2023-05-02
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to relocate equipment valued at $3,238,184 out of the European Command area of responsibility

  Scenario: G000073
    Given the date is 2024-07-22
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 68,152 for 254 days

  Scenario: G000074
    Given the date is 2025-09-14
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2018-02-27
    When the Secretary of State proposes to terminate the North Atlantic Treaty

  Scenario: G000075
    Given the date is 2021-09-30
    When the Secretary of Defense proposes to relocate equipment valued at $3,430,311 out of the European Command area of responsibility

  Scenario: G000076
    Given the date is 2022-07-14
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 78,125 for 371 days

  Scenario: G000077
    Given the date is 2021-07-05
    And the Senate gave its advice and consent with 65 of 66 Senators present concurring
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    When the President proposes to denounce the North Atlantic Treaty

  Scenario: G000078
    Given the date is 2021-10-01
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 43,302 for 320 days

  Scenario: G000079
    Given the date is 2019-08-02
    And the Senate gave its advice and consent with 69 of 86 Senators present concurring
    When the Secretary of State proposes to give notice of denunciation under Article 13 of the North Atlantic Treaty

  Scenario: G000080
    Given the date is 2023-01-31
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to relocate equipment valued at $2,434,779 out of the European Command area of responsibility

  Scenario: G000081
    Given the date is 2020-04-11
    And the Secretary of Defense certified the action to the congressional defense committees
    When the Secretary of Defense proposes to return a military installation in Poland to the host nation

  Scenario: G000082
    Given the date is 2025-05-02
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to relocate equipment valued at $2,338,407 out of the European Command area of responsibility

  Scenario: G000083
    Given the date is 2021-10-16
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to relocate equipment valued at $332,416 out of the European Command area of responsibility

  Scenario: G000084
    Given the date is 2021-11-28
    And the Senate gave its advice and consent with 61 of 65 Senators present concurring
    And an Act of Congress authorizes the action
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    When the Secretary of Defense proposes to give notice of denunciation under Article 13 of the North Atlantic Treaty

  Scenario: G000085
    Given the date is 2024-06-05
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2024-12-29
    When the Secretary of State proposes to suspend the North Atlantic Treaty

  Scenario: G000086
    Given the date is 2021-05-23
    And the Senate gave its advice and consent with 60 of 98 Senators present concurring
    When the President proposes to terminate the North Atlantic Treaty

  Scenario: G000087
    Given the date is 2021-01-23
    And an Act of Congress authorizes the action
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    When the Secretary of State proposes to terminate the North Atlantic Treaty

  Scenario: G000088
    Given the date is 2024-06-08
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of State proposes to relinquish the post of Supreme Allied Commander Europe

  Scenario: G000089
    Given the date is 2022-06-24
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2022-01-05
    When the Secretary of State proposes to withdraw the United States from the North Atlantic Treaty

  Scenario: G000090
    Given the date is 2026-05-16
    When the Secretary of Defense proposes to return a military installation in Germany to the host nation

  Scenario: G000091
    Given the date is 2025-09-02
    When the Secretary of Defense proposes to return a military installation in Spain to the host nation

  Scenario: G000092
    Given the date is 2024-02-21
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2022-01-28
    When the Secretary of Defense proposes to denounce the North Atlantic Treaty

  Scenario: G000093
    Given the date is 2026-08-05
    When the Secretary of Defense proposes to denounce the North Atlantic Treaty

  Scenario: G000094
    Given the date is 2025-04-24
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2021-04-26
    When the Secretary of State proposes to withdraw the United States from the North Atlantic Treaty

  Scenario: G000095
    Given the date is 2019-04-02
    When the President proposes to relinquish the post of Supreme Allied Commander Europe

  Scenario: G000096
    Given the date is 2025-02-12
    And an Act of Congress authorizes the action
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2026-05-13
    When the President proposes to withdraw the United States from the North Atlantic Treaty

  Scenario: G000097
    Given the date is 2026-04-12
    And the Senate gave its advice and consent with 65 of 89 Senators present concurring
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2019-07-14
    When the Secretary of Defense proposes to suspend the North Atlantic Treaty

  Scenario: G000098
    Given the date is 2024-07-15
    When the President proposes to withdraw the United States from the North Atlantic Treaty

  Scenario: G000099
    Given the date is 2023-03-29
    When the Secretary of Defense proposes to relinquish the post of Supreme Allied Commander Europe

  Scenario: G000100
    Given the date is 2019-02-11
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of State proposes to relinquish the post of Supreme Allied Commander Europe

  Scenario: G000101
    Given the date is 2020-10-26
    And the Secretary of Defense certified the action to the congressional defense committees
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to relinquish the post of Supreme Allied Commander Europe

  Scenario: G000102
    Given the date is 2023-10-07
    When the Secretary of Defense proposes to return a military installation in Germany to the host nation

  Scenario: G000103
    Given the date is 2022-05-28
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to relocate equipment valued at $523,983 out of the European Command area of responsibility

  Scenario: G000104
    Given the date is 2024-05-24
    And the Secretary of Defense certified the action to the congressional defense committees
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 60,483 for 56 days

  Scenario: G000105
    Given the date is 2025-08-06
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    When the President proposes to denounce the North Atlantic Treaty

  Scenario: G000106
    Given the date is 2022-06-30
    When the Secretary of State proposes to relinquish the post of Supreme Allied Commander Europe

  Scenario: G000107
    Given the date is 2022-11-02
    And the Commander of United States European Command certified the action to the congressional defense committees
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 71,628 for 114 days

  Scenario: G000108
    Given the date is 2020-07-04
    When the Secretary of Defense proposes to relinquish the post of Supreme Allied Commander Europe

  Scenario: G000109
    Given the date is 2019-08-26
    When the Secretary of Defense proposes to relocate equipment valued at $92,244 out of the European Command area of responsibility

  Scenario: G000110
    Given the date is 2024-01-18
    When the Secretary of Defense proposes to relinquish the post of Supreme Allied Commander Europe

  Scenario: G000111
    Given the date is 2022-08-11
    And the Senate gave its advice and consent with 43 of 94 Senators present concurring
    And an Act of Congress authorizes the action
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2019-09-03
    When the Secretary of Defense proposes to suspend the North Atlantic Treaty

  Scenario: G000112
    Given the date is 2020-06-09
    And the Senate gave its advice and consent with 84 of 90 Senators present concurring
    When the Secretary of Defense proposes to terminate the North Atlantic Treaty

  Scenario: G000113
    Given the date is 2024-09-03
    And the Senate gave its advice and consent with 53 of 88 Senators present concurring
    And an Act of Congress authorizes the action
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2021-06-29
    When the Secretary of Defense proposes to suspend the North Atlantic Treaty

  Scenario: G000114
    Given the date is 2022-07-18
    And an Act of Congress authorizes the action
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2025-06-27
    When the Secretary of State proposes to withdraw the United States from the North Atlantic Treaty

  Scenario: G000115
    Given the date is 2023-06-03
    And the Secretary of Defense certified the action to the congressional defense committees
    When the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to 82,856 for 228 days

  Scenario: G000116
    Given the date is 2024-04-30
    When the President proposes to withdraw the United States from the North Atlantic Treaty

  Scenario: G000117
    Given the date is 2020-09-15
    And the Senate gave its advice and consent with 65 of 81 Senators present concurring
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2022-03-23
    When the Secretary of Defense proposes to denounce the North Atlantic Treaty

  Scenario: G000118
    Given the date is 2020-03-24
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2024-12-21
    When the Secretary of Defense proposes to terminate the North Atlantic Treaty

  Scenario: G000119
    Given the date is 2020-01-22
    And the Senate gave its advice and consent with 77 of 89 Senators present concurring
    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee
    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on 2019-05-24
    When the Secretary of State proposes to suspend the North Atlantic Treaty
