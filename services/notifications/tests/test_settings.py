"""Preferences, quiet hours, the digest and community templates, on the real broker and store."""
from datetime import datetime, timedelta, timezone

import pytest

from services.common.envelope import make_event
from services.common.errors import InvalidInput
from services.conftest import wait_until
from services.notifications import policy
from services.notifications.tests.conftest import call


def reported(reporter="r20", issue_id="i1"):
    return make_event("issues", "issue_reported", {
        "issue_id": issue_id, "community_id": "c1", "reporter_id": reporter, "category": "noise",
        "title": "深夜装修", "building_id": "b20", "grid_id": "g1"})


def deliveries(database):
    return list(database("notifications").deliveries.find())


def test_a_person_who_chose_email_for_cases_gets_their_receipt_by_email(notifications, household, publish, smtp, database):
    household("r20", "b20", email="r20@example.org")
    call(notifications, "set_preferences", "r20", {"channels": {"cases": ["email"]}})
    publish(reported())
    wait_until(lambda: len(smtp.messages()) == 1, timeout=10)
    assert smtp.messages()[0][:2] == ("r20@example.org", "已收到您的报事：深夜装修")


def test_without_a_choice_a_case_message_stays_in_the_app(notifications, household, publish, database):
    household("r20", "b20", email="r20@example.org")
    publish(reported())
    wait_until(lambda: database("notifications").inbox.count_documents({"account_id": "r20"}) == 1)
    assert deliveries(database) == []


def test_quiet_hours_hold_a_normal_message_until_they_end(notifications, household, publish, database):
    household("r20", "b20", email="r20@example.org")
    now = datetime.now(timezone.utc).astimezone(policy.LOCAL)
    around_now = {"start": f"{(now.hour - 1) % 24:02d}:00", "end": f"{(now.hour + 2) % 24:02d}:00"}
    call(notifications, "set_preferences", "r20", {"channels": {"cases": ["email"]}, "quiet_hours": around_now})
    publish(reported())
    wait_until(lambda: len(deliveries(database)) == 1)
    [held] = deliveries(database)
    assert held["status"] == "queued" and held["attempts"] == 0
    assert held["due_at"].replace(tzinfo=timezone.utc) > datetime.now(timezone.utc)


def test_held_digest_messages_go_out_as_one_digest_once_due(notifications, household, publish, smtp, database):
    household("r20", "b20", email="r20@example.org")
    call(notifications, "set_preferences", "r20", {"channels": {"cases": ["email"]}, "digest": ["cases"]})
    db = database("notifications")
    soon = datetime.now(timezone.utc) + timedelta(seconds=1)  # all three are in place before any is due
    db.deliveries.insert_many([{
        "_id": f"e{n}:r20:email", "account_id": "r20", "community_id": "c1", "channel": "email",
        "address": "r20@example.org", "title": f"低优先级消息{n}", "body": "", "event_id": f"e{n}",
        "status": "held", "attempts": 0, "due_at": soon, "created_at": datetime.now(timezone.utc)} for n in range(3)])
    wait_until(lambda: len(smtp.messages()) == 1, timeout=10)
    to, subject, body = smtp.messages()[0]
    assert "3" in subject and all(f"低优先级消息{n}" in body for n in range(3))
    assert db.deliveries.count_documents({"status": "digested"}) == 3


def test_staff_reword_a_message_for_their_community(notifications, household, publish, database):
    household("r20", "b20")
    saved = call(notifications, "set_template", {
        "community_id": "c1", "kind": "issue_reported.receipt", "locale": "zh-CN",
        "title": "【未来街区】收到：{title}", "body": "我们会尽快处理。", "editor_id": "sw-1"})
    assert saved["edited_by"] == "sw-1"
    publish(reported())
    wait_until(lambda: database("notifications").inbox.count_documents({"account_id": "r20"}) == 1)
    assert call(notifications, "list_inbox", "r20")["items"][0]["title"] == "【未来街区】收到：深夜装修"
    [own] = [t for t in call(notifications, "list_templates", "c1") if t["own"]]
    assert own["kind"] == "issue_reported.receipt" and own["own"]["title"] == "【未来街区】收到：{title}"
    assert isinstance(own["own"]["edited_at"], str)  # plain JSON for the RPC answer


@pytest.mark.parametrize("change", [{"title": "{title.__class__}"}, {"kind": "no_such_kind"}, {"locale": "fr"}])
def test_a_bad_template_is_refused_and_nothing_changes(notifications, database, change):
    with pytest.raises(InvalidInput):
        call(notifications, "set_template", {"community_id": "c1", "kind": "issue_reported.receipt",
                                             "locale": "zh-CN", "title": "t", "body": "b", "editor_id": "sw", **change})
    assert database("notifications").templates.count_documents({}) == 0


@pytest.mark.parametrize("bad", [{"quiet_hours": {"start": "25:00", "end": "07:00"}},
                                 {"channels": {"cases": ["pigeon"]}}, {"colour": "red"},
                                 {"channels": {"ca\u0000ses": ["email"]}}, {"channels": {"a.b": ["email"]}},
                                 {"digest": ["$where"]}])
def test_bad_preferences_are_refused_and_nothing_is_stored(notifications, database, bad):
    with pytest.raises(InvalidInput):
        call(notifications, "set_preferences", "r20", bad)
    assert call(notifications, "get_preferences", "r20")["channels"] == {}


def test_a_low_priority_message_of_a_digest_category_is_held_for_the_evening(notifications, household, publish, database):
    household("r20", "b20", email="r20@example.org")
    call(notifications, "set_preferences", "r20", {"channels": {"coupons": ["email"]}, "digest": ["coupons"]})
    publish(make_event("bookings", "coupon_claimed", {
        "coupon_id": "cp1", "community_id": "c1", "account_id": "r20", "shop_id": "s1", "shop_name": "小面馆",
        "title": "满30减5", "valid_until": "2026-12-31T15:59:00+00:00"}))
    wait_until(lambda: len(deliveries(database)) == 1)
    [held] = deliveries(database)
    assert held["status"] == "held"
    assert held["due_at"].replace(tzinfo=timezone.utc) == policy.next_digest(held["created_at"].replace(tzinfo=timezone.utc))
    assert database("notifications").inbox.count_documents({"account_id": "r20"}) == 1  # the app has it at once
