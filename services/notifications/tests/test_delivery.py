"""Outside delivery on the real broker and store, to a real SMTP server and real HTTP endpoints."""
import json
from datetime import datetime, timezone

from services.conftest import wait_until
from services.notifications.service import NotificationsService
from services.notifications.tests.conftest import call


def announce(container, channels=("email",), priority="critical", **audience):
    return call(container, "publish_announcement", {
        "community_id": "c1", "author_id": "sw-1", "title": "停水通知", "body": "明天9:00-17:00停水",
        "audience": audience, "priority": priority, "channels": list(channels)})


def deliveries(database, **query):
    return list(database("notifications").deliveries.find(query))


def test_a_critical_announcement_reaches_the_named_buildings_in_app_and_by_email(notifications, household, smtp, database):
    household("a20", "b20", email="a20@example.org")
    household("a21", "b21", email="a21@example.org")
    household("a30", "b30", email="a30@example.org")
    announce(notifications, building_ids=["b20", "b21"])
    wait_until(lambda: len(smtp.messages()) == 2, timeout=10)
    assert sorted(to for to, _, _ in smtp.messages()) == ["a20@example.org", "a21@example.org"]
    assert {subject for _, subject, _ in smtp.messages()} == {"停水通知"}
    assert sorted(i["account_id"] for i in database("notifications").inbox.find()) == ["a20", "a21"]
    wait_until(lambda: [d["status"] for d in deliveries(database)] == ["sent", "sent"])


def test_an_outside_channel_that_fails_three_times_is_retried_until_it_delivers(
        notifications, household, endpoints, database):
    flaky = endpoints(failures=3)
    household("a20", "b20")
    call(notifications, "set_preferences", "a20", {"apprise_url": flaky.url})
    announce(notifications, channels=["apprise"], building_ids=["b20"])
    wait_until(lambda: [d["status"] for d in deliveries(database)] == ["sent"], timeout=15)
    [delivery] = deliveries(database)
    assert delivery["attempts"] == 4
    assert [r["status"] for r in flaky.requests()] == [500, 500, 500, 200]
    assert json.loads(flaky.requests()[-1]["body"])["title"] == "停水通知"


def test_a_channel_that_always_fails_ends_failed_with_its_error_shown_to_staff_and_the_inbox_unharmed(
        notifications, household, endpoints, database):
    broken = endpoints(failures=-1)
    household("a20", "b20")
    call(notifications, "set_preferences", "a20", {"apprise_url": broken.url})
    announce(notifications, channels=["apprise"], building_ids=["b20"])
    wait_until(lambda: database("notifications").inbox.count_documents({"account_id": "a20"}) == 1)
    assert "failed" not in [d["status"] for d in deliveries(database)]  # the inbox did not wait for it
    wait_until(lambda: [d["status"] for d in deliveries(database)] == ["failed"], timeout=15)
    [shown] = call(notifications, "list_deliveries", "c1", status="failed")
    assert shown["attempts"] == 5 and shown["account_id"] == "a20"
    assert "500" in shown["last_error"]
    assert len(broken.requests()) == 5


def test_a_dead_smtp_server_fails_only_its_own_deliveries(notifications, household, endpoints, smtp, database):
    smtp.stop()
    fine = endpoints(failures=0)
    household("a20", "b20", email="a20@example.org")
    call(notifications, "set_preferences", "a20", {"apprise_url": fine.url})
    announce(notifications, channels=["email", "apprise"], building_ids=["b20"])
    wait_until(lambda: {d["channel"]: d["status"] for d in deliveries(database)}
               == {"email": "failed", "apprise": "sent"}, timeout=15)
    assert "smtp" in deliveries(database, channel="email")[0]["last_error"]


def test_two_instances_send_each_delivery_once(notifications, start_service, household, smtp, database):
    start_service(NotificationsService)
    for n in range(10):
        household(f"a{n}", "b20", email=f"a{n}@example.org")
    announce(notifications, building_ids=["b20"])
    wait_until(lambda: len(deliveries(database, status="sent")) == 10, timeout=15)
    assert sorted(to for to, _, _ in smtp.messages()) == sorted(f"a{n}@example.org" for n in range(10))


