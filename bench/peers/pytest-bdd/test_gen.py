import datetime as dt
import os

import pytest
from pytest_bdd import given, parsers, scenarios, when

scenarios(os.environ.get("FEATURE", "gen.feature"))


@pytest.fixture
def facts():
    return {}


@given(parsers.re(r"the date is (?P<date>\d{4}-\d\d-\d\d)"))
def s_date(facts, date):
    facts["date"] = dt.date.fromisoformat(date)


@given(
    parsers.re(
        r"the Senate gave its advice and consent with (?P<yes>\d+) of (?P<present>\d+) Senators present concurring"
    )
)
def s_senate(facts, yes, present):
    facts["senate"] = int(yes) * 3 >= int(present) * 2


@given("an Act of Congress authorizes the action")
def s_act(facts):
    facts["act"] = True


@given(parsers.re(r"the President notified (?P<whom>.+) in writing on (?P<date>\d{4}-\d\d-\d\d)"))
def s_notified(facts, whom, date):
    facts["notified"] = dt.date.fromisoformat(date)


@given(parsers.re(r"the President consulted (?P<whom>.+)"))
def s_consulted(facts, whom):
    facts["consulted"] = True


@given(parsers.re(r"the (?P<who>.+) certified the action to the congressional defense committees"))
def s_cert(facts, who):
    facts.setdefault("certified", []).append(who)


@when(
    parsers.re(r"the (?P<actor>President|Secretary of State|Secretary of Defense) proposes to (?P<action>.+)")
)
def s_when(facts, actor, action):
    facts["outcome"] = (
        "blocked" if ("Treaty" in action and not (facts.get("senate") or facts.get("act"))) else "permitted"
    )
