"""Story 1, e-bike clutter, through the gateway on the five real processes.

Residents report e-bikes in a stairwell (one says "me too"); the rc accepts and assigns
it; a deliberation topic and a door-to-door survey follow; a joint meeting of rc, pm and
oc gives pm a task and the volunteers a one-week patrol; a clean-up day staffed by
volunteers runs (sign-up, check-in and out, hours credited); the patrol's rota is
worked evening by evening until the volunteers service completes it on its own, which
marks the action item done; only then does the case resolve, and every reporter rates
it. Each step reaches the inboxes of the people it concerns.
"""
import base64
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from tests.e2e.platform import wait_for
from tests.e2e.test_slice import inbox, issue_ids, login, register, report
from tests.e2e.test_volunteer_stories import volunteer

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def community(platform):
    [community] = [c for c in platform.api("GET", "/api/v1/communities").json()["items"] if c["name"] == "未来街区"]
    detail = platform.api("GET", f"/api/v1/communities/{community['id']}").json()
    return {"id": community["id"], "town_id": community["town"]["id"], "building": detail["buildings"][0],
            "unit": detail["units"][0]}


@pytest.fixture(scope="module")
def staff(platform, community):
    from gateway.seed import DEMO_PASSWORD, demo_login
    return {role: login(platform, demo_login(role), DEMO_PASSWORD)
            for role in ("social_worker", "pm_staff", "town_admin", "volunteer")}


def act(platform, token, issue, action, **body):
    return platform.api("POST", f"/api/v1/issues/{issue['id']}/actions/{action}", token=token, json=body)


def ok(response, status=200):
    assert response.status_code == status, response.text
    return response.json()


def test_the_ebike_story_runs_from_two_reports_to_their_ratings(platform, community, staff):
    sw, cid = staff["social_worker"], community["id"]
    first, second = register(platform, community), register(platform, community)
    case = ok(report(platform, first, community), 201)
    offered = ok(platform.api("GET", "/api/v1/issues/duplicates", token=second, params={
        "community_id": cid, "category": "non_motor_vehicles", "building_id": community["building"]["id"]}))
    assert case["id"] in [c["id"] for c in offered["items"]]
    followed = ok(platform.api("POST", f"/api/v1/issues/{case['id']}/followers", token=second))
    assert len(followed["follower_ids"]) == 2

    ok(act(platform, sw, case, "accept", note="已受理，居委会牵头"))
    assert ok(act(platform, sw, case, "assign", party="rc"))["handler_group"] == "rc-duty"
    ok(act(platform, sw, case, "start"))

    topic = ok(platform.api("POST", f"/api/v1/communities/{cid}/topics", token=sw, json={
        "title": "楼道电瓶车怎么停", "body": "请大家出主意", "issue_ids": [case["id"]]}), 201)
    assert topic["issue_ids"] == [case["id"]]
    survey = ok(platform.api("POST", f"/api/v1/communities/{cid}/surveys", token=sw, json={
        "title": "电瓶车停放需求", "questions": [{"key": "bikes", "kind": "number", "prompt": "家里几辆电瓶车？",
                                                  "required": True, "min": 0, "max": 10}]}), 201)
    ok(platform.api("POST", f"/api/v1/surveys/{survey['id']}/answers", token=first, json={"answers": {"bikes": 2}}),
       201)

    meeting = ok(platform.api("POST", "/api/v1/joint-meetings", token=sw, json={
        "community_id": cid, "title": "电瓶车整治联席会议", "starts_at": "2026-03-03T10:00:00+08:00",
        "place": "37°便民空间", "issue_ids": [case["id"]]}), 201)
    meeting_path = f"/api/v1/communities/{cid}/joint-meetings/{meeting['id']}"
    items_url = f"{meeting_path}/action-items"
    task = ok(platform.api("POST", items_url, token=sw, json={
        "issue_id": case["id"], "party": "pm", "title": "清理僵尸车，划出电瓶车停放区", "due_at": "2026-03-07T18:00:00+08:00"}), 201)
    patrol = ok(platform.api("POST", items_url, token=sw, json={
        "issue_id": case["id"], "party": "rc", "title": "巩固值守一周", "due_at": "2026-03-14T18:00:00+08:00",
        "kind": "patrol", "patrol": {"days": 7, "people_per_evening": 1}}), 201)
    crew = [volunteer(platform, community, sw, [], name) for name in ("党员甲", "党员乙")]

    cleanup_day(platform, community, sw, crew)
    refused = act(platform, sw, case, "resolve")
    assert refused.status_code == 409 and refused.headers["Content-Type"].startswith("application/problem+json")
    ok(platform.api("POST", f"/api/v1/communities/{cid}/action-items/{task['id']}/done", token=staff["pm_staff"]))
    assert act(platform, sw, case, "resolve").status_code == 409  # the patrol is still on
    patrol_week(platform, sw, crew, patrol)
    wait_for(lambda: [i["done_by"] for i in ok(platform.api("GET", meeting_path, token=sw))["action_items"]
                      if i["id"] == patrol["id"]] == [f"volunteers:action-item-{patrol['id']}"], 30,
             "the issues service to mark the patrol's action item done")
    assert ok(act(platform, sw, case, "resolve", note="楼道已清空，值守一周无回潮"))["status"] == "resolved"

    ok(platform.api("POST", f"/api/v1/issues/{case['id']}/rating", token=first, json={"score": 5}))
    ok(platform.api("POST", f"/api/v1/issues/{case['id']}/rating", token=second, json={"score": 4, "comment": "好多了"}))
    rates = ok(platform.api("GET", f"/api/v1/communities/{cid}/case-rates", token=sw, params={"by": "party"}))
    assert rates["total"]["satisfaction_rate"] == 1.0 and rates["total"]["resolution_rate"] > 0
    town = ok(platform.api("GET", f"/api/v1/towns/{community['town_id']}/case-rates", token=staff["town_admin"]))
    assert [row["community"] for row in town["groups"]] == [cid]
    told(platform, first, "issue_reported.receipt", case["id"], 1)
    for reporter in (first, second):  # accepted, assigned, started; the meeting; resolved: asked to rate
        told(platform, reporter, "issue_moved.follower", case["id"], 3)
        told(platform, reporter, "joint_meeting.invite", meeting["id"], 1)
        told(platform, reporter, "issue_resolved.follower", case["id"], 1)
    told(platform, staff["pm_staff"], "action_item.party", task["id"], 1)


