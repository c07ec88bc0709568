"""Story 5 over HTTP: a water cut for buildings 20–28 reaches exactly those households, in-app and
by email to a real SMTP server, and staff see who has read it."""
import json
import uuid
from collections import Counter
from datetime import datetime, timezone

import pytest
import requests
from bson import ObjectId
from kombu import Connection

from services.common import topology
from services.common.envelope import make_event

from services.notifications.tests.outside import SmtpServer
from tests.e2e.platform import wait_for
from tests.e2e.test_slice import PASSWORD, login

TARGET = range(20, 29)


@pytest.fixture(scope="module")
def smtp(platform, tmp_path_factory):
    """A real SMTP server, and the notifications service restarted to send to it."""
    server = SmtpServer(tmp_path_factory.mktemp("smtp"))
    platform.kill("notifications")
    platform.start("notifications", LINLI_SMTP_PORT=str(server.port), LINLI_DELIVERY_INTERVAL="0.2")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def estate(platform):
    [community] = [c for c in platform.api("GET", "/api/v1/communities").json()["items"] if c["name"] == "未来街区"]
    detail = platform.api("GET", f"/api/v1/communities/{community['id']}").json()
    numbers = {b["id"]: b["number"] for b in detail["buildings"]}
    first_unit = {}
    for unit in detail["units"]:
        first_unit.setdefault(numbers[unit["building_id"]], unit["id"])
    return {"id": community["id"], "unit_in": first_unit,
            "targets": [b for b, n in numbers.items() if n in TARGET]}


def resident(platform, estate, building_number):
    email = f"r{uuid.uuid4().hex[:8]}@example.org"
    response = platform.api("POST", "/api/v1/auth/register", json={
        "display_name": f"{building_number}号楼居民", "email": email, "password": PASSWORD, "locale": "zh-CN",
        "community_id": estate["id"], "unit_id": estate["unit_in"][building_number]})
    assert response.status_code == 201, response.text
    token = login(platform, email, PASSWORD)
    account_id = platform.api("GET", "/api/v1/me", token=token).json()["account"]["id"]
    return {"email": email, "token": token, "id": account_id}


def announcements(platform, token):
    items = platform.api("GET", "/api/v1/me/notifications", token=token, params={"limit": 100}).json()["items"]
    return [i for i in items if i["kind"] == "announcement"]


def test_a_water_cut_reaches_exactly_the_named_buildings_and_staff_see_who_read_it(platform, smtp, estate):
    from gateway.seed import DEMO_PASSWORD, demo_login
    staff = login(platform, demo_login("social_worker"), DEMO_PASSWORD)
    inside = [resident(platform, estate, n) for n in (20, 24, 27)]
    outside = [resident(platform, estate, n) for n in (19, 29)]
    wait_for(lambda: platform.db("notifications").recipients.count_documents(
        {"_id": {"$in": [p["id"] for p in inside + outside]}}) == 5, 10, "the recipients")
    response = platform.api("POST", f"/api/v1/communities/{estate['id']}/announcements", token=staff, json={
        "title": "停水通知", "body": "20–28号楼明日9:00–17:00停水，请提前储水。", "priority": "critical",
        "channels": ["email"], "audience": {"building_ids": estate["targets"]}})
    assert response.status_code == 201, response.text
    announcement = response.json()

    def mailed_now():
        return {to for to, subject, _ in smtp.messages() if subject == "停水通知"}
    # demo accounts of buildings 20-28 are mailed too, so wait for ours, not for any three
    wait_for(lambda: {p["email"] for p in inside} <= mailed_now(), 30, "the emails")
    mailed = mailed_now()
    assert {p["email"] for p in inside} <= mailed
    assert not mailed & {p["email"] for p in outside}
    assert all(len(announcements(platform, p["token"])) == 1 for p in inside)
    assert all(announcements(platform, p["token"]) == [] for p in outside)

    for reader in inside[:2]:
        item = announcements(platform, reader["token"])[0]
        assert platform.api("POST", f"/api/v1/me/notifications/{item['id']}/read", token=reader["token"]).ok
    receipts = platform.api("GET", f"/api/v1/announcements/{announcement['id']}", token=staff).json()
    read, unread = {r["account_id"] for r in receipts["read"]}, {r["account_id"] for r in receipts["unread"]}
    assert read == {p["id"] for p in inside[:2]}
    assert inside[2]["id"] in unread and not unread & {p["id"] for p in outside}
    members = platform.db("gateway").memberships
    assert all(str(members.find_one({"account_id": ObjectId(uid)})["building_id"]) in estate["targets"] for uid in read | unread)
    assert platform.api("GET", f"/api/v1/announcements/{announcement['id']}", token=inside[0]["token"]).status_code == 403


