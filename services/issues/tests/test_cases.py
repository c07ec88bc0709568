"""Moving cases through their states in a real container, on the real broker and store."""
import base64
from datetime import datetime, timedelta, timezone

import eventlet
import pytest
from nameko.exceptions import RemoteError
from nameko.standalone.rpc import ServiceRpcProxy
from nameko.testing.services import entrypoint_hook

from services.common.envelope import make_event
from services.common.errors import Conflict, Forbidden, InvalidInput, NotFound
from services.issues import domain
from services.issues.backfill_my_cases import backfill
from services.issues.service import IssuesService
from services.conftest import wait_until
from services.issues.tests.test_service import make_report

STAFF = "sw-1"


def move(call, method, issue, **extra):
    return call(method, {"issue_id": issue["id"], "community_id": "c1", "actor_id": STAFF, **extra})


def reported_and_worked(call):
    issue = call("report_issue", make_report())
    move(call, "accept_issue", issue)
    move(call, "assign_issue", issue)
    return move(call, "start_issue", issue)


def test_a_case_walks_from_report_to_closed_with_a_timeline_entry_per_move(call, events):
    issue = reported_and_worked(call)
    move(call, "resolve_issue", issue, note="车已清走")
    closed = move(call, "close_issue", issue)
    assert closed["status"] == "closed"
    assert [(e["action"], e["status"], e["actor_id"]) for e in closed["timeline"]] == [
        ("reported", "submitted", "acc-1"), ("accepted", "accepted", STAFF), ("assigned", "assigned", STAFF),
        ("started", "in_progress", STAFF), ("resolved", "resolved", STAFF), ("closed", "closed", STAFF)]
    assert closed["resolved_at"] and closed["responded_at"]
    assert [t for t, _ in events()] == ["issue_reported", "issue_accepted", "issue_assigned",
                                        "issue_status_changed", "issue_resolved", "issue_status_changed"]


def test_every_move_event_names_the_followers_and_the_states(call, events):
    issue = call("report_issue", make_report())
    move(call, "accept_issue", issue, note="已受理")
    kind, data = events()[-1]
    assert kind == "issue_accepted"
    assert data["follower_ids"] == ["acc-1"]
    assert (data["previous_status"], data["status"], data["note"]) == ("submitted", "accepted", "已受理")


def test_assignment_follows_the_communitys_routing_table(call, events):
    call("set_route", {"community_id": "c1", "category": "non_motor_vehicles", "grid_id": "g1",
                       "party": "pm", "handler_group": "pm-security"})
    issue = call("report_issue", make_report())
    move(call, "accept_issue", issue)
    assigned = move(call, "assign_issue", issue)
    assert (assigned["party"], assigned["handler_group"]) == ("pm", "pm-security")
    assert events()[-1][1]["party"] == "pm"


def test_a_reassignment_needs_a_reason_and_keeps_both_in_the_timeline(call):
    issue = call("report_issue", make_report())
    move(call, "accept_issue", issue)
    move(call, "assign_issue", issue, party="rc")
    with pytest.raises(InvalidInput):
        move(call, "assign_issue", issue, party="oc")
    again = move(call, "assign_issue", issue, party="oc", note="涉及公共部位，由业委会牵头")
    assert (again["party"], again["handler_group"]) == ("oc", "oc-committee")
    assert [e["action"] for e in again["timeline"]][-2:] == ["assigned", "reassigned"]


def test_a_rejection_needs_a_reason_the_resident_can_read(call, events):
    issue = call("report_issue", make_report())
    with pytest.raises(InvalidInput) as raised:
        move(call, "reject_issue", issue)
    assert "note" in raised.value.extra["errors"]
    rejected = move(call, "reject_issue", issue, note="属于市政道路，请拨打12345")
    assert rejected["rejection_reason"] == "属于市政道路，请拨打12345"
    assert events()[-1][1]["status"] == "rejected"


