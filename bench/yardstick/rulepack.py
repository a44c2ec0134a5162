"""NATO statutory-constraint rule pack, written four ways with identical logic.

Input facts per scenario (plain dicts with key 't' = type):
  proposal        pid, kind, actor, resulting_level, duration_days
  senate_vote     pid, yeas, present
  act_of_congress pid, authorizes
  certification   pid, by, national_interest, consulted_allies, submitted

Phase 1 derivations (positive only):            Phase 2 verdicts (may negate):
  D1  treaty_exit        -> constrained/treaty_exit      V1 blocked_1928f_a
  D2  exit_funding       -> constrained/exit_funding     V2 permitted_1928f_a
  D3  below_floor        -> below_floor                  V3 blocked_1928f_b
  D4  extended_reduction -> constrained/eucom_floor      V4 permitted_1928f_b
  D5  short_reduction    -> finding                      V5 blocked_eucom_floor
  D6  saceur             -> constrained/saceur           V6 permitted_eucom_waiver
  D7  senate_two_thirds  -> authorization                V7 blocked_saceur
  D8  senate_short       -> finding                      V8 no_constraint
  D9  act_authorizes     -> authorization
  D10 act_mismatch       -> finding
  D11 act_covers_funding -> authorization
  D12 cert_valid         -> waiver
  D13 cert_defective     -> finding
21 rules.  Citations other than 22 U.S.C. 1928f are descriptive labels, not section numbers.

Every engine returns a sorted tuple of result tuples:
  ('V', rule, status, cite, basis)   verdicts
  ('F', rule, note)                  findings (intermediate explanations)
"""

EXIT_KINDS = ("withdraw_treaty", "suspend_treaty", "terminate_treaty", "denounce_treaty")
FLOOR = 76000
MAX_DAYS = 45
C_1928A = "22 U.S.C. 1928f(a)"
C_1928B = "22 U.S.C. 1928f(b)"
C_FLOOR = "NDAA EUCOM 76,000 floor"
C_SACEUR = "NDAA SACEUR retention"
C_NONE = "none"