def test_a_new_inbox_item_reaches_an_open_live_stream_within_a_second(platform, smtp, estate):
    from gateway.seed import DEMO_PASSWORD, demo_login
    staff = login(platform, demo_login("social_worker"), DEMO_PASSWORD)
    listener = resident(platform, estate, 21)
    wait_for(lambda: platform.db("notifications").recipients.count_documents({"_id": listener["id"]}) == 1,
             10, "the recipient")
    stream = requests.get(platform.url + "/api/v1/me/stream", stream=True, timeout=10,
                          headers={"Authorization": f"Bearer {listener['token']}"})
    assert stream.status_code == 200 and stream.headers["Content-Type"].startswith("text/event-stream")
    lines = stream.iter_lines(decode_unicode=True)
    assert next(lines).startswith("retry:")
    platform.api("POST", f"/api/v1/communities/{estate['id']}/announcements", token=staff, json={
        "title": "电梯检修", "body": "21号楼电梯今天下午检修。", "audience": {"account_ids": [listener["id"]]}})
    hint = next(json.loads(line[len("data: "):]) for line in lines if line.startswith("data: "))
    arrived = datetime.now(timezone.utc)
    stream.close()
    assert hint["title"] == "电梯检修" and hint["account_id"] == listener["id"]
    assert (arrived - datetime.fromisoformat(hint["created_at"])).total_seconds() < 1.0
    item = announcements(platform, listener["token"])[0]
    assert item["id"] == hint["item_id"]


def test_a_thousand_events_and_two_sigkills_give_exactly_one_item_per_event_and_recipient(platform, smtp, estate):
    env = {"LINLI_SMTP_PORT": str(smtp.port), "LINLI_DELIVERY_INTERVAL": "0.2"}
    staff = platform.db("notifications").membership_versions.distinct(
        "account_id", {"community_id": estate["id"], "roles": "social_worker"})
    assert staff
    events = [make_event("issues", "issue_reported", {
        "issue_id": f"kill-{n}", "community_id": estate["id"], "reporter_id": f"reporter-{n % 7}",
        "category": "noise", "title": f"噪音 {n}", "building_id": estate["targets"][0], "grid_id": None})
        for n in range(1000)]
    with Connection(platform.broker.uri) as conn:
        producer = conn.Producer()
        for event in events:
            producer.publish(event, exchange=topology.event_exchange("issues"), routing_key="issue_reported",
                             serializer="json", delivery_mode=2)
    inbox = platform.db("notifications").inbox
    ours = {"event_id": {"$in": [e["id"] for e in events]}}
    for threshold in (150, 900):
        wait_for(lambda: inbox.count_documents(ours) >= threshold, 60, f"{threshold} items")
        platform.kill("notifications")
        platform.start("notifications", **env)
    expected = {(e["id"], who) for e in events for who in [e["data"]["reporter_id"], *staff]}
    wait_for(lambda: inbox.count_documents(ours) >= len(expected), 60, "every item")
    items = list(inbox.find(ours, {"event_id": 1, "account_id": 1}))
    assert Counter((i["event_id"], i["account_id"]) for i in items) == Counter(dict.fromkeys(expected, 1))