@pytest.mark.parametrize("method", ["resolve_issue", "start_issue", "close_issue"])
def test_an_illegal_move_is_a_conflict_and_changes_nothing(call, events, database, method):
    issue = call("report_issue", make_report())
    events()
    with pytest.raises(Conflict):
        move(call, method, issue)
    stored = database("issues").issues.find_one()
    assert stored["status"] == "submitted" and len(stored["timeline"]) == 1
    assert database("issues").case_moves.count_documents({}) == 0
    assert events() == [("issue_reported", events()[0][1])]


def test_a_case_of_another_community_is_not_found(call):
    issue = call("report_issue", make_report())
    with pytest.raises(NotFound):
        call("accept_issue", {"issue_id": issue["id"], "community_id": "c2", "actor_id": STAFF})


def rpc_outcome(config, method, payload):
    """Call the running service over real RPC, as the gateway would: the result or the error's name."""
    with ServiceRpcProxy("issues", config) as issues:
        try:
            getattr(issues, method)(payload)
            return "ok"
        except RemoteError as err:
            return err.exc_type


def test_of_concurrent_moves_from_one_state_exactly_one_wins(issues, linli_config, database, events):
    with entrypoint_hook(issues, "report_issue") as report:
        issue = report(make_report())
    payloads = [{"issue_id": issue["id"], "community_id": "c1", "actor_id": f"sw-{n}"} for n in range(6)]
    outcomes = list(eventlet.GreenPool().imap(lambda p: rpc_outcome(linli_config, "accept_issue", p), payloads))
    assert outcomes.count("ok") == 1
    assert set(outcomes) - {"ok"} == {"Conflict"}
    stored = database("issues").issues.find_one()
    assert [e["action"] for e in stored["timeline"]] == ["reported", "accepted"]
    assert [t for t, _ in events()].count("issue_accepted") == 1


def test_me_too_and_merge_make_every_reporter_a_follower(call, events):
    first = call("report_issue", make_report())
    second = call("report_issue", make_report(reporter_id="acc-2"))
    offered = call("find_duplicates", {"community_id": "c1", "category": "non_motor_vehicles",
                                       "location": {"building_id": "b3"}})
    assert {c["id"] for c in offered} == {first["id"], second["id"]}
    call("join_issue", {"issue_id": first["id"], "community_id": "c1", "account_id": "acc-3"})
    merged = move(call, "merge_issue", second, into_id=first["id"])
    assert merged["id"] == first["id"]
    assert merged["follower_ids"] == ["acc-1", "acc-3", "acc-2"]
    assert call("get_issue", second["id"])["status"] == "merged"
    move(call, "accept_issue", first)
    assert events()[-1][1]["follower_ids"] == ["acc-1", "acc-3", "acc-2"]



def test_my_cases_are_those_i_reported_joined_or_was_merged_into_newest_first_by_status(call):
    first = call("report_issue", make_report(reporter_id="me-1"))
    second = call("report_issue", make_report(reporter_id="me-2"))
    call("join_issue", {"issue_id": first["id"], "community_id": "c1", "account_id": "me-3"})
    move(call, "merge_issue", second, into_id=first["id"])
    move(call, "accept_issue", first)
    mine = lambda account, **query: call("list_my_issues", {"account_id": account, **query})  # noqa: E731
    assert [c["id"] for c in mine("me-2")["items"]] == [first["id"], second["id"]]
    assert [c["status"] for c in mine("me-2", status=["merged"])["items"]] == ["merged"]
    assert [c["id"] for c in mine("me-3")["items"]] == [first["id"]]
    page = mine("me-2", limit=1)
    assert page["offset"] == 1 and mine("me-2", limit=1, offset=1)["items"][0]["id"] == second["id"]
    assert mine("nobody") == {"items": [], "offset": None}
    with pytest.raises(InvalidInput):
        mine("me-1", status=["lost"])

