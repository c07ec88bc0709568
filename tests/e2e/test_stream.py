"""/api/v1/stream over HTTP: a per-connection queue on the real broker, and `Last-Event-ID` resume."""
import json
import time
import uuid

import pytest
import requests

from gateway.seed import DEMO_PASSWORD, demo_login
from tests.e2e.conftest import MANAGEMENT
from tests.e2e.platform import wait_for
from tests.e2e.test_slice import PASSWORD, login

# A closed client is noticed at the next heartbeat; no stream outlives a stuck test by long.
PLATFORM_ENV = {"LINLI_STREAM_HEARTBEAT": "0.5", "LINLI_STREAM_LIFETIME": "90"}


@pytest.fixture(scope="module")
def estate(platform):
    [community] = [c for c in platform.api("GET", "/api/v1/communities").json()["items"] if c["name"] == "未来街区"]
    detail = platform.api("GET", f"/api/v1/communities/{community['id']}").json()
    return {"id": community["id"], "building": detail["buildings"][2], "unit": detail["units"][0],
            "staff": login(platform, demo_login("social_worker"), DEMO_PASSWORD)}


@pytest.fixture
def person(platform, estate):
    """A new resident whom the notifications service already knows."""
    email = f"s{uuid.uuid4().hex[:8]}@example.org"
    response = platform.api("POST", "/api/v1/auth/register", json={
        "display_name": "听众", "email": email, "password": PASSWORD, "locale": "zh-CN",
        "community_id": estate["id"], "unit_id": estate["unit"]["id"]})
    assert response.status_code == 201, response.text
    token = login(platform, email, PASSWORD)
    account_id = platform.api("GET", "/api/v1/me", token=token).json()["account"]["id"]
    wait_for(lambda: platform.db("notifications").recipients.count_documents({"_id": account_id}) == 1,
             30, "the recipient")
    return {"token": token, "id": account_id}


def open_stream(platform, person, **headers):
    response = requests.get(platform.url + "/api/v1/stream", stream=True, timeout=30,
                            headers={"Authorization": f"Bearer {person['token']}", **headers})
    assert response.status_code == 200, response.text
    return response, sse(response)


def sse(response, timeout=30):
    """The stream's events as dicts of their fields; fails if none comes within `timeout` seconds."""
    event, deadline = {}, time.monotonic() + timeout
    for line in response.iter_lines(decode_unicode=True):
        if line:
            name, _, value = line.partition(":")
            event[name] = value[1:] if value.startswith(" ") else value
        elif "data" in event:
            yield {**event, "data": json.loads(event["data"])}
            event, deadline = {}, time.monotonic() + timeout
        else:
            event = {}
        assert time.monotonic() < deadline, "no event came in time"


def announce(platform, estate, person, title):
    response = platform.api("POST", f"/api/v1/communities/{estate['id']}/announcements", token=estate["staff"],
                            json={"title": title, "body": title, "audience": {"account_ids": [person["id"]]}})
    assert response.status_code == 201, response.text


def inbox_titles(platform, person):
    items = platform.api("GET", "/api/v1/me/notifications", token=person["token"], params={"limit": 100}).json()
    return {item["title"] for item in items["items"]}


def live_queues(platform, person):
    vhost = requests.utils.quote(platform.broker.vhost, safe="")
    queues = requests.get(f"{MANAGEMENT}/api/queues/{vhost}", timeout=10).json()
    return [q["name"] for q in queues if q["name"].startswith(f"live-{person['id']}-")]


def test_a_resumed_stream_delivers_what_was_missed_exactly_once(platform, estate, person):
    response, events = open_stream(platform, person)
    announce(platform, estate, person, "停水通知 1")
    first = next(events)
    response.close()
    assert first["data"]["title"] == "停水通知 1" and first["event"] == "inbox"
    for n in (2, 3):
        announce(platform, estate, person, f"停水通知 {n}")
    wait_for(lambda: {"停水通知 2", "停水通知 3"} <= inbox_titles(platform, person), 30, "the missed items")

    response, events = open_stream(platform, person, **{"Last-Event-ID": first["id"]})
    replayed = [next(events), next(events)]
    announce(platform, estate, person, "停水通知 4")
    live = next(events)
    announce(platform, estate, person, "停水通知 5")
    after = next(events)
    response.close()
    titles = [e["data"]["title"] for e in replayed + [live, after]]
    assert titles == ["停水通知 2", "停水通知 3", "停水通知 4", "停水通知 5"]
    assert len({e["id"] for e in replayed + [live, after]} | {first["id"]}) == 5


def test_my_own_case_steps_arrive_as_case_events(platform, estate, person):
    response, events = open_stream(platform, person)
    report = platform.api("POST", "/api/v1/issues", token=person["token"], json={
        "community_id": estate["id"], "category": "noise", "title": "楼上夜里装修", "description": "每晚十一点后",
        "location": {"building_id": estate["unit"]["building_id"], "unit_id": estate["unit"]["id"]}})
    assert report.status_code == 201, report.text
    issue_id = report.json()["id"]
    receipt = next(events)
    moved = platform.api("POST", f"/api/v1/issues/{issue_id}/actions/accept", token=estate["staff"], json={})
    assert moved.status_code == 200, moved.text
    accepted = next(events)
    response.close()
    assert [receipt["event"], accepted["event"]] == ["case", "case"]
    assert receipt["data"]["subject"]["id"] == accepted["data"]["subject"]["id"] == issue_id
    assert accepted["data"]["kind"] == "issue_moved.follower"


def test_each_stream_has_its_own_queue_and_it_is_gone_after_the_client_leaves(platform, person):
    first, _ = open_stream(platform, person)
    second, _ = open_stream(platform, person)
    assert len(live_queues(platform, person)) == 2
    first.close()
    wait_for(lambda: len(live_queues(platform, person)) == 1, 30, "the first stream's queue to go")
    second.close()
    wait_for(lambda: live_queues(platform, person) == [], 30, "the second stream's queue to go")


def test_an_event_id_the_stream_never_sent_is_refused(platform, person):
    response = requests.get(platform.url + "/api/v1/stream", timeout=30, headers={
        "Authorization": f"Bearer {person['token']}", "Last-Event-ID": "not-an-id", "Accept-Language": "en"})
    assert response.status_code == 422
    assert response.headers["Content-Type"] == "application/problem+json"
    assert "Last-Event-ID" in response.json()["errors"]
