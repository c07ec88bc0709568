"""Story 1, e-bike clutter, through the gateway on the five real processes.

Residents report e-bikes in a stairwell (one says "me too"); the rc accepts and assigns
it; a deliberation topic and a door-to-door survey follow; a joint meeting of rc, pm and
oc gives pm the clean-up and the volunteers a one-week patrol; the case resolves only
once those are done, and every reporter rates it. Each step reaches the inboxes of the
people it concerns.
"""
import base64

import pytest

from tests.e2e.platform import wait_for
from tests.e2e.test_slice import inbox, issue_ids, login, register, report


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
    items_url = f"/api/v1/communities/{cid}/joint-meetings/{meeting['id']}/action-items"
    cleanup = ok(platform.api("POST", items_url, token=sw, json={
        "issue_id": case["id"], "party": "pm", "title": "集中整治：清理楼道", "due_at": "2026-03-07T18:00:00+08:00"}), 201)
    patrol = ok(platform.api("POST", items_url, token=sw, json={
        "issue_id": case["id"], "party": "rc", "title": "巩固值守一周", "due_at": "2026-03-07T18:00:00+08:00",
        "kind": "patrol", "patrol": {"days": 7, "people_per_evening": 2}}), 201)
    wait_for(lambda: platform.api("GET", f"/api/v1/activities/action-item-{patrol['id']}",
                                  token=staff["volunteer"]).status_code == 200, 20, "the volunteers' patrol activity")

    refused = act(platform, sw, case, "resolve")
    assert refused.status_code == 409 and refused.headers["Content-Type"].startswith("application/problem+json")
    for item in (cleanup, patrol):
        ok(platform.api("POST", f"/api/v1/communities/{cid}/action-items/{item['id']}/done", token=staff["pm_staff"]))
    assert ok(act(platform, sw, case, "resolve", note="楼道已清空"))["status"] == "resolved"

    ok(platform.api("POST", f"/api/v1/issues/{case['id']}/rating", token=first, json={"score": 5}))
    ok(platform.api("POST", f"/api/v1/issues/{case['id']}/rating", token=second, json={"score": 4, "comment": "好多了"}))
    rates = ok(platform.api("GET", f"/api/v1/communities/{cid}/case-rates", token=sw, params={"by": "party"}))
    assert rates["total"]["satisfaction_rate"] == 1.0 and rates["total"]["resolution_rate"] > 0
    town = ok(platform.api("GET", f"/api/v1/towns/{community['town_id']}/case-rates", token=staff["town_admin"]))
    assert [row["community"] for row in town["groups"]] == [cid]
    told(platform, first, "issue_reported.receipt", case["id"], 1)
    for reporter in (first, second):  # accepted, assigned, started; the meeting; resolved
        told(platform, reporter, "issue_moved.follower", case["id"], 3)
        told(platform, reporter, "joint_meeting.invite", meeting["id"], 1)
        told(platform, reporter, "issue_resolved.follower", case["id"], 1)
    told(platform, staff["pm_staff"], "action_item.party", cleanup["id"], 1)


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
