"""Joint handling (四联) in a real container: meetings, action items, and a patrol the volunteers finish."""
import pytest

from services.common.envelope import make_event
from services.common.errors import Conflict, InvalidInput
from services.conftest import wait_until
from services.issues.tests.test_cases import STAFF, move, reported_and_worked
from services.issues.tests.test_service import make_report

ITEM_FIELDS = {"action_item_id", "meeting_id", "issue_id", "community_id", "party", "title", "due_at", "kind", "patrol"}


@pytest.fixture
def meeting(call):
    case = reported_and_worked(call)
    meeting = call("schedule_joint_meeting", {
        "community_id": "c1", "actor_id": STAFF, "title": "电瓶车楼道堆放联席会议",
        "starts_at": "2026-03-03T10:00:00+08:00", "place": "37°便民空间", "issue_ids": [case["id"]]})
    return case, meeting


def add_item(call, case, meeting, **overrides):
    return call("add_action_item", {"meeting_id": meeting["id"], "community_id": "c1", "actor_id": STAFF,
                                    "issue_id": case["id"], "party": "pm", "title": "清理楼道电瓶车",
                                    "due_at": "2026-03-07T18:00:00+08:00", **overrides})


def test_a_joint_meeting_tells_the_followers_and_notes_itself_on_each_case(call, events, meeting):
    case, meeting = meeting
    kind, data = [e for e in events() if e[0] == "joint_meeting_scheduled"][0]
    assert data["issue_ids"] == [case["id"]] and data["parties"] == ["oc", "pm", "rc"]
    assert data["follower_ids"] == ["acc-1"]
    assert call("get_issue", case["id"])["timeline"][-1]["action"] == "joint_meeting_scheduled"


def test_action_items_carry_the_fixed_contract_and_a_patrol_its_rota(call, events, meeting):
    case, meeting = meeting
    add_item(call, case, meeting)
    add_item(call, case, meeting, party="rc", title="一周巩固值守", kind="patrol",
             patrol={"days": 7, "people_per_evening": 2})
    assigned = [d for t, d in events() if t == "action_item_assigned"]
    assert [set(d) for d in assigned] == [ITEM_FIELDS, ITEM_FIELDS]
    assert [(d["kind"], d["patrol"]) for d in assigned] == [
        ("task", None), ("patrol", {"days": 7, "people_per_evening": 2})]


def test_a_case_resolves_only_when_its_action_items_are_done(call, publish, meeting):
    case, meeting = meeting
    task = add_item(call, case, meeting)
    patrol = add_item(call, case, meeting, party="rc", kind="patrol", title="一周巩固值守",
                      patrol={"days": 7, "people_per_evening": 2})
    with pytest.raises(Conflict):
        move(call, "resolve_issue", case)
    call("complete_action_item", {"action_item_id": task["id"], "community_id": "c1", "actor_id": "pm-1"})
    completed = make_event("volunteers", "activity_completed", {
        "activity_id": "act-1", "community_id": "c1", "kind": "patrol",
        "source": {"type": "action_item", "id": patrol["id"]}})
    publish(completed)
    publish(completed)  # a redelivery changes nothing
    wait_until(lambda: all(i["done_at"] for i in call("list_action_items", case["id"], "c1")))
    assert move(call, "resolve_issue", case)["status"] == "resolved"


def test_an_action_item_must_be_about_an_agenda_case_and_a_patrol_needs_its_rota(call, meeting):
    case, meeting = meeting
    other = call("report_issue", make_report(reporter_id="acc-7"))
    with pytest.raises(InvalidInput) as raised:
        add_item(call, other, meeting)
    assert "issue_id" in raised.value.extra["errors"]
    with pytest.raises(InvalidInput) as raised:
        add_item(call, case, meeting, kind="patrol")
    assert "patrol" in raised.value.extra["errors"]


def test_a_closed_case_cannot_go_on_an_agenda(call):
    case = call("report_issue", make_report())
    move(call, "reject_issue", case, note="不属于本小区")
    with pytest.raises(Conflict):
        call("schedule_joint_meeting", {"community_id": "c1", "actor_id": STAFF, "title": "联席会议",
                                        "starts_at": "2026-03-03T10:00:00+08:00", "issue_ids": [case["id"]]})
