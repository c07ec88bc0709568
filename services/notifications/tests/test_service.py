"""The notifications service in a real container on the real broker and store."""
import eventlet
import pytest
from nameko.testing.services import entrypoint_hook

from services.common.envelope import make_event
from services.common.errors import InvalidInput, NotFound
from services.conftest import wait_until
from services.notifications.service import NotificationsService


@pytest.fixture
def notifications(start_service):
    return start_service(NotificationsService)


def member(account_id, roles, community_id="c1", locale="zh-CN"):
    return [make_event("gateway", "account_registered", {"account_id": account_id, "display_name": account_id,
                                                          "locale": locale, "email": None, "phone": None}),
            make_event("gateway", "membership_granted", {"account_id": account_id, "community_id": community_id,
                                                          "roles": roles, "building_id": "b3", "unit_id": None,
                                                          "grid_id": "g1"})]


def reported(reporter="resident-1", community_id="c1"):
    return make_event("issues", "issue_reported", {
        "issue_id": "i1", "community_id": community_id, "reporter_id": reporter, "category": "noise",
        "title": "深夜装修", "building_id": "b3", "grid_id": "g1"})


@pytest.fixture
def community(publish, database):
    """Two social workers of c1 (one reads English), one of another community, a resident."""
    people = (member("sw-1", ["social_worker"]) + member("sw-2", ["social_worker", "resident"], locale="en")
              + member("sw-other", ["social_worker"], community_id="c2") + member("resident-1", ["resident"]))
    for event in people:
        publish(event)
    wait_until(lambda: database("notifications").membership_versions.count_documents({}) == 4
               and database("notifications").recipients.count_documents({}) == 4)


def inbox_of(container, account_id, **kwargs):
    with entrypoint_hook(container, "list_inbox") as list_inbox:
        return list_inbox(account_id, **kwargs)


def test_a_report_reaches_the_communitys_social_workers_and_the_reporter(notifications, community, publish, database):
    publish(reported())
    wait_until(lambda: database("notifications").inbox.count_documents({}) == 3)
    assert [i["kind"] for i in inbox_of(notifications, "sw-1")["items"]] == ["issue_reported.staff"]
    assert inbox_of(notifications, "sw-2")["items"][0]["title"] == "New report: 深夜装修"
    assert inbox_of(notifications, "resident-1")["items"][0]["title"] == "已收到您的报事：深夜装修"
    assert inbox_of(notifications, "sw-other")["items"] == []


def test_the_same_event_twice_gives_each_person_one_item(notifications, community, publish, database):
    event = publish(reported())
    wait_until(lambda: database("notifications").inbox.count_documents({}) == 3)
    publish(event)
    eventlet.sleep(0.5)
    assert database("notifications").inbox.count_documents({}) == 3


def test_the_inbox_pages_newest_first_with_a_cursor(notifications, community, publish, database):
    for _ in range(5):
        publish(reported())
    wait_until(lambda: database("notifications").inbox.count_documents({"account_id": "resident-1"}) == 5)
    first = inbox_of(notifications, "resident-1", limit=3)
    second = inbox_of(notifications, "resident-1", limit=3, before=first["next"])
    assert len(first["items"]) == 3 and len(second["items"]) == 2
    assert second["next"] is None
    stamps = [i["created_at"] for i in first["items"] + second["items"]]
    assert stamps == sorted(stamps, reverse=True)
    assert len({i["id"] for i in first["items"] + second["items"]}) == 5


def test_a_bad_cursor_or_limit_is_refused(notifications):
    with pytest.raises(InvalidInput):
        inbox_of(notifications, "resident-1", before="garbage!")
    with pytest.raises(InvalidInput):
        inbox_of(notifications, "resident-1", limit=1000)


def test_an_item_is_marked_read_only_by_its_owner(notifications, community, publish, database):
    publish(reported())
    wait_until(lambda: database("notifications").inbox.count_documents({"account_id": "resident-1"}) == 1)
    item = inbox_of(notifications, "resident-1")["items"][0]
    with entrypoint_hook(notifications, "mark_read") as mark_read:
        with pytest.raises(NotFound):
            mark_read("sw-1", item["id"])
        assert mark_read("resident-1", item["id"])["read_at"] is not None
