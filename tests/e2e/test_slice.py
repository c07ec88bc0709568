"""A resident's report flows from the HTTP API through every process, and survives crashes."""
import json
import signal
import subprocess
import sys
import uuid
from collections import Counter

import pika
import pytest

from tests.e2e.platform import ROOT, wait_for

PASSWORD = "Linli-e2e-2024!"


@pytest.fixture(scope="module")
def community(platform):
    """The seeded community, one of its units, and a logged-in social worker."""
    [community] = [c for c in platform.api("GET", "/api/v1/communities").json()["items"]
                   if c["name"] == "未来街区"]
    detail = platform.api("GET", f"/api/v1/communities/{community['id']}").json()
    return {"id": community["id"], "building": detail["buildings"][0], "unit": detail["units"][0]}


def register(platform, community, locale="zh-CN"):
    phone = "139" + str(uuid.uuid4().int)[:8]
    response = platform.api("POST", "/api/v1/auth/register", json={
        "display_name": "居民" + phone[-4:], "phone": phone, "password": PASSWORD, "locale": locale,
        "community_id": community["id"], "unit_id": community["unit"]["id"]})
    assert response.status_code == 201, response.text
    return login(platform, phone, PASSWORD)


def login(platform, name, password):
    response = platform.api("POST", "/api/v1/auth/login", json={"login": name, "password": password})
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


@pytest.fixture(scope="module")
def social_worker(platform, community):
    from gateway.seed import DEMO_PASSWORD, demo_login
    return login(platform, demo_login("social_worker"), DEMO_PASSWORD)


def report(platform, token, community, title="楼道里停满电瓶车", **headers):
    return platform.api("POST", "/api/v1/issues", token=token, headers=headers, json={
        "community_id": community["id"], "category": "non_motor_vehicles", "title": title,
        "description": "3号楼楼道被电瓶车堵住了", "location": {"building_id": community["building"]["id"],
                                                        "unit_id": community["unit"]["id"]}})


def inbox(platform, token):
    items, cursor = [], None
    while True:
        params = {"limit": 100, **({"before": cursor} if cursor else {})}
        page = platform.api("GET", "/api/v1/me/notifications", token=token, params=params).json()
        items += page["items"]
        if not (cursor := page.get("next")):
            return items


def issue_ids(items, kind):
    return Counter(item["subject"]["id"] for item in items if item["kind"] == kind)


def test_a_report_reaches_the_social_workers_inbox_and_the_reporter_gets_a_receipt(platform, community, social_worker):
    resident = register(platform, community)
    response = report(platform, resident, community)
    assert response.status_code == 201, response.text
    issue = response.json()
    assert issue["status"] == "submitted"
    assert response.headers["Location"].endswith(issue["id"])
    wait_for(lambda: issue_ids(inbox(platform, resident), "issue_reported.receipt")[issue["id"]] == 1, 20, "receipt")
    wait_for(lambda: issue_ids(inbox(platform, social_worker), "issue_reported.staff")[issue["id"]] == 1, 20, "staff item")
    assert platform.api("GET", f"/api/v1/issues/{issue['id']}", token=resident).json()["id"] == issue["id"]


