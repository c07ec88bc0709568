"""The case read model in a real container on the real store: it follows concurrent moves, and a rebuild agrees."""
from datetime import datetime, timedelta, timezone

import json

import eventlet
from bson import ObjectId
from nameko.standalone.rpc import ServiceRpcProxy

from services.issues import case_facts, case_rows, read_model
from services.issues.rebuild_rows import rebuild, rebuilt
from services.issues.tests.test_cases import move
from services.issues.tests.test_service import make_report


def live_buckets(database):
    return {(doc["community_id"], doc["quarter"]): case_rows.unpack_rows(doc["rows"])
            for doc in database("issues").case_buckets.find()}


def walk(config, issue, steps):
    """Move one case through `steps` over real RPC, as the gateway would."""
    with ServiceRpcProxy("issues", config) as issues:
        for method, extra in steps:
            getattr(issues, method)({"issue_id": issue["id"], "community_id": "c1", "actor_id": "sw-1", **extra})


def test_the_read_model_matches_the_cases_after_concurrent_moves_and_a_rebuild_equals_it(call, database, linli_config):
    cases = [call("report_issue", make_report(reporter_id=f"acc-{n}", category=cat))
             for n, cat in enumerate(["parking", "noise", "repairs", "parking", "greenery", "safety"])]
    steps = [("accept_issue", {}), ("assign_issue", {"party": "pm"}), ("start_issue", {}),
             ("resolve_issue", {"note": "已处理"})]
    walks = [(case, steps) for case in cases[:5]] + [(cases[5], [("reject_issue", {"note": "不属实"})])]
    list(eventlet.GreenPool().starmap(lambda case, todo: walk(linli_config, case, todo), walks))
    call("rate_issue", {"issue_id": cases[0]["id"], "community_id": "c1", "account_id": "acc-0", "score": 2})
    live = live_buckets(database)
    rows = {row["id"]: row for bucket in live.values() for row in bucket.values()}
    for case in cases:
        stored = call("get_issue", case["id"])
        assert (rows[case["id"]]["status"], rows[case["id"]]["seq"]) == (stored["status"], len(stored["timeline"]))
    assert rows[cases[0]["id"]]["status"] == "reopened" and rows[cases[0]["id"]]["scores"] == {"acc-0": [0, 2]}
    assert rebuilt() == live
    assert rebuild() == (len(live), 6) and live_buckets(database) == live
    [facts] = [case_rows.unpack(doc["facts"]) for doc in database("issues").case_bucket_facts.find()]
    assert sorted(facts, key=json.dumps) == sorted((case_facts.fact_of(row) for row in rows.values()), key=json.dumps)
    [sums], [kinds] = database("issues").case_bucket_sums.find(), database("issues").case_bucket_kinds.find()
    summary = json.loads(json.dumps(case_facts.summary(facts)))
    assert {name: case_rows.unpack({**sums, **kinds}[name]) for name in summary} == summary


def test_the_town_view_reads_the_same_rates_in_one_pass_over_the_facts(call, monkeypatch):
    for community in ("c1", "c2", "c3"):
        case = call("report_issue", make_report(community_id=community))
        call("accept_issue", {"issue_id": case["id"], "community_id": community, "actor_id": "sw-1"})
    query = {"community_ids": ["c1", "c2", "c3"], "by": "community"}
    looked_up = call("case_rates", query)
    monkeypatch.setattr(read_model, "SCAN_FROM", 1)
    assert call("case_rates", query) == looked_up and [g["cases"] for g in looked_up["groups"]] == [1, 1, 1]


def test_lists_filter_by_state_party_category_grid_and_overdue_and_page_on(call, database):
    made = [call("report_issue", make_report(reporter_id=f"acc-{n}", location={"building_id": "b1",
                                                                                "grid_id": f"g{n % 2}"}))
            for n in range(5)]
    move(call, "accept_issue", made[0])
    move(call, "assign_issue", made[0], party="oc")
    late = datetime.now(timezone.utc) - timedelta(hours=1)
    database("issues").issues.update_one({"_id": ObjectId(made[1]["id"])}, {"$set": {"respond_by": late}})
    call("classify_issue", {"issue_id": made[1]["id"], "community_id": "c1", "actor_id": "sw-1",
                            "unreasonable": False, "note": "复核"})  # any write refreshes its row

    def ids(**query):
        return [c["id"] for c in call("list_issues", {"community_id": "c1", **query})]
    newest_first = [c["id"] for c in reversed(made)]
    assert ids() == newest_first
    assert ids(party="oc") == ids(status="assigned") == [made[0]["id"]]
    assert ids(grid_id="g1") == [made[3]["id"], made[1]["id"]]
    assert ids(overdue=True) == [made[1]["id"]]
    assert ids(category="noise") == []
    first = call("list_issues", {"community_id": "c1", "limit": 2})
    assert ids(limit=2, before=first[-1]["created_at"]) == newest_first[2:4]
    assert "timeline" not in first[0] and first[0]["location"]["grid_id"] == "g0"


def test_a_cursor_older_than_every_case_or_a_community_without_cases_lists_nothing(call):
    call("report_issue", make_report())
    long_ago = "1249-08-26T15:20:00+00:00"
    assert call("list_issues", {"community_id": "c1", "before": long_ago}) == []
    assert call("list_issues", {"community_id": "c1", "before": long_ago, "status": "resolved", "party": "rc"}) == []
    assert call("list_issues", {"community_id": "no-cases-here", "status": "resolved"}) == []