def test_the_backfill_adds_cases_followed_before_my_cases_existed_and_keeps_what_the_lists_hold(call, database):
    first = call("report_issue", make_report(reporter_id="old-1"))
    second = call("report_issue", make_report(reporter_id="old-2"))
    call("join_issue", {"issue_id": first["id"], "community_id": "c1", "account_id": "old-3"})
    move(call, "merge_issue", second, into_id=first["id"])
    database("issues").followed_cases.delete_many({})  # as before the lists were kept
    third = call("report_issue", make_report(reporter_id="old-2", category="noise"))  # followed since: kept first
    mine = lambda account: [c["id"] for c in call("list_my_issues", {"account_id": account})["items"]]  # noqa: E731
    assert mine("old-2") == [third["id"]] and mine("old-1") == []
    assert backfill() == 3
    assert mine("old-2") == [third["id"], second["id"], first["id"]]
    assert mine("old-1") == [first["id"]] and mine("old-3") == [first["id"]]
    assert backfill() == 0 and mine("old-2") == [third["id"], second["id"], first["id"]]


def test_an_unhappy_rating_reopens_once_and_a_second_rating_is_refused(call, events):
    issue = reported_and_worked(call)
    move(call, "resolve_issue", issue)
    rated = call("rate_issue", {"issue_id": issue["id"], "community_id": "c1", "account_id": "acc-1", "score": 1})
    assert rated["status"] == "reopened" and rated["reopen_count"] == 1
    assert ("issue_rated", "issue_status_changed") == tuple(t for t, _ in events()[-2:])
    move(call, "start_issue", issue)
    move(call, "resolve_issue", issue)
    again = call("rate_issue", {"issue_id": issue["id"], "community_id": "c1", "account_id": "acc-1", "score": 1})
    assert again["status"] == "resolved"
    with pytest.raises(Conflict):
        call("rate_issue", {"issue_id": issue["id"], "community_id": "c1", "account_id": "acc-1", "score": 5})
    with pytest.raises(Forbidden):
        call("rate_issue", {"issue_id": issue["id"], "community_id": "c1", "account_id": "stranger", "score": 5})


def test_rates_leave_out_unreasonable_reports(call):
    kept = reported_and_worked(call)
    move(call, "resolve_issue", kept)
    call("rate_issue", {"issue_id": kept["id"], "community_id": "c1", "account_id": "acc-1", "score": 5})
    silly = call("report_issue", make_report(reporter_id="acc-9"))
    call("classify_issue", {"issue_id": silly["id"], "community_id": "c1", "actor_id": STAFF,
                            "unreasonable": True, "note": "重复无理投诉"})
    figures = call("case_rates", {"community_ids": ["c1"], "by": "party"})
    assert figures["total"]["cases"] == 1 and figures["total"]["unreasonable"] == 1
    assert figures["total"]["resolution_rate"] == 1.0 and figures["total"]["satisfaction_rate"] == 1.0
    assert [row["party"] for row in figures["groups"]] == ["", "rc"]


def test_two_instances_flag_an_overdue_case_exactly_once(call, start_service, database, events, monkeypatch):
    issue = call("report_issue", make_report())
    past = datetime.now(timezone.utc) - timedelta(hours=1)
    database("issues").issues.update_one({}, {"$set": {"respond_by": past}})
    monkeypatch.setenv("LINLI_OVERDUE_INTERVAL", "0.05")
    start_service(IssuesService), start_service(IssuesService)  # two instances, their timers racing
    wait_until(lambda: database("issues").overdue_notices.count_documents({}) == 1)
    eventlet.sleep(0.5)  # ten more passes of each timer
    assert database("issues").overdue_notices.count_documents({}) == 1
    overdue = [d for t, d in events() if t == "issue_overdue"]
    assert [(d["issue_id"], d["limit"], d["escalate_to_roles"]) for d in overdue] == [
        (issue["id"], "respond", ["community_admin"])]