def test_a_bad_body_gets_a_422_problem_naming_the_field_and_stores_nothing(platform, community):
    resident = register(platform, community)
    before = platform.db("issues").issues.count_documents({})
    response = platform.api("POST", "/api/v1/issues", token=resident, json={
        "community_id": community["id"], "category": "aliens", "title": "x",
        "location": {"building_id": community["building"]["id"]}})
    assert response.status_code == 422
    assert response.headers["Content-Type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["status"] == 422
    assert "category" in json.dumps(problem["errors"])
    assert platform.db("issues").issues.count_documents({}) == before


def test_one_request_id_appears_in_the_logs_of_every_process_it_touches(platform, community):
    resident = register(platform, community)
    request_id = f"e2e-{uuid.uuid4().hex}"
    response = report(platform, resident, community, **{"X-Request-Id": request_id})
    assert response.headers["X-Request-Id"] == request_id
    for name in ("gateway", "issues", "notifications"):
        wait_for(lambda: any(json.loads(line).get("request_id") == request_id
                             for line in platform.log(name).splitlines() if line.startswith("{")),
                 20, f"{request_id} in the {name} log")


def test_killing_notifications_with_events_in_flight_loses_and_doubles_nothing(platform, community, social_worker):
    resident = register(platform, community)
    sent = [report(platform, resident, community, title=f"报事 {n}").json()["id"] for n in range(8)]
    platform.kill("notifications")
    sent += [report(platform, resident, community, title=f"报事 {n}").json()["id"] for n in range(8, 16)]
    platform.start("notifications")
    wait_for(lambda: sum(issue_ids(inbox(platform, resident), "issue_reported.receipt").values()) >= 16, 60,
             "every receipt")
    receipts = issue_ids(inbox(platform, resident), "issue_reported.receipt")
    assert receipts == Counter({issue_id: 1 for issue_id in sent})
    staff = issue_ids(inbox(platform, social_worker), "issue_reported.staff")
    assert all(staff[issue_id] == 1 for issue_id in sent)


def test_a_crash_between_the_write_and_the_publish_still_yields_the_event_once(platform, community):
    resident = register(platform, community)
    platform.kill("issues")
    platform.start("issues", LINLI_FAILPOINTS="crash_after_store")
    title = f"崩溃前写入 {uuid.uuid4().hex[:6]}"
    response = report(platform, resident, community, title=title)
    assert response.status_code in (502, 503, 504)  # never a false success
    wait_for(lambda: platform.processes["issues"].poll() is not None, 20, "the crash")
    platform.processes.pop("issues")
    [stored] = list(platform.db("issues").issues.find({"title": title}))
    assert platform.db("issues").outbox_pending.count_documents({}) >= 1
    platform.start("issues")
    issue_id = str(stored["_id"])
    wait_for(lambda: issue_ids(inbox(platform, resident), "issue_reported.receipt")[issue_id] == 1, 30, "receipt")
    assert platform.db("issues").issues.count_documents({"title": title}) == 1
    assert issue_ids(inbox(platform, resident), "issue_reported.receipt")[issue_id] == 1


def dead_letters(platform, *args):
    result = subprocess.run([sys.executable, "-m", "services.common.deadletters", *args], cwd=ROOT,
                            env=platform.env("deadletters"), capture_output=True, text=True, check=True)
    return result.stdout


def test_a_poison_event_is_dead_lettered_and_replays_once_the_fault_is_gone(platform, community):
    resident = register(platform, community)
    platform.kill("notifications")
    platform.start("notifications", LINLI_FAILPOINTS="notify_issue_reported")
    issue_id = report(platform, resident, community).json()["id"]
    wait_for(lambda: issue_id in dead_letters(platform, "list"), 30, "the dead letter")
    assert issue_ids(inbox(platform, resident), "issue_reported.receipt")[issue_id] == 0
    platform.kill("notifications")
    platform.start("notifications")
    # the outbox publishes at least once, so the same event may lie there twice: one id
    letters = {letter["event_id"]: letter for letter in map(json.loads, dead_letters(platform, "list").splitlines())
               if letter["subject"] == issue_id}
    [letter] = letters.values()
    assert "notify_issue_reported" in letter["error"]
    assert "replayed 1" in dead_letters(platform, "replay", letter["event_id"])
    wait_for(lambda: issue_ids(inbox(platform, resident), "issue_reported.receipt")[issue_id] == 1, 30, "receipt")
    assert issue_id not in dead_letters(platform, "list")


def test_a_malformed_event_lands_in_the_dead_letter_queue(platform):
    connection = pika.BlockingConnection(pika.URLParameters(platform.broker.uri))
    channel = connection.channel()
    event_id = str(uuid.uuid4())
    channel.basic_publish("issues.events", "issue_reported", json.dumps({"id": event_id, "data": {}}),
                          pika.BasicProperties(content_type="application/json", delivery_mode=2))
    connection.close()
    wait_for(lambda: event_id in dead_letters(platform, "list"), 30, "the dead letter")


def test_the_services_stop_cleanly_on_sigterm(platform):
    platform.kill("bookings", signal.SIGTERM)
    platform.start("bookings")
    platform.assert_alive("bookings")


def test_the_gateway_is_ready_when_every_service_answers(platform):
    response = platform.api("GET", "/readyz")
    assert response.status_code == 200, response.text
    assert set(response.json()["checks"]) >= {"store", "broker", "issues", "bookings", "volunteers", "notifications"}


def test_an_unknown_issue_is_a_404_problem_though_the_service_raises_its_own_subclass(platform, community):
    resident = register(platform, community)
    response = platform.api("GET", "/api/v1/issues/000000000000000000000000", token=resident)
    assert response.status_code == 404, response.text
    assert response.headers["Content-Type"].startswith("application/problem+json")