def test_staff_see_who_read_and_resend_to_the_unread_through_another_channel(
        notifications, household, endpoints, smtp, database):
    other = endpoints(failures=0)
    for name in ("a20", "a21", "a22"):
        household(name, "b20", email=f"{name}@example.org")
    call(notifications, "set_preferences", "a21", {"apprise_url": other.url})
    announcement = announce(notifications, building_ids=["b20"])
    wait_until(lambda: database("notifications").inbox.count_documents({}) == 3)
    item = call(notifications, "list_inbox", "a20")["items"][0]
    call(notifications, "mark_read", "a20", item["id"])
    receipts = call(notifications, "announcement_receipts", announcement["id"])
    assert [r["account_id"] for r in receipts["read"]] == ["a20"]
    assert [r["account_id"] for r in receipts["unread"]] == ["a21", "a22"]
    listed = call(notifications, "list_announcements", "c1")
    assert [(a["id"], a["recipients"], a["read"]) for a in listed["items"]] == [(announcement["id"], 3, 1)]
    assert listed["offset"] is None and call(notifications, "list_announcements", "c2") == {"items": [], "offset": None}
    read_state = {d["account_id"]: d["read_at"] is not None for d in receipts["deliveries"]}
    assert read_state == {"a20": True, "a21": False, "a22": False}  # delivery states include "read"
    assert call(notifications, "resend_announcement", announcement["id"], "apprise") == {
        "queued": ["a21"], "already": [], "unreachable": ["a22"]}
    wait_until(lambda: len(other.requests()) == 1, timeout=10)
    assert call(notifications, "resend_announcement", announcement["id"], "apprise")["already"] == ["a21"]
    wait_until(lambda: len(deliveries(database, status="sent")) == 4, timeout=10)
    assert len(other.requests()) == 1  # the same (event, person, channel) is never sent twice


def test_an_attempt_whose_sender_died_is_never_repeated_but_shown_failed_after_its_lease(
        start_service, monkeypatch, smtp, database):
    monkeypatch.setenv("LINLI_SMTP_PORT", str(smtp.port))
    monkeypatch.setenv("LINLI_DELIVERY_INTERVAL", "0.1")
    monkeypatch.setenv("LINLI_DELIVERY_LEASE", "0.5")
    db = database("notifications")
    now = datetime.now(timezone.utc)
    db.deliveries.insert_one({"_id": "e1:a20:email", "account_id": "a20", "community_id": "c1", "channel": "email",
                              "address": "a20@example.org", "title": "停水通知", "body": "", "event_id": "e1",
                              "status": "queued", "attempts": 0, "due_at": now, "created_at": now})
    db.delivery_attempts.insert_one({"_id": "e1:a20:email#1", "delivery_id": "e1:a20:email", "at": now})
    start_service(NotificationsService)
    wait_until(lambda: deliveries(database)[0]["status"] == "failed", timeout=5)
    assert "interrupted" in deliveries(database)[0]["last_error"]
    assert smtp.messages() == []


def test_an_announcement_to_a_skill_reaches_the_volunteers_who_have_it(notifications, household, publish, database):
    from services.common.envelope import make_event
    for name in ("v1", "v2", "v3"):
        household(name, None, roles=("volunteer",))
    publish(make_event("volunteers", "volunteer_registered", {"community_id": "c1", "volunteer_id": "v1",
                                                               "display_name": "v1", "skills": ["nursing", "it"]}))
    publish(make_event("volunteers", "skill_verified", {"community_id": "c1", "volunteer_id": "v2",
                                                         "skill": "nursing", "verified_by": "sw"}))
    publish(make_event("volunteers", "skill_verified", {"community_id": "c1", "volunteer_id": "v3",
                                                         "skill": "hairdressing", "verified_by": "sw"}))
    wait_until(lambda: database("notifications").volunteer_skills.count_documents({}) == 4)
    announce(notifications, channels=[], priority="normal", skills=["nursing"])
    inbox = database("notifications").inbox
    wait_until(lambda: inbox.count_documents({"kind": "announcement"}) == 2)
    assert sorted(i["account_id"] for i in inbox.find({"kind": "announcement"})) == ["v1", "v2"]


def test_a_failed_attempt_whose_sender_died_before_recording_it_is_settled_and_retried(
        start_service, monkeypatch, smtp, database):
    monkeypatch.setenv("LINLI_SMTP_PORT", str(smtp.port))
    monkeypatch.setenv("LINLI_DELIVERY_INTERVAL", "0.1")
    monkeypatch.setenv("LINLI_DELIVERY_BACKOFF", "0.1")
    db = database("notifications")
    now = datetime.now(timezone.utc)
    db.deliveries.insert_one({"_id": "e1:a20:email", "account_id": "a20", "community_id": "c1", "channel": "email",
                              "address": "a20@example.org", "title": "停水通知", "body": "", "event_id": "e1",
                              "status": "queued", "attempts": 0, "due_at": now, "created_at": now})
    db.delivery_attempts.insert_one({"_id": "e1:a20:email#1", "delivery_id": "e1:a20:email", "at": now,
                                     "error": "smtp: connection refused"})
    start_service(NotificationsService)
    wait_until(lambda: deliveries(database)[0]["status"] == "sent", timeout=5)
    assert deliveries(database)[0]["attempts"] == 2
    assert len(smtp.messages()) == 1