def test_a_claim_whose_worker_died_before_writing_is_finished_by_the_next_mover(call, database, events):
    issue = call("report_issue", make_report())
    died_at = datetime.now(timezone.utc) - timedelta(minutes=1)
    entry = {"at": died_at, "action": "accepted", "actor_id": "sw-dead", "status": "accepted", "note": None}
    event = make_event("issues", "issue_accepted", {"issue_id": issue["id"], "note": None}, subject=issue["id"])
    database("issues").case_moves.insert_one({
        "_id": f"{issue['id']}:1", "issue_id": issue["id"], "action": "accepted", "actor_id": "sw-dead",
        "at": died_at, "entry": entry, "changes": {"status": "accepted", "responded_at": died_at}, "event": event})
    with pytest.raises(Conflict):
        move(call, "accept_issue", issue)
    finished = call("get_issue", issue["id"])
    assert finished["status"] == "accepted"
    assert [e["actor_id"] for e in finished["timeline"]] == ["acc-1", "sw-dead"]
    assert move(call, "assign_issue", issue)["status"] == "assigned"  # the case is not stuck
    assert event["id"] in [e["id"] for e in events.raw()]


def test_a_fresh_claim_of_a_live_worker_is_left_alone(call, database):
    issue = call("report_issue", make_report())
    now = datetime.now(timezone.utc)
    database("issues").case_moves.insert_one({
        "_id": f"{issue['id']}:1", "issue_id": issue["id"], "action": "accepted", "actor_id": "sw-busy", "at": now,
        "entry": {"at": now, "action": "accepted", "actor_id": "sw-busy", "status": "accepted", "note": None},
        "changes": {"status": "accepted"}, "event": None})
    with pytest.raises(Conflict):
        move(call, "accept_issue", issue)
    assert call("get_issue", issue["id"])["status"] == "submitted"


PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))


def test_a_reports_photos_are_stored_apart_and_read_back(call, database):
    photo = {"content_type": "image/png", "data": base64.b64encode(PNG).decode()}
    issue = call("report_issue", make_report(photos=[photo]))
    assert issue["photos"] == [{"n": 0, "content_type": "image/png", "size": len(PNG)}]
    assert call("get_issue_photo", issue["id"], 0) == photo
    assert "data" not in str(database("issues").issues.find_one()["photos"])
    with pytest.raises(NotFound):
        call("get_issue_photo", issue["id"], 1)


@pytest.mark.parametrize("photos", [
    [{"content_type": "image/gif", "data": base64.b64encode(b"GIF89a....").decode()}],
    [{"content_type": "image/jpeg", "data": base64.b64encode(PNG).decode()}],
    [{"content_type": "image/png", "data": "not base64!"}],
    [{"content_type": "image/png", "data": base64.b64encode(PNG).decode()}] * 5,
])
def test_a_photo_of_the_wrong_type_size_or_count_is_refused_and_nothing_is_stored(call, database, photos):
    with pytest.raises(InvalidInput) as raised:
        call("report_issue", make_report(photos=photos))
    assert "photos" in raised.value.extra["errors"]
    assert database("issues").issues.count_documents({}) == 0
    assert database("issues").issue_photos.count_documents({}) == 0


def test_the_me_too_offer_from_the_read_model_equals_the_open_cases_in_the_store(call, database):
    near = {"building_id": "b3", "lat": 31.2301, "lng": 121.4701}
    reports = [make_report(location=near), make_report(location={"building_id": "b4", "lat": 31.2302, "lng": 121.4702}),
               make_report(location={"building_id": "b9", "lat": 31.30, "lng": 121.50}),
               make_report(category="noise", location=near), make_report(location=near)]
    made = [call("report_issue", r) for r in reports]
    move(call, "merge_issue", made[4], into_id=made[0]["id"])  # merged: no longer open
    query = {"community_id": "c1", "category": "non_motor_vehicles", "location": near}
    stored = [{**doc, "id": str(doc["_id"]), "created_at": doc["created_at"].replace(tzinfo=timezone.utc)}
              for doc in database("issues").issues.find({"community_id": "c1"})]
    expected = domain.duplicate_candidates(query["category"], near, [c for c in stored if c["status"] in domain.OPEN])
    offered = call("find_duplicates", query)
    assert [c["id"] for c in offered] == [c["id"] for c in expected] == [made[1]["id"], made[0]["id"]]
