"""The issues service in a real nameko container, on the real broker and store."""
import base64
import pytest
from kombu import Connection, Exchange, Queue
from nameko.testing.services import entrypoint_hook

from services.common.errors import InvalidInput, NotFound


def make_report(**overrides):
    report = {"community_id": "c1", "reporter_id": "acc-1", "category": "non_motor_vehicles",
              "title": "楼道里停满电瓶车", "description": "3号楼1单元楼道被堵",
              "location": {"building_id": "b3", "unit_id": "u301", "grid_id": "g1"}}
    report.update(overrides)
    return report


@pytest.fixture
def event_tap(linli_config):
    """A queue bound to issues.events that collects what the service publishes."""
    with Connection(linli_config["AMQP_URI"]) as conn:
        queue = Queue("tap", Exchange("issues.events", type="topic", durable=True), routing_key="#",
                      auto_delete=True)(conn.channel())
        queue.declare()

        def drain():
            messages = []
            while (message := queue.get(no_ack=True)) is not None:
                messages.append(message.payload)
            return messages
        yield drain


def test_a_report_is_stored_as_submitted_with_its_first_timeline_entry(issues, database):
    with entrypoint_hook(issues, "report_issue") as report_issue:
        issue = report_issue(make_report())
    stored = database("issues").issues.find_one()
    assert str(stored["_id"]) == issue["id"]
    assert issue["status"] == stored["status"] == "submitted"
    assert [entry["action"] for entry in issue["timeline"]] == ["reported"]
    assert issue["created_at"].endswith("+00:00")


def test_a_report_emits_issue_reported_once_through_the_outbox(issues, event_tap, database):
    with entrypoint_hook(issues, "report_issue") as report_issue:
        issue = report_issue(make_report())
    events = event_tap()
    assert [e["type"] for e in {e["id"]: e for e in events}.values()] == ["issue_reported"]  # at least once, one id
    assert events[0]["data"]["issue_id"] == issue["id"]
    assert events[0]["source"] == "linli/issues"
    assert events[0]["subject"] == issue["id"]
    assert database("issues").outbox_pending.count_documents({}) == 0


@pytest.mark.parametrize("field,value", [
    ("category", "aliens"), ("title", ""), ("location", {"unit_id": "u1"}), ("surprise", 1)])
def test_a_bad_report_names_the_field_and_stores_nothing(issues, database, field, value):
    with entrypoint_hook(issues, "report_issue") as report_issue:
        with pytest.raises(InvalidInput) as raised:
            report_issue(make_report(**{field: value}))
    assert field in raised.value.extra["errors"]
    assert database("issues").issues.count_documents({}) == 0
    assert database("issues").outbox_pending.count_documents({}) == 0


def test_an_unknown_issue_is_not_found(issues):
    with entrypoint_hook(issues, "get_issue") as get_issue:
        with pytest.raises(NotFound):
            get_issue("000000000000000000000000")
        with pytest.raises(NotFound):
            get_issue("not-an-id")


def test_a_stored_issue_reads_back(issues):
    with entrypoint_hook(issues, "report_issue") as report_issue:
        issue = report_issue(make_report())
    with entrypoint_hook(issues, "get_issue") as get_issue:
        assert get_issue(issue["id"])["title"] == "楼道里停满电瓶车"


def test_the_same_submission_twice_is_one_issue_and_one_event(issues, event_tap, database):
    with entrypoint_hook(issues, "report_issue") as report_issue:
        first = report_issue(make_report(submission_key="req-0123456789"))
        again = report_issue(make_report(submission_key="req-0123456789"))
    assert first["id"] == again["id"]
    assert database("issues").issues.count_documents({}) == 1
    assert len({e["id"] for e in event_tap()}) == 1  # published at least once, under one id


def test_a_repeated_submission_with_photos_keeps_one_set_of_photos(issues, database):
    photo = {"content_type": "image/png", "data": base64.b64encode(b"\x89PNG\r\n\x1a\n-one").decode()}
    with entrypoint_hook(issues, "report_issue") as report_issue:
        first = report_issue(make_report(submission_key="req-photos-0001", photos=[photo]))
        again = report_issue(make_report(submission_key="req-photos-0001", photos=[photo]))
    assert first["id"] == again["id"]
    assert [p["_id"] for p in database("issues").issue_photos.find()] == [f"{first['id']}:0"]


def test_the_store_itself_refuses_a_second_issue_for_one_submission(issues, database):
    with entrypoint_hook(issues, "report_issue") as report_issue:
        report_issue(make_report(submission_key="req-abcdefghij"))
    duplicate = dict(database("issues").issues.find_one(), _id="another")
    with pytest.raises(Exception, match="E11000|duplicate"):
        database("issues").issues.insert_one(duplicate)
