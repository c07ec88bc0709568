"""Announcements, deliveries, preferences, templates and the live stream at the edge:
who may call them, what bad input gets, and a hint reaching an open stream (real broker)."""
import json
import time

import pika
import pytest

from gateway import roles
from gateway.tests.broker import StandInService


def announce(client, community, headers, **body):
    payload = {"title": "停水通知", "body": "明天停水", "audience": {"building_ids": ["b20"]}, **body}
    return client.post(f"/api/v1/communities/{community['id']}/announcements", json=payload, headers=headers)


@pytest.mark.parametrize("role", [roles.RESIDENT, roles.OWNER, roles.VOLUNTEER, roles.SHOP])
def test_only_staff_may_announce(client, community, demo_login, role):
    response = announce(client, community, demo_login(role))
    assert response.status_code == 403 and response.mimetype == "application/problem+json"


def test_announcing_needs_a_login(client, community):
    assert announce(client, community, {}).status_code == 401


@pytest.mark.parametrize("change, field", [({"title": ""}, "title"), ({"priority": "urgent"}, "priority"),
                                            ({"channels": ["pigeon"]}, "channels"),
                                            ({"audience": {"building_ids": "b20"}}, "audience")])
def test_a_bad_announcement_is_a_422_naming_the_field(client, community, demo_login, change, field):
    response = announce(client, community, demo_login(roles.SOCIAL_WORKER), **change)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]


def test_residents_may_not_see_the_delivery_log(client, community, resident):
    response = client.get(f"/api/v1/communities/{community['id']}/deliveries", headers=resident["headers"])
    assert response.status_code == 403


def test_a_bad_delivery_status_is_a_422(client, community, demo_login):
    response = client.get(f"/api/v1/communities/{community['id']}/deliveries?status=lost",
                          headers=demo_login(roles.SOCIAL_WORKER))
    assert response.status_code == 422


@pytest.mark.parametrize("body, field", [({"quiet_hours": {"start": "24:00", "end": "07:00"}}, "quiet_hours"),
                                          ({"channels": {"cases": ["fax"]}}, "channels"),
                                          ({"channels": {"ca\u0000ses": ["email"]}}, "channels"),
                                          ({"channels": {"$set": ["email"]}}, "channels"),
                                          ({"digest": ["a.b"]}, "digest")])
def test_bad_preferences_are_a_422_naming_the_field(client, resident, body, field):
    response = client.put("/api/v1/me/preferences", json=body, headers=resident["headers"])
    assert response.status_code == 422
    assert field in response.get_json()["errors"]


def test_only_a_social_worker_or_the_admin_may_reword_templates(client, community, resident):
    url = f"/api/v1/communities/{community['id']}/templates/announcement/zh-CN"
    assert client.put(url, json={"title": "{title}", "body": "{body}"}, headers=resident["headers"]).status_code == 403


def test_the_live_stream_needs_a_login(client):
    assert client.get("/api/v1/me/stream").status_code == 401


@pytest.fixture
def hub(app):
    yield
    if "linli.live" in app.extensions:
        app.extensions.pop("linli.live").stop()


def test_a_hint_reaches_an_open_stream_within_a_second(client, stack, resident, monkeypatch, hub):
    monkeypatch.setenv("LINLI_STREAM_HEARTBEAT", "0.5")
    monkeypatch.setenv("LINLI_STREAM_LIFETIME", "5")
    response = client.get("/api/v1/me/stream", headers=resident["headers"], buffered=False)
    assert response.status_code == 200 and response.mimetype == "text/event-stream"
    chunks = response.response
    assert next(chunks).startswith(b"retry:")
    hint = {"item_id": "e1:x:inbox", "account_id": resident["id"], "kind": "announcement", "title": "停水",
            "created_at": "2026-06-01T00:00:00+00:00"}
    started = time.monotonic()
    connection = pika.BlockingConnection(pika.URLParameters(stack["amqp_uri"]))
    connection.channel().basic_publish("notifications.live", f"inbox.{resident['id']}", json.dumps(hint))
    connection.channel().basic_publish("notifications.live", "inbox.someone-else", json.dumps({**hint, "account_id": "x"}))
    connection.close()
    received = next(c for c in chunks if c.startswith(b"id:"))
    assert time.monotonic() - started < 1.0
    assert json.loads(received.decode().split("data: ", 1)[1]) == hint
    response.close()


def test_a_browser_event_source_may_pass_its_token_in_the_query(client, resident, monkeypatch, hub):
    monkeypatch.setenv("LINLI_STREAM_LIFETIME", "0.2")
    token = resident["tokens"]["access_token"]
    response = client.get(f"/api/v1/me/stream?access_token={token}", buffered=False)
    assert response.status_code == 200
    response.close()
    assert client.get("/api/v1/me/stream?access_token=forged").status_code == 401


def test_staff_list_every_announcement_with_receipt_counts_and_residents_only_the_current_ones(
        client, community, resident, demo_login, stack):
    asked = []

    def list_announcements(community_id, limit, offset):
        asked.append(("staff", community_id, limit, offset))
        return {"items": [{"id": "n1", "title": "停水", "recipients": 3, "read": 1}], "offset": 1}

    def public_announcements(community_id, limit):
        asked.append(("public", community_id, limit))
        return [{"id": "n1", "title": "停水"}]
    url = f"/api/v1/communities/{community['id']}/announcements"
    with StandInService(stack["amqp_uri"], "notifications", {"list_announcements": list_announcements,
                                                             "public_announcements": public_announcements}):
        staff = client.get(f"{url}?limit=1&cursor=0", headers=demo_login(roles.SOCIAL_WORKER))
        mine = client.get(url, headers=resident["headers"])
    assert staff.status_code == 200 and staff.get_json()["items"][0]["read"] == 1 and staff.get_json()["next"] == "1"
    assert mine.status_code == 200 and mine.get_json() == {"items": [{"id": "n1", "title": "停水"}], "next": None}
    assert asked == [("staff", community["id"], 1, 0), ("public", community["id"], 20)]


def test_a_bad_announcement_list_query_is_a_422_and_the_list_needs_a_login(client, community, demo_login):
    url = f"/api/v1/communities/{community['id']}/announcements"
    assert "cursor" in client.get(f"{url}?cursor=x", headers=demo_login(roles.SOCIAL_WORKER)).get_json()["errors"]
    assert client.get(url).status_code == 401