# ----------------------------------------------------------------------------------------
# scenario generator (deterministic)
# ----------------------------------------------------------------------------------------
def make_scenarios(n, seed=7):
    import random

    rnd = random.Random(seed)
    kinds = list(EXIT_KINDS) + [
        "fund_exit_effort",
        "reduce_forces",
        "reduce_forces",
        "relinquish_saceur",
        "rotate_brigade",
        "joint_exercise",
    ]
    out = []
    for i in range(n):
        kind = rnd.choice(kinds)
        p = {
            "t": "proposal",
            "pid": 1,
            "kind": kind,
            "actor": rnd.choice(["President", "SecDef"]),
            "resulting_level": 0,
            "duration_days": 0,
        }
        facts = [p]
        if kind == "reduce_forces":
            p["resulting_level"] = rnd.choice([60000, 70000, 75999, 76000, 80000])
            p["duration_days"] = rnd.choice([10, 45, 46, 120, 365])
            if rnd.random() < 0.6:
                facts.append(
                    {
                        "t": "certification",
                        "pid": 1,
                        "by": rnd.choice(["SecDef", "SecDef", "SecState"]),
                        "national_interest": rnd.random() < 0.8,
                        "consulted_allies": rnd.random() < 0.7,
                        "submitted": rnd.random() < 0.9,
                    }
                )
        elif kind in EXIT_KINDS or kind == "fund_exit_effort":
            r = rnd.random()
            if r < 0.35:
                present = rnd.randint(80, 100)
                facts.append(
                    {
                        "t": "senate_vote",
                        "pid": 1,
                        "yeas": rnd.randint(present // 2, present),
                        "present": present,
                    }
                )
            elif r < 0.6:
                facts.append(
                    {
                        "t": "act_of_congress",
                        "pid": 1,
                        "authorizes": rnd.choice(list(EXIT_KINDS) + ["fund_exit_effort"]),
                    }
                )
            elif r < 0.7:
                present = rnd.randint(80, 100)
                facts.append(
                    {
                        "t": "senate_vote",
                        "pid": 1,
                        "yeas": rnd.randint(present // 2, present),
                        "present": present,
                    }
                )
                facts.append({"t": "act_of_congress", "pid": 1, "authorizes": rnd.choice(list(EXIT_KINDS))})
        out.append(facts)
    return out


# ----------------------------------------------------------------------------------------
# (a) plain Python
# ----------------------------------------------------------------------------------------
def eval_python(facts):
    props = [f for f in facts if f["t"] == "proposal"]
    votes = [f for f in facts if f["t"] == "senate_vote"]
    acts = [f for f in facts if f["t"] == "act_of_congress"]
    certs = [f for f in facts if f["t"] == "certification"]
    res = []
    for p in props:
        pid, kind = p["pid"], p["kind"]
        constrained, auths, waivers = [], [], []
        if kind in EXIT_KINDS:
            constrained.append("treaty_exit")  # D1
        if kind == "fund_exit_effort":
            constrained.append("exit_funding")  # D2
        below = kind == "reduce_forces" and p["resulting_level"] < FLOOR  # D3
        if below:
            if p["duration_days"] > MAX_DAYS:
                constrained.append("eucom_floor")  # D4
            else:
                res.append(("F", "short_reduction", "below floor for <= 45 days"))  # D5
        if kind == "relinquish_saceur":
            constrained.append("saceur")  # D6
        for v in votes:
            if v["pid"] != pid:
                continue
            if v["yeas"] >= v["present"] * 2 / 3:
                auths.append("senate_two_thirds")  # D7
            else:
                res.append(("F", "senate_short", "senate vote below two-thirds of present"))  # D8
        for a in acts:
            if a["pid"] != pid:
                continue
            if a["authorizes"] == kind:
                auths.append("act_of_congress")  # D9
            else:
                res.append(("F", "act_mismatch", "act does not cover this action"))  # D10
            if kind == "fund_exit_effort" and a["authorizes"] in EXIT_KINDS:
                auths.append("act_of_congress_exit")  # D11
        for c in certs:
            if c["pid"] != pid:
                continue
            if c["by"] == "SecDef" and c["national_interest"] and c["consulted_allies"] and c["submitted"]:
                waivers.append("secdef_certification")  # D12
            else:
                res.append(("F", "cert_defective", "certification incomplete or by wrong official"))  # D13
        # phase 2
        for area in constrained:
            if area == "treaty_exit":
                if not auths:
                    res.append(("V", "blocked_1928f_a", "blocked", C_1928A, ""))
                for b in auths:
                    res.append(("V", "permitted_1928f_a", "permitted", C_1928A, b))
            elif area == "exit_funding":
                if not auths:
                    res.append(("V", "blocked_1928f_b", "blocked", C_1928B, ""))
                for b in auths:
                    res.append(("V", "permitted_1928f_b", "permitted", C_1928B, b))
            elif area == "eucom_floor":
                if not waivers:
                    res.append(("V", "blocked_eucom_floor", "blocked", C_FLOOR, ""))
                for b in waivers:
                    res.append(("V", "permitted_eucom_waiver", "permitted", C_FLOOR, b))
            elif area == "saceur":
                res.append(("V", "blocked_saceur", "blocked", C_SACEUR, ""))
        if not constrained:
            res.append(("V", "no_constraint", "permitted", C_NONE, ""))
    return tuple(sorted(res))


# ----------------------------------------------------------------------------------------
# (b) durable_rules, JSON ruleset format, run callables
# ----------------------------------------------------------------------------------------
def durable_ruleset(results, trace, errors):
    """Return {rule_name: definition}. results/trace/errors: dicts keyed by sid (Python side)."""

    def action(rule_id, body):
        def run(c):
            sid = c.s.sid
            trace.setdefault(sid, []).append(rule_id)  # derivation log for explanations
            try:
                body(c, sid)
            except Exception as e:  # durable would swallow this into c.s.exception
                errors.setdefault(sid, []).append("%s: %r" % (rule_id, e))
                raise

        return run

    def derive(rule_id, fact_fn):
        return action(rule_id, lambda c, sid: c.assert_fact(fact_fn(c)))

    def finding(rule_id, note):
        return action(rule_id, lambda c, sid: results.setdefault(sid, []).append(("F", rule_id, note)))

    def verdict(rule_id, status, cite, basis_fn=lambda c: ""):
        return action(
            rule_id,
            lambda c, sid: results.setdefault(sid, []).append(("V", rule_id, status, cite, basis_fn(c))),
        )

    P = lambda *conds: {"$and": [{"t": "proposal"}] + list(conds)}
    same_pid = {"pid": {"p": "pid"}}
    ev = {"g": {"t": "evaluate"}}
    two_thirds = {
        "yeas": {"$div": {"$l": {"$mul": {"$l": {"$m": "present"}, "$r": 2.0}}, "$r": 3}}
    }  # 2.0: integer $div truncates
    return {
        # ---------------- phase 1: derivations ----------------
        "D1_treaty_exit": {
            "all": [{"p": P({"$or": [{"kind": k} for k in EXIT_KINDS]})}],
            "run": derive(
                "treaty_exit", lambda c: {"t": "constrained", "pid": c.p.pid, "area": "treaty_exit"}
            ),
        },
        "D2_exit_funding": {
            "all": [{"p": P({"kind": "fund_exit_effort"})}],
            "run": derive(
                "exit_funding", lambda c: {"t": "constrained", "pid": c.p.pid, "area": "exit_funding"}
            ),
        },
        "D3_below_floor": {
            "all": [{"p": P({"kind": "reduce_forces"}, {"$lt": {"resulting_level": FLOOR}})}],
            "run": derive(
                "below_floor", lambda c: {"t": "below_floor", "pid": c.p.pid, "days": c.p.duration_days}
            ),
        },
        "D4_extended_reduction": {
            "all": [{"b": {"$and": [{"t": "below_floor"}, {"$gt": {"days": MAX_DAYS}}]}}],
            "run": derive(
                "extended_reduction", lambda c: {"t": "constrained", "pid": c.b.pid, "area": "eucom_floor"}
            ),
        },
        "D5_short_reduction": {
            "all": [{"b": {"$and": [{"t": "below_floor"}, {"$lte": {"days": MAX_DAYS}}]}}],
            "run": finding("short_reduction", "below floor for <= 45 days"),
        },
        "D6_saceur": {
            "all": [{"p": P({"kind": "relinquish_saceur"})}],
            "run": derive("saceur", lambda c: {"t": "constrained", "pid": c.p.pid, "area": "saceur"}),
        },
        "D7_senate_two_thirds": {
            "all": [{"p": P()}, {"v": {"$and": [{"t": "senate_vote"}, same_pid, {"$gte": two_thirds}]}}],
            "run": derive(
                "senate_two_thirds",
                lambda c: {"t": "authorization", "pid": c.p.pid, "basis": "senate_two_thirds"},
            ),
        },
        "D8_senate_short": {
            "all": [{"p": P()}, {"v": {"$and": [{"t": "senate_vote"}, same_pid, {"$lt": two_thirds}]}}],
            "run": finding("senate_short", "senate vote below two-thirds of present"),
        },
        "D9_act_authorizes": {
            "all": [
                {"p": P()},
                {"a": {"$and": [{"t": "act_of_congress"}, same_pid, {"authorizes": {"p": "kind"}}]}},
            ],
            "run": derive(
                "act_of_congress",
                lambda c: {"t": "authorization", "pid": c.p.pid, "basis": "act_of_congress"},
            ),
        },
        "D10_act_mismatch": {
            "all": [
                {"p": P()},
                {
                    "a": {
                        "$and": [{"t": "act_of_congress"}, same_pid, {"$neq": {"authorizes": {"p": "kind"}}}]
                    }
                },
            ],
            "run": finding("act_mismatch", "act does not cover this action"),
        },
        "D11_act_covers_funding": {
            "all": [
                {"p": P({"kind": "fund_exit_effort"})},
                {
                    "a": {
                        "$and": [
                            {"t": "act_of_congress"},
                            same_pid,
                            {"$or": [{"authorizes": k} for k in EXIT_KINDS]},
                        ]
                    }
                },
            ],
            "run": derive(
                "act_of_congress_exit",
                lambda c: {"t": "authorization", "pid": c.p.pid, "basis": "act_of_congress_exit"},
            ),
        },
        "D12_cert_valid": {
            "all": [
                {"p": P()},
                {
                    "x": {
                        "$and": [
                            {"t": "certification"},
                            same_pid,
                            {"by": "SecDef"},
                            {"national_interest": True},
                            {"consulted_allies": True},
                            {"submitted": True},
                        ]
                    }
                },
            ],
            "run": derive(
                "cert_valid", lambda c: {"t": "waiver", "pid": c.p.pid, "basis": "secdef_certification"}
            ),
        },
        "D13_cert_defective": {
            "all": [
                {"p": P()},
                {
                    "x": {
                        "$and": [
                            {"t": "certification"},
                            same_pid,
                            {
                                "$or": [
                                    {"$neq": {"by": "SecDef"}},
                                    {"national_interest": False},
                                    {"consulted_allies": False},
                                    {"submitted": False},
                                ]
                            },
                        ]
                    }
                },
            ],
            "run": finding("cert_defective", "certification incomplete or by wrong official"),
        },
        # ---------------- phase 2: verdicts (only after the 'evaluate' trigger) ----------------
        "V1_blocked_1928f_a": {
            "all": [
                ev,
                {"k": {"$and": [{"t": "constrained"}, {"area": "treaty_exit"}]}},
                {"n$not": {"$and": [{"t": "authorization"}, {"pid": {"k": "pid"}}]}},
            ],
            "run": verdict("blocked_1928f_a", "blocked", C_1928A),
        },
        "V2_permitted_1928f_a": {
            "all": [
                ev,
                {"k": {"$and": [{"t": "constrained"}, {"area": "treaty_exit"}]}},
                {"z": {"$and": [{"t": "authorization"}, {"pid": {"k": "pid"}}]}},
            ],
            "run": verdict("permitted_1928f_a", "permitted", C_1928A, lambda c: c.z.basis),
        },
        "V3_blocked_1928f_b": {
            "all": [
                ev,
                {"k": {"$and": [{"t": "constrained"}, {"area": "exit_funding"}]}},
                {"n$not": {"$and": [{"t": "authorization"}, {"pid": {"k": "pid"}}]}},
            ],
            "run": verdict("blocked_1928f_b", "blocked", C_1928B),
        },
        "V4_permitted_1928f_b": {
            "all": [
                ev,
                {"k": {"$and": [{"t": "constrained"}, {"area": "exit_funding"}]}},
                {"z": {"$and": [{"t": "authorization"}, {"pid": {"k": "pid"}}]}},
            ],
            "run": verdict("permitted_1928f_b", "permitted", C_1928B, lambda c: c.z.basis),
        },
        "V5_blocked_eucom_floor": {
            "all": [
                ev,
                {"k": {"$and": [{"t": "constrained"}, {"area": "eucom_floor"}]}},
                {"n$not": {"$and": [{"t": "waiver"}, {"pid": {"k": "pid"}}]}},
            ],
            "run": verdict("blocked_eucom_floor", "blocked", C_FLOOR),
        },
        "V6_permitted_eucom_waiver": {
            "all": [
                ev,
                {"k": {"$and": [{"t": "constrained"}, {"area": "eucom_floor"}]}},
                {"w": {"$and": [{"t": "waiver"}, {"pid": {"k": "pid"}}]}},
            ],
            "run": verdict("permitted_eucom_waiver", "permitted", C_FLOOR, lambda c: c.w.basis),
        },
        "V7_blocked_saceur": {
            "all": [ev, {"k": {"$and": [{"t": "constrained"}, {"area": "saceur"}]}}],
            "run": verdict("blocked_saceur", "blocked", C_SACEUR),
        },
        "V8_no_constraint": {
            "all": [
                ev,
                {"p": {"t": "proposal"}},
                {"n$not": {"$and": [{"t": "constrained"}, {"pid": {"p": "pid"}}]}},
            ],
            "run": verdict("no_constraint", "permitted", C_NONE),
        },
    }


# ----------------------------------------------------------------------------------------
# (c) CLIPS via clipspy.  py_result is a Python callback (env.define_function); collecting
#     results via Template.facts() wrappers makes clipspy 1.0.6 leak and slow down (see README)
# ----------------------------------------------------------------------------------------
CLIPS_SRC = r"""
(deftemplate proposal (slot pid) (slot kind) (slot actor) (slot resulting_level (default 0)) (slot duration_days (default 0)))
(deftemplate senate_vote (slot pid) (slot yeas) (slot present))
(deftemplate act_of_congress (slot pid) (slot authorizes))
(deftemplate certification (slot pid) (slot by) (slot national_interest) (slot consulted_allies) (slot submitted))
(deftemplate constrained (slot pid) (slot area))
(deftemplate below_floor (slot pid) (slot days))
(deftemplate authorization (slot pid) (slot basis))
(deftemplate waiver (slot pid) (slot basis))

(defrule D1 (proposal (pid ?p) (kind "withdraw_treaty"|"suspend_treaty"|"terminate_treaty"|"denounce_treaty"))
  => (assert (constrained (pid ?p) (area "treaty_exit"))))
(defrule D2 (proposal (pid ?p) (kind "fund_exit_effort")) => (assert (constrained (pid ?p) (area "exit_funding"))))
(defrule D3 (proposal (pid ?p) (kind "reduce_forces") (resulting_level ?l&:(< ?l 76000)) (duration_days ?d))
  => (assert (below_floor (pid ?p) (days ?d))))
(defrule D4 (below_floor (pid ?p) (days ?d&:(> ?d 45))) => (assert (constrained (pid ?p) (area "eucom_floor"))))
(defrule D5 (below_floor (pid ?p) (days ?d&:(<= ?d 45))) => (py_result F short_reduction "below floor for <= 45 days"))
(defrule D6 (proposal (pid ?p) (kind "relinquish_saceur")) => (assert (constrained (pid ?p) (area "saceur"))))
(defrule D7 (proposal (pid ?p)) (senate_vote (pid ?p) (yeas ?y) (present ?n&:(>= ?y (/ (* ?n 2) 3))))
  => (assert (authorization (pid ?p) (basis "senate_two_thirds"))))
(defrule D8 (proposal (pid ?p)) (senate_vote (pid ?p) (yeas ?y) (present ?n&:(< ?y (/ (* ?n 2) 3))))
  => (py_result F senate_short "senate vote below two-thirds of present"))
(defrule D9 (proposal (pid ?p) (kind ?k)) (act_of_congress (pid ?p) (authorizes ?k))
  => (assert (authorization (pid ?p) (basis "act_of_congress"))))
(defrule D10 (proposal (pid ?p) (kind ?k)) (act_of_congress (pid ?p) (authorizes ~?k))
  => (py_result F act_mismatch "act does not cover this action"))
(defrule D11 (proposal (pid ?p) (kind "fund_exit_effort"))
  (act_of_congress (pid ?p) (authorizes "withdraw_treaty"|"suspend_treaty"|"terminate_treaty"|"denounce_treaty"))
  => (assert (authorization (pid ?p) (basis "act_of_congress_exit"))))
(defrule D12 (proposal (pid ?p)) (certification (pid ?p) (by "SecDef") (national_interest TRUE) (consulted_allies TRUE) (submitted TRUE))
  => (assert (waiver (pid ?p) (basis "secdef_certification"))))
(defrule D13 (proposal (pid ?p)) (certification (pid ?p) (by ?b) (national_interest ?i) (consulted_allies ?a) (submitted ?s))
  (test (or (neq ?b "SecDef") (eq ?i FALSE) (eq ?a FALSE) (eq ?s FALSE)))
  => (py_result F cert_defective "certification incomplete or by wrong official"))

(defrule V1 (declare (salience -100)) (constrained (pid ?p) (area "treaty_exit")) (not (authorization (pid ?p)))
  => (py_result V blocked_1928f_a blocked "22 U.S.C. 1928f(a)" ""))
(defrule V2 (declare (salience -100)) (constrained (pid ?p) (area "treaty_exit")) (authorization (pid ?p) (basis ?b))
  => (py_result V permitted_1928f_a permitted "22 U.S.C. 1928f(a)" ?b))
(defrule V3 (declare (salience -100)) (constrained (pid ?p) (area "exit_funding")) (not (authorization (pid ?p)))
  => (py_result V blocked_1928f_b blocked "22 U.S.C. 1928f(b)" ""))
(defrule V4 (declare (salience -100)) (constrained (pid ?p) (area "exit_funding")) (authorization (pid ?p) (basis ?b))
  => (py_result V permitted_1928f_b permitted "22 U.S.C. 1928f(b)" ?b))
(defrule V5 (declare (salience -100)) (constrained (pid ?p) (area "eucom_floor")) (not (waiver (pid ?p)))
  => (py_result V blocked_eucom_floor blocked "NDAA EUCOM 76,000 floor" ""))
(defrule V6 (declare (salience -100)) (constrained (pid ?p) (area "eucom_floor")) (waiver (pid ?p) (basis ?b))
  => (py_result V permitted_eucom_waiver permitted "NDAA EUCOM 76,000 floor" ?b))
(defrule V7 (declare (salience -100)) (constrained (pid ?p) (area "saceur"))
  => (py_result V blocked_saceur blocked "NDAA SACEUR retention" ""))
(defrule V8 (declare (salience -100)) (proposal (pid ?p)) (not (constrained (pid ?p)))
  => (py_result V no_constraint permitted "none" ""))
"""


# ----------------------------------------------------------------------------------------
# (d) experta
# ----------------------------------------------------------------------------------------
def experta_engine_class():
    import collections, collections.abc

    if not hasattr(collections, "Mapping"):  # frozendict 1.2 (experta dep) needs this on py>=3.10
        collections.Mapping = collections.abc.Mapping
    from experta import KnowledgeEngine, Fact, Rule, NOT, OR, P as EP, MATCH, AS, W, TEST

    class Proposal(Fact):
        pass

    class SenateVote(Fact):
        pass

    class ActOfCongress(Fact):
        pass

    class Certification(Fact):
        pass

    class Constrained(Fact):
        pass

    class BelowFloor(Fact):
        pass

    class Authorization(Fact):
        pass

    class Waiver(Fact):
        pass

    cls_of = {
        "proposal": Proposal,
        "senate_vote": SenateVote,
        "act_of_congress": ActOfCongress,
        "certification": Certification,
    }
    exit_kinds = EXIT_KINDS

    class NatoEngine(KnowledgeEngine):
        def __init__(self):
            super().__init__()
            self.results = []

        @Rule(Proposal(pid=MATCH.p, kind=EP(lambda k: k in exit_kinds)))
        def d1(self, p):
            self.declare(Constrained(pid=p, area="treaty_exit"))

        @Rule(Proposal(pid=MATCH.p, kind="fund_exit_effort"))
        def d2(self, p):
            self.declare(Constrained(pid=p, area="exit_funding"))

        @Rule(
            Proposal(
                pid=MATCH.p,
                kind="reduce_forces",
                resulting_level=EP(lambda l: l < FLOOR),
                duration_days=MATCH.d,
            )
        )
        def d3(self, p, d):
            self.declare(BelowFloor(pid=p, days=d))

        @Rule(BelowFloor(pid=MATCH.p, days=EP(lambda d: d > MAX_DAYS)))
        def d4(self, p):
            self.declare(Constrained(pid=p, area="eucom_floor"))

        @Rule(BelowFloor(days=EP(lambda d: d <= MAX_DAYS)))
        def d5(self):
            self.results.append(("F", "short_reduction", "below floor for <= 45 days"))

        @Rule(Proposal(pid=MATCH.p, kind="relinquish_saceur"))
        def d6(self, p):
            self.declare(Constrained(pid=p, area="saceur"))

        @Rule(
            Proposal(pid=MATCH.p),
            SenateVote(pid=MATCH.p, yeas=MATCH.y, present=MATCH.n),
            TEST(lambda y, n: y >= n * 2 / 3),
        )
        def d7(self, p, y, n):
            self.declare(Authorization(pid=p, basis="senate_two_thirds"))

        @Rule(
            Proposal(pid=MATCH.p),
            SenateVote(pid=MATCH.p, yeas=MATCH.y, present=MATCH.n),
            TEST(lambda y, n: y < n * 2 / 3),
        )
        def d8(self, p, y, n):
            self.results.append(("F", "senate_short", "senate vote below two-thirds of present"))

        @Rule(Proposal(pid=MATCH.p, kind=MATCH.k), ActOfCongress(pid=MATCH.p, authorizes=MATCH.k))
        def d9(self, p, k):
            self.declare(Authorization(pid=p, basis="act_of_congress"))

        @Rule(
            Proposal(pid=MATCH.p, kind=MATCH.k),
            ActOfCongress(pid=MATCH.p, authorizes=MATCH.a),
            TEST(lambda k, a: k != a),
        )
        def d10(self, p, k, a):
            self.results.append(("F", "act_mismatch", "act does not cover this action"))

        @Rule(
            Proposal(pid=MATCH.p, kind="fund_exit_effort"),
            ActOfCongress(pid=MATCH.p, authorizes=EP(lambda a: a in exit_kinds)),
        )
        def d11(self, p):
            self.declare(Authorization(pid=p, basis="act_of_congress_exit"))

        @Rule(
            Proposal(pid=MATCH.p),
            Certification(
                pid=MATCH.p, by="SecDef", national_interest=True, consulted_allies=True, submitted=True
            ),
        )
        def d12(self, p):
            self.declare(Waiver(pid=p, basis="secdef_certification"))

        @Rule(
            Proposal(pid=MATCH.p),
            AS.c << Certification(pid=MATCH.p),
            TEST(
                lambda c: (
                    not (
                        c["by"] == "SecDef"
                        and c["national_interest"]
                        and c["consulted_allies"]
                        and c["submitted"]
                    )
                )
            ),
        )
        def d13(self, p, c):
            self.results.append(("F", "cert_defective", "certification incomplete or by wrong official"))

        @Rule(Constrained(pid=MATCH.p, area="treaty_exit"), NOT(Authorization(pid=MATCH.p)), salience=-100)
        def v1(self, p):
            self.results.append(("V", "blocked_1928f_a", "blocked", C_1928A, ""))

        @Rule(
            Constrained(pid=MATCH.p, area="treaty_exit"),
            Authorization(pid=MATCH.p, basis=MATCH.b),
            salience=-100,
        )
        def v2(self, p, b):
            self.results.append(("V", "permitted_1928f_a", "permitted", C_1928A, b))

        @Rule(Constrained(pid=MATCH.p, area="exit_funding"), NOT(Authorization(pid=MATCH.p)), salience=-100)
        def v3(self, p):
            self.results.append(("V", "blocked_1928f_b", "blocked", C_1928B, ""))

        @Rule(
            Constrained(pid=MATCH.p, area="exit_funding"),
            Authorization(pid=MATCH.p, basis=MATCH.b),
            salience=-100,
        )
        def v4(self, p, b):
            self.results.append(("V", "permitted_1928f_b", "permitted", C_1928B, b))

        @Rule(Constrained(pid=MATCH.p, area="eucom_floor"), NOT(Waiver(pid=MATCH.p)), salience=-100)
        def v5(self, p):
            self.results.append(("V", "blocked_eucom_floor", "blocked", C_FLOOR, ""))

        @Rule(Constrained(pid=MATCH.p, area="eucom_floor"), Waiver(pid=MATCH.p, basis=MATCH.b), salience=-100)
        def v6(self, p, b):
            self.results.append(("V", "permitted_eucom_waiver", "permitted", C_FLOOR, b))

        @Rule(Constrained(pid=MATCH.p, area="saceur"), salience=-100)
        def v7(self, p):
            self.results.append(("V", "blocked_saceur", "blocked", C_SACEUR, ""))

        @Rule(Proposal(pid=MATCH.p), NOT(Constrained(pid=MATCH.p)), salience=-100)
        def v8(self, p):
            self.results.append(("V", "no_constraint", "permitted", C_NONE, ""))

    return NatoEngine, cls_of
