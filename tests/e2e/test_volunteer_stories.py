"""Stories 4 (Tuesday services) and the patrol of story 1, through the gateway on the five real processes."""
import json
import uuid
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pika
import pytest

from tests.e2e.platform import wait_for
from tests.e2e.test_slice import inbox, login, register

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def community(platform):
    [community] = [c for c in platform.api("GET", "/api/v1/communities").json()["items"] if c["name"] == "未来街区"]
    detail = platform.api("GET", f"/api/v1/communities/{community['id']}").json()
    return {"id": community["id"], "building": detail["buildings"][0], "unit": detail["units"][0]}


@pytest.fixture(scope="module")
def staff(platform, community):
    from gateway.seed import DEMO_PASSWORD, demo_login
    return login(platform, demo_login("social_worker"), DEMO_PASSWORD)


@pytest.fixture(scope="module")
def tap(platform):
    """A queue on volunteers.events in the platform's vhost: the events as any consumer sees them."""
    connection = pika.BlockingConnection(pika.URLParameters(platform.broker.uri))
    channel = connection.channel()
    channel.exchange_declare("volunteers.events", "topic", durable=True)
    queue = channel.queue_declare("", exclusive=True).method.queue
    channel.queue_bind(queue, "volunteers.events", "#")
    seen = {}

    def events(event_type):
        while True:
            method, _, body = channel.basic_get(queue, auto_ack=True)
            if method is None:
                break
            event = json.loads(body)
            seen[event["id"]] = event
        return [e for e in seen.values() if e["type"] == event_type]
    yield events
    connection.close()


def account_id(platform, token):
    return platform.api("GET", "/api/v1/me", token=token).json()["account"]["id"]


def volunteer(platform, community, staff, skills, name):
    """A resident who registers as a volunteer; staff verify the skills."""
    token = register(platform, community)
    me = account_id(platform, token)
    answer = platform.api("POST", f"/api/v1/communities/{community['id']}/volunteers", token=token,
                          json={"display_name": name, "skills": skills, "party_member": True})
    assert answer.status_code == 201, answer.text
    for skill in skills:
        verified = platform.api("POST", f"/api/v1/communities/{community['id']}/volunteers/{me}/skills/{skill}"
                                "/verification", token=staff)
        assert verified.status_code == 200, verified.text
    return token, me


def test_tuesday_services_open_slots_remind_and_credit_hours(platform, community, staff, tap):
    cid = community["id"]
    haircut = platform.api("POST", f"/api/v1/communities/{cid}/resources", token=staff, json={
        "key": f"haircut-{uuid.uuid4().hex[:6]}", "kind": "service", "name": "义务理发", "skill": "hairdressing"})
    assert haircut.status_code == 201, haircut.text
    team = {skill: volunteer(platform, community, staff, [skill], name) for skill, name in
            (("hairdressing", "理发师傅"), ("legal_advice", "律师"), ("nursing", "护士"))}
    start = (datetime.now(timezone.utc) + timedelta(hours=2)).astimezone(SHANGHAI)
    end = start + timedelta(hours=2, minutes=30)
    created = platform.api("POST", f"/api/v1/communities/{cid}/activities", token=staff, json={
        "kind": "tuesday_services", "title": "相约星期二", "place": "37°便民空间", "template": {
            "kind": "weekly", "weekday": start.isoweekday(), "start": start.strftime("%H:%M"),
            "end": end.strftime("%H:%M"), "first_day": start.date().isoformat(), "weeks": 1,
            "needs": {"hairdressing": 1, "legal_advice": 1, "nursing": 1}}})
    assert created.status_code == 201, created.text
    shift = created.json()["shifts"][0]
    gaps = platform.api("GET", f"/api/v1/communities/{cid}/shift-gaps", token=staff).json()["items"]
    assert [g["missing"] for g in gaps if g["id"] == shift["id"]] == [
        {"hairdressing": 1, "legal_advice": 1, "nursing": 1}]

    signups = {}
    for skill, (token, _) in team.items():
        answer = platform.api("POST", f"/api/v1/shifts/{shift['id']}/signups", token=token, json={"skill": skill})
        assert answer.status_code == 201, answer.text
        signups[skill] = answer.json()["id"]
    unverified, _ = volunteer(platform, community, staff, [], "新志愿者")
    refused = platform.api("POST", f"/api/v1/shifts/{shift['id']}/signups", token=unverified, json={"skill": "nursing"})
    assert refused.status_code == 409, refused.text

    hairdresser = team["hairdressing"][1]
    resource = f"/api/v1/communities/{cid}/resources/{haircut.json()['id']}"
    wait_for(lambda: [w["volunteer_id"] for w in platform.api("GET", resource, token=staff).json().get("windows", [])]
             == [hairdresser], 30, "the haircut slots to open for the hairdresser's shift")

    wait_for(lambda: len(tap("shift_reminder_due")) == 3, 45, "the day-before reminders")
    assert {e["data"]["reminder"] for e in tap("shift_reminder_due")} == {"day_before"}
    nurse_token = team["nursing"][0]
    wait_for(lambda: any(item["kind"] == "shift_reminder.volunteer" and (item["subject"] or {}).get("id") == shift["id"]
                         for item in inbox(platform, nurse_token)), 30, "the reminder in the nurse's inbox")

    for signup_id in signups.values():
        for step, at in (("check-in", shift["starts_at"]), ("check-out", shift["ends_at"])):
            done = platform.api("POST", f"/api/v1/signups/{signup_id}/{step}", token=staff, json={"at": at})
            assert done.status_code == 201, done.text
    coming = platform.api("GET", f"/api/v1/communities/{cid}/volunteers/{hairdresser}/signups",
                          token=team["hairdressing"][0]).json()["items"]
    assert [s["shift_id"] for s in coming] == [shift["id"]]
    hours = platform.api("GET", f"/api/v1/communities/{cid}/hours", token=staff).json()
    assert (hours["hours"], hours["shifts"]) == (7.5, 3)
    mine = platform.api("GET", f"/api/v1/communities/{cid}/hours", token=team["nursing"][0],
                        params={"volunteer_id": team["nursing"][1]}).json()
    assert mine["hours"] == 2.5
    certificate = platform.api("GET", f"/api/v1/communities/{cid}/volunteers/{team['nursing'][1]}/certificate",
                               token=team["nursing"][0], params={"year": start.year})
    assert certificate.headers["Content-Type"] == "application/pdf"
    assert certificate.content.startswith(b"%PDF")


