"""A service down: the others' endpoints keep answering, and the dead one's answer a quick 503.

Real processes: the notifications or the issues service is killed, then started again.
"""
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import pytest

from gateway import demo

RPC_TIMEOUT = 3
PLATFORM_ENV = {"LINLI_RPC_TIMEOUT": str(RPC_TIMEOUT)}
LOCAL = timezone(timedelta(hours=8))
PROBLEM = "application/problem+json"


def login(platform, name):
    response = platform.api("POST", "/api/v1/auth/login", json={"login": name, "password": demo.PASSWORD})
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


def at(days, hour):
    return (datetime.now(LOCAL).replace(hour=hour, minute=0, second=0, microsecond=0)
            + timedelta(days=days)).isoformat()


@pytest.fixture(scope="module")
def estate(platform):
    """The demo community, its resident and social worker, and a room to book."""
    [community] = [c for c in platform.api("GET", "/api/v1/communities").json()["items"] if c["name"] == "未来街区"]
    detail = platform.api("GET", f"/api/v1/communities/{community['id']}").json()
    staff, resident = login(platform, demo.login_name("social_worker")), login(platform, demo.login_name("resident"))
    room = platform.api("POST", f"/api/v1/communities/{community['id']}/resources", token=staff, json={
        "key": f"outage-{uuid.uuid4().hex[:6]}", "kind": "room", "name": "活动室", "rules": {
            "hours": {d: ["08:00-21:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}}})
    assert room.status_code == 201, room.text
    building = detail["buildings"][0]
    unit = next(u for u in detail["units"] if u["building_id"] == building["id"])
    return {"id": community["id"], "resident": resident, "staff": staff, "room": room.json()["id"],
            "place": {"building_id": building["id"], "unit_id": unit["id"]}}


def report(platform, estate):
    return platform.api("POST", "/api/v1/issues", token=estate["resident"], json={
        "community_id": estate["id"], "category": "noise", "title": "夜间噪音", "description": "楼上装修",
        "location": estate["place"]})


def book(platform, estate, days):
    return platform.api("POST", "/api/v1/bookings", token=estate["resident"], json={
        "community_id": estate["id"], "resource_id": estate["room"], "starts_at": at(days, 10),
        "ends_at": at(days, 11)})


def test_with_notifications_stopped_reports_and_bookings_still_answer(platform, estate):
    platform.kill("notifications")
    try:
        reported = report(platform, estate)
        assert reported.status_code == 201, reported.text
        assert platform.api("GET", f"/api/v1/issues/{reported.json()['id']}",
                            token=estate["resident"]).status_code == 200
        booked = book(platform, estate, 2)
        assert booked.status_code == 201, booked.text
        assert platform.api("GET", f"/api/v1/bookings/{booked.json()['id']}",
                            token=estate["resident"]).status_code == 200
        inbox = platform.api("GET", "/api/v1/me/notifications", token=estate["resident"])
        assert inbox.status_code == 503 and inbox.headers["Content-Type"].startswith(PROBLEM)
    finally:
        platform.start("notifications")


def timed(call):
    started = time.monotonic()
    response = call()
    return response, time.monotonic() - started


def test_with_issues_stopped_its_endpoints_answer_503_within_the_timeout_and_others_keep_working(
        platform, estate):
    reported = report(platform, estate)
    assert reported.status_code == 201, reported.text
    platform.kill("issues")
    try:
        with ThreadPoolExecutor(4) as pool:
            waiting = [pool.submit(timed, lambda: platform.api(
                "GET", f"/api/v1/issues/{reported.json()['id']}", token=estate["resident"])) for _ in range(3)]
            booked = book(platform, estate, 3)  # answered while three workers wait on the dead service
            still_waiting = sum(not future.done() for future in waiting)
            answers = [future.result() for future in waiting]
        assert booked.status_code == 201, booked.text
        assert still_waiting > 0, "the booking should have been answered while the issues calls waited"
        for response, seconds in answers + [timed(lambda: report(platform, estate))]:
            assert response.status_code == 503 and response.headers["Content-Type"].startswith(PROBLEM)
            assert response.json()["status"] == 503 and "issues" in response.json()["detail"]
            assert seconds <= RPC_TIMEOUT + 2
    finally:
        platform.start("issues")
    assert platform.api("GET", f"/api/v1/issues/{reported.json()['id']}",
                        token=estate["resident"]).status_code == 200