def cleanup_day(platform, community, sw, crew):
    """Staff call a clean-up day (集中整治) for tomorrow morning; two volunteers sign up, come and are credited 3 hours."""
    day = (datetime.now(timezone.utc) + timedelta(days=1)).astimezone(SHANGHAI).date()
    activity = ok(platform.api("POST", f"/api/v1/communities/{community['id']}/activities", token=sw, json={
        "kind": "cleanup", "title": "集中整治：清理楼道电瓶车", "place": community["building"]["name"],
        "template": {"kind": "rota", "first_day": day.isoformat(), "start": "09:00", "end": "12:00",
                     "days": 1, "people": 2}}), 201)
    [shift] = activity["shifts"]
    for token, _ in crew:
        signup = ok(platform.api("POST", f"/api/v1/shifts/{shift['id']}/signups", token=token, json={}), 201)
        for step, at in (("check-in", shift["starts_at"]), ("check-out", shift["ends_at"])):
            ok(platform.api("POST", f"/api/v1/signups/{signup['id']}/{step}", token=token, json={"at": at}), 201)
    for token, me in crew:
        hours = ok(platform.api("GET", f"/api/v1/communities/{community['id']}/hours", token=token,
                                params={"volunteer_id": me}))
        assert hours["hours"] == 3.0
        told(platform, token, "shift_signed_up.volunteer", shift["id"], 1)
        told(platform, token, "shift_checked_out.volunteer", shift["id"], 1)
    told(platform, sw, "activity_completed.staff", activity["id"], 1)


def patrol_week(platform, sw, crew, patrol):
    """The volunteers' rota of the patrol: one of the crew walks each evening, checks in and out with a note."""
    path = f"/api/v1/activities/action-item-{patrol['id']}"
    wait_for(lambda: platform.api("GET", path, token=sw).status_code == 200, 30, "the volunteers' patrol activity")
    rota = ok(platform.api("GET", path, token=sw))
    assert [s["needs"] for s in rota["shifts"]] == [{"general": 1}] * 7
    for n, shift in enumerate(rota["shifts"]):
        token, _ = crew[n % 2]
        signup = ok(platform.api("POST", f"/api/v1/shifts/{shift['id']}/signups", token=token, json={}), 201)
        for step, body in (("check-in", {"at": shift["starts_at"]}),
                           ("check-out", {"at": shift["ends_at"], "note": "楼道通畅"})):
            ok(platform.api("POST", f"/api/v1/signups/{signup['id']}/{step}", token=token, json=body), 201)
    told(platform, sw, "activity_completed.staff", rota["id"], 1)


def told(platform, token, kind, subject_id, times):
    """Wait until `token`'s inbox has `times` items of `kind` about `subject_id`."""
    wait_for(lambda: issue_ids(inbox(platform, token), kind)[subject_id] == times, 20, f"{times} × {kind}")


PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))


def test_an_illegal_move_is_a_409_problem_and_a_resident_may_not_move_a_case(platform, community, staff):
    resident = register(platform, community)
    case = ok(platform.api("POST", "/api/v1/issues", token=resident, json={
        "community_id": community["id"], "category": "non_motor_vehicles", "title": "又有电瓶车堵楼道",
        "description": "见照片", "location": {"building_id": community["building"]["id"]},
        "photos": [{"content_type": "image/png", "data": base64.b64encode(PNG).decode()}]}), 201)
    photo = platform.api("GET", f"/api/v1/issues/{case['id']}/photos/0", token=resident)
    assert photo.status_code == 200 and photo.content == PNG and photo.headers["Content-Type"] == "image/png"
    assert platform.api("GET", f"/api/v1/issues/{case['id']}/photos/0",
                        token=register(platform, community)).status_code == 403
    assert act(platform, resident, case, "accept").status_code == 403
    closed = act(platform, staff["social_worker"], case, "close")
    assert closed.status_code == 409 and closed.json()["status"] == 409
    after = ok(platform.api("GET", f"/api/v1/issues/{case['id']}", token=resident))
    assert after["status"] == "submitted" and len(after["timeline"]) == 1