def test_a_patrol_agreed_at_a_joint_meeting_runs_its_rota_and_marks_the_action_item_done(platform, community,
                                                                                          staff, tap):
    cid = community["id"]
    resident = register(platform, community)
    reported = platform.api("POST", "/api/v1/issues", token=resident, json={
        "community_id": cid, "category": "non_motor_vehicles", "title": "楼道里停满电瓶车",
        "description": "3号楼楼道被电瓶车堵住了", "location": {"building_id": community["building"]["id"],
                                                        "unit_id": community["unit"]["id"]}})
    assert reported.status_code == 201, reported.text
    cleanup_day = datetime.now(timezone.utc) + timedelta(days=1)
    meeting = platform.api("POST", "/api/v1/joint-meetings", token=staff, json={
        "community_id": cid, "title": "电瓶车整治联席会议", "starts_at": datetime.now(timezone.utc).isoformat(),
        "issue_ids": [reported.json()["id"]]})
    assert meeting.status_code == 201, meeting.text
    meeting_path = f"/api/v1/communities/{cid}/joint-meetings/{meeting.json()['id']}"
    assigned = platform.api("POST", f"{meeting_path}/action-items", token=staff, json={
        "issue_id": reported.json()["id"], "party": "rc", "title": "集中整治后巩固值守",
        "due_at": cleanup_day.isoformat(), "kind": "patrol", "patrol": {"days": 2, "people_per_evening": 2}})
    assert assigned.status_code == 201, assigned.text
    item = assigned.json()["id"]
    path = f"/api/v1/activities/action-item-{item}"
    wait_for(lambda: platform.api("GET", path, token=staff).status_code == 200, 30, "the patrol activity")
    rota = platform.api("GET", path, token=staff).json()
    assert [s["needs"] for s in rota["shifts"]] == [{"general": 2}, {"general": 2}]

    patrol = [volunteer(platform, community, staff, [], name) for name in ("党员甲", "党员乙")]
    for shift in rota["shifts"]:
        for token, _ in patrol:
            signup = platform.api("POST", f"/api/v1/shifts/{shift['id']}/signups", token=token, json={})
            assert signup.status_code == 201, signup.text
            for step, body in (("check-in", {"at": shift["starts_at"]}),
                               ("check-out", {"at": shift["ends_at"], "note": "3号楼门口仍停2辆电瓶车",
                                              "photos": ["https://img.example.org/stair3.jpg"]})):
                done = platform.api("POST", f"/api/v1/signups/{signup.json()['id']}/{step}", token=token, json=body)
                assert done.status_code == 201, done.text
    source = {"type": "action_item", "id": item}
    wait_for(lambda: [e["data"]["source"] for e in tap("activity_completed")].count(source) == 1, 30,
             "activity_completed for the action item")
    wait_for(lambda: [i["done_at"] for i in platform.api("GET", meeting_path, token=staff).json()["action_items"]
                      if i["id"] == item] != [None], 30, "the issues service to mark the action item done")
