import datetime as dt

from behave import step, use_step_matcher

use_step_matcher("re")


@step(r"the date is (?P<date>\d{4}-\d\d-\d\d)")
def s_date(context, date):
    context.facts = {"date": dt.date.fromisoformat(date)}


@step(
    r"the Senate gave its advice and consent with (?P<yes>\d+) of (?P<present>\d+) Senators present concurring"
)
def s_senate(context, yes, present):
    context.facts["senate"] = int(yes) * 3 >= int(present) * 2


@step(r"an Act of Congress authorizes the action")
def s_act(context):
    context.facts["act"] = True


@step(r"the President notified (?P<whom>.+) in writing on (?P<date>\d{4}-\d\d-\d\d)")
def s_notified(context, whom, date):
    context.facts["notified"] = dt.date.fromisoformat(date)


@step(r"the President consulted (?P<whom>.+)")
def s_consulted(context, whom):
    context.facts["consulted"] = True


@step(r"the (?P<who>.+) certified the action to the congressional defense committees")
def s_cert(context, who):
    context.facts.setdefault("certified", []).append(who)


@step(r"the (?P<actor>President|Secretary of State|Secretary of Defense) proposes to (?P<action>.+)")
def s_when(context, actor, action):
    f = context.facts
    context.outcome = (
        "blocked" if ("Treaty" in action and not (f.get("senate") or f.get("act"))) else "permitted"
    )
