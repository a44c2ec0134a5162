"""Writes N random scenarios in the core vocabulary to one feature file (no Then steps).
Usage: python gen_scenarios.py N OUT.feature"""

import random, sys
from datetime import date, timedelta

n, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(11)
ACTORS = ["President", "Secretary of State", "Secretary of Defense"]


def d(lo, hi):
    return (lo + timedelta(days=rnd.randrange((hi - lo).days))).isoformat()


def treaty():
    verb = rnd.choice(["withdraw the United States from", "suspend", "terminate", "denounce"])
    if rnd.random() < 0.15:
        return f"the {rnd.choice(ACTORS)} proposes to give notice of denunciation under Article 13 of the North Atlantic Treaty"
    return f"the {rnd.choice(ACTORS)} proposes to {verb} the North Atlantic Treaty"


def posture():
    k = rnd.randrange(4)
    if k == 0:
        return f"the Secretary of Defense proposes to reduce United States forces in the European Command area of responsibility to {rnd.randrange(40000, 100000):,} for {rnd.randrange(1, 400)} days"
    if k == 1:
        return f"the Secretary of Defense proposes to relocate equipment valued at ${rnd.randrange(1000, 5000000):,} out of the European Command area of responsibility"
    if k == 2:
        return f"the Secretary of Defense proposes to return a military installation in {rnd.choice(['Germany', 'Italy', 'Poland', 'Spain'])} to the host nation"
    return f"the {rnd.choice(ACTORS)} proposes to relinquish the post of Supreme Allied Commander Europe"


lines = ["Feature: generated load", ""]
for i in range(n):
    lines.append(f"  Scenario: G{i:06d}")
    lines.append(f"    Given the date is {d(date(2019, 1, 1), date(2026, 9, 30))}")
    if rnd.random() < 0.5:
        when = treaty()
        if rnd.random() < 0.4:
            present = rnd.randrange(60, 101)
            lines.append(
                f"    And the Senate gave its advice and consent with {rnd.randrange(40, present + 1)} of {present} Senators present concurring"
            )
        if rnd.random() < 0.2:
            lines.append("    And an Act of Congress authorizes the action")
        if rnd.random() < 0.5:
            lines.append(
                "    And the President consulted the Senate Foreign Relations Committee and the House Foreign Affairs Committee"
            )
        if rnd.random() < 0.5:
            lines.append(
                f"    And the President notified the Senate Foreign Relations Committee and the House Foreign Affairs Committee in writing on {d(date(2018, 1, 1), date(2026, 9, 1))}"
            )
    else:
        when = posture()
        if rnd.random() < 0.3:
            lines.append(
                "    And the Secretary of Defense certified the action to the congressional defense committees"
            )
        if rnd.random() < 0.3:
            lines.append(
                "    And the Commander of United States European Command certified the action to the congressional defense committees"
            )
    lines.append(f"    When {when}")
    lines.append("")
open(out, "w").write("\n".join(lines))
