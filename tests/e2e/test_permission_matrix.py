"""The permission matrix: every operation of the committed docs/openapi.json, called by each kind
of caller on the five real processes, answers as its declared `x-linli-access` says.

Allowed means any answer but 401/403; denied means a 401/403 problem. The resources the
operations name (a report, a booking, a vote...) belong to the demo resident, so `own` means them.
"""
import json
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import pytest
import requests

from gateway import demo
from gateway.access import EXTENSION
from tests.e2e.platform import ROOT, wait_for

DOCUMENT = json.loads((ROOT / "docs" / "openapi.json").read_text(encoding="utf-8"))
METHODS = ("get", "post", "put", "patch", "delete")
OPERATIONS = {f"{m.upper()} {path}": op for path, ops in DOCUMENT["paths"].items()
              for m, op in ops.items() if m in METHODS}
LOCAL = timezone(timedelta(hours=8))
# Each caller's roles in community A (staff_b holds roles only in community B of the same town).
CALLERS = {"anonymous": (), "resident": ("resident",), "owner": ("resident", "owner"),
           "social_worker": ("social_worker",), "community_admin": ("community_admin", "social_worker"),
           "pm_staff": ("pm_staff",), "oc_member": ("resident", "owner", "oc_member"),
           "staff_b": (), "town_admin": ("town_admin",), "shop": ("shop",), "kiosk": ()}  # kiosk: a device token
PLATFORM_ENV = {"LINLI_STREAM_HEARTBEAT": "1"}  # a stream the matrix leaves is closed within a second
OWN = "resident"  # the person every `own` resource of the world belongs to


def expected_allowed(access, caller, method):
    """What the declaration promises this caller: True allowed, False denied."""
    who = set(access["who"])
    if "anyone" in who:
        return True
    if "kiosk_device" in who or caller == "kiosk":  # a device token opens only the kiosk's calls
        return caller == "kiosk" and "kiosk_device" in who
    if caller == "anonymous":
        return False
    if "logged_in" in who or (access.get("own") and caller == OWN):
        return True
    held = set(CALLERS[caller]) - ({"town_admin"} if method != "GET" else set())
    return bool(held) and ("member" in who or bool(held & who))


def authorization(token, caller):
    """The caller's credentials: a device token for the kiosk, else a person's bearer token."""
    return {"Authorization": f"{'Device' if caller == 'kiosk' else 'Bearer'} {token}"} if token else {}


def at(days, hour):
    return (datetime.now(LOCAL).replace(hour=hour, minute=0, second=0, microsecond=0)
            + timedelta(days=days)).isoformat()


def test_every_operation_declares_who_may_call_it():
    missing = [key for key, op in OPERATIONS.items() if EXTENSION not in op]
    assert not missing, "\n".join(f"operation {key} declares no access; add it to ACCESS in gateway/access.py, "
                                  f"then run `python -m gateway.openapi`" for key in missing)


class World:
    """Logged-in callers and one of each resource, made through the API as their owners would."""

    def __init__(self, platform):
        self.platform = platform
        [community] = [c for c in self.call("GET", "/api/v1/communities").json()["items"] if c["name"] == "未来街区"]
        self.community = self.call("GET", f"/api/v1/communities/{community['id']}").json()
        self.cid = self.community["id"]
        other = json.loads(platform.run("-m", "tests.e2e.other_community").stdout.strip().splitlines()[-1])
        self.logins = {role: demo.login_name(role) for role in CALLERS if role not in ("anonymous", "staff_b", "kiosk")}
        self.logins["staff_b"], self.other_community = other["login"], other["community_id"]
        self.tokens = {caller: self.login(name)["access_token"] for caller, name in self.logins.items()}
        self.tokens["anonymous"] = None
        self.ids = {caller: self.call("GET", "/api/v1/me", caller).json()["account"]["id"]
                    for caller in self.logins}
        self.params = {"community_id": self.cid, "town_id": self.community["town"]["id"]}
        self.make_resources()

    def call(self, method, path, caller=None, **kwargs):
        headers = authorization(self.tokens.get(caller) if caller else None, caller)
        return requests.request(method, self.platform.url + path, headers=headers, timeout=30, **kwargs)

    def made(self, method, path, caller, **kwargs):
        response = self.call(method, path, caller, **kwargs)
        assert response.status_code in (200, 201, 202), f"{method} {path}: {response.status_code} {response.text}"
        return response.json()

    def login(self, name):
        response = self.call("POST", "/api/v1/auth/login", json={"login": name, "password": demo.PASSWORD})
        assert response.status_code == 200, response.text
        return response.json()

    def make_resources(self):
        cid, building = self.cid, self.community["buildings"][0]
        unit = next(u for u in self.community["units"] if u["building_id"] == building["id"])
        issue = self.made("POST", "/api/v1/issues", "resident", json={
            "community_id": cid, "category": "parking", "title": "矩阵测试", "description": "占用消防通道",
            "location": {"building_id": building["id"], "unit_id": unit["id"]}})
        room = self.made("POST", f"/api/v1/communities/{cid}/resources", "social_worker", json={
            "key": f"matrix-{uuid.uuid4().hex[:6]}", "kind": "room", "name": "矩阵室", "rules": {
                "hours": {d: ["08:00-21:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}}})
        self.booking_body = {"community_id": cid, "resource_id": room["id"], "starts_at": at(3, 10),
                             "ends_at": at(3, 11)}
        booking = self.made("POST", "/api/v1/bookings", "resident", json=self.booking_body)
        coupon = self.made("POST", f"/api/v1/communities/{cid}/coupons", "shop", json={
            "shop_name": "何记", "title": "矩阵券", "quota": 100, "per_resident": 20,
            "valid_from": at(-1, 8), "valid_until": at(7, 8)})
        vote = self.made("POST", f"/api/v1/communities/{cid}/votes", "oc_member", json={
            "question": "矩阵表决", "matter": "ordinary", "opens_at": datetime.now(LOCAL).isoformat(),
            "closes_at": at(10, 8)})
        survey = self.made("POST", f"/api/v1/communities/{cid}/surveys", "social_worker", json={
            "title": "矩阵问卷", "per": "person", "questions": [
                {"key": "n", "kind": "number", "prompt": "几辆？", "required": True, "min": 0, "max": 10}]})
        topic = self.made("POST", f"/api/v1/communities/{cid}/topics", "social_worker", json={"title": "矩阵议题"})
        meeting = self.made("POST", "/api/v1/joint-meetings", "social_worker", json={
            "community_id": cid, "title": "矩阵联席会", "starts_at": at(2, 10), "issue_ids": [issue["id"]]})
        item = self.made("POST", f"/api/v1/communities/{cid}/joint-meetings/{meeting['id']}/action-items",
                         "social_worker", json={"issue_id": issue["id"], "party": "pm", "title": "清理",
                                                "due_at": at(5, 18)})
        announcement = self.made("POST", f"/api/v1/communities/{cid}/announcements", "social_worker", json={
            "title": "矩阵通知", "body": "测试", "audience": {"account_ids": [self.ids["resident"]]}})
        self.made("POST", f"/api/v1/communities/{cid}/volunteers", "resident", json={})
        activity = self.made("POST", f"/api/v1/communities/{cid}/activities", "social_worker", json={
            "kind": "patrol", "title": "矩阵巡逻", "place": "小区", "lead_id": self.ids["resident"], "template": {
                "kind": "weekly", "weekday": (datetime.now(LOCAL) + timedelta(days=3)).isoweekday(),
                "start": "19:00", "end": "20:00", "first_day": datetime.now(LOCAL).date().isoformat(),
                "weeks": 2, "needs": {"general": 10}}})
        shift = activity["shifts"][0]
        signup = self.made("POST", f"/api/v1/shifts/{shift['id']}/signups", "resident", json={"skill": "general"})
        key = self.made("POST", f"/api/v1/communities/{cid}/open311-keys", "community_admin", json={
            "name": "矩阵", "account_id": self.ids["resident"]})
        calendar = self.made("GET", "/api/v1/me/calendar", "resident")["url"]
        devices = [self.made("POST", f"/api/v1/communities/{cid}/kiosk-devices", "community_admin",
                             json={"name": f"矩阵{n}"}) for n in (1, 2)]  # the second one is revoked
        self.tokens["kiosk"] = devices[0]["token"]
        templates = self.made("GET", f"/api/v1/communities/{cid}/templates", "social_worker")["items"]
        target = self.register_someone()
        claimed = self.made("POST", f"/api/v1/communities/{cid}/coupons/{coupon['id']}/claim", "resident")
        self.coupon_code, self.check_in_code = claimed["code"], booking["check_in_code"]
        wait_for(lambda: self.call("GET", "/api/v1/me/notifications", "resident").json().get("items"), 60,
                 "the resident's first notice")
        inbox = self.call("GET", "/api/v1/me/notifications", "resident").json()["items"][0]
        self.params.update({
            "issue_id": issue["id"], "booking_id": booking["id"], "coupon_id": coupon["id"], "vote_id": vote["id"],
            "survey_id": survey["id"], "topic_id": topic["id"], "meeting_id": meeting["id"], "item_id": item["id"],
            "announcement_id": announcement["id"], "activity_id": activity["id"], "shift_id": shift["id"],
            "signup_id": signup["id"], "key_id": key["id"], "device_id": devices[1]["id"], "resource_id": room["id"], "n": "1",
            "token": calendar.rsplit("/", 1)[1][:-len(".ics")], "kind": templates[0]["kind"],
            "locale": templates[0]["locale"], "account_id": self.ids["resident"], "skill": "first_aid",
            "action": "accept", "unit_id": unit["id"], "building_id": building["id"], "target": target})
        self.params["inbox_item"] = inbox["id"]
        self.bodies = bodies(self)

    def register_someone(self):
        phone = "139" + str(uuid.uuid4().int)[:8]
        response = self.call("POST", "/api/v1/auth/register", json={
            "display_name": "矩阵", "phone": phone, "password": demo.PASSWORD, "community_id": self.cid})
        assert response.status_code == 201, response.text
        return {"id": response.json()["account"]["id"], "phone": phone}


def bodies(world):
    """A valid request for each operation that needs a body or a query, by operation key."""
    p, cid, v, c = world.params, world.cid, "/api/v1", "/api/v1/communities/{community_id}"
    return {
        f"POST {v}/auth/register": {"json": {"display_name": "矩阵", "phone": "139" + str(uuid.uuid4().int)[:8],
                                              "password": demo.PASSWORD, "community_id": cid}},
        f"POST {v}/auth/login": {"json": {"login": p["target"]["phone"], "password": demo.PASSWORD}},
        f"POST {v}/announcements/{{announcement_id}}/resend": {"json": {"channel": "email"}},
        f"POST {v}/bookings": {"json": world.booking_body},
        f"POST {v}/bookings/series": {"json": {**world.booking_body, "count": 2, "every_days": 7}},
        f"POST {v}/waitlist": {"json": world.booking_body},
        f"POST {c}/activities": {"json": {"kind": "event", "title": "矩阵活动", "place": "会所", "template": {
            "kind": "weekly", "weekday": 3, "start": "09:00", "end": "10:00",
            "first_day": datetime.now(LOCAL).date().isoformat(), "weeks": 1, "needs": {"general": 1}}}},
        f"POST {c}/announcements": {"json": {"title": "矩阵", "body": "测试",
                                             "audience": {"account_ids": [world.ids["resident"]]}}},
        f"PUT {c}/case-limits": {"json": {"category": "noise", "respond_hours": 24, "resolve_working_days": 5}},
        f"PUT {c}/case-routing": {"json": {"category": "noise", "grid_id": "*", "party": "rc",
                                           "handler_group": "矩阵组"}},
        f"POST {c}/coupons": {"json": {"shop_name": "何记", "title": "矩阵券", "quota": 5,
                                       "valid_from": at(-1, 8), "valid_until": at(7, 8)}},
        f"POST {c}/joint-meetings/{{meeting_id}}/action-items": {"json": {
            "issue_id": p["issue_id"], "party": "rc", "title": "巡查", "due_at": at(5, 18)}},
        f"PUT {c}/joint-meetings/{{meeting_id}}/minutes": {"json": {"minutes": "议定清理"}},
        f"PUT {c}/members/{{account_id}}/roles": {"json": {"roles": ["resident"]}},
        f"POST {c}/open311-keys": {"json": {"name": "矩阵", "account_id": world.ids["resident"]}},
        f"GET {c}/recognition": {"params": {"year": datetime.now(LOCAL).year}},
        f"GET {c}/volunteers/{{account_id}}/certificate": {"params": {"year": datetime.now(LOCAL).year}},
        f"GET {c}/hours": {"params": {"volunteer_id": world.ids["resident"]}},
        f"POST {c}/resources": {"json": {"key": f"m-{uuid.uuid4().hex[:6]}", "kind": "equipment", "name": "梯子"}},
        f"POST {c}/surveys": {"json": {"title": "矩阵", "questions": [
            {"key": "n", "kind": "number", "prompt": "几？", "required": True, "min": 0, "max": 3}]}},
        f"POST {c}/teams": {"json": {"kind": "patrol", "name": f"矩阵队{uuid.uuid4().hex[:4]}"}},
        f"PUT {c}/templates/{{kind}}/{{locale}}": {"json": {"title": "标题", "body": "正文"}},
        f"POST {c}/topics": {"json": {"title": "矩阵议题"}},
        f"POST {c}/volunteers": {"json": {}},
        f"PUT {c}/volunteers/{{account_id}}": {"json": {"max_shifts_per_week": 3}},
        f"POST {c}/votes": {"json": {"question": "矩阵", "matter": "ordinary",
                                     "opens_at": datetime.now(LOCAL).isoformat(), "closes_at": at(9, 8)}},
        f"POST {v}/coupons/redeem": {"json": {"code": world.coupon_code}},
        f"POST {v}/bookings/{{booking_id}}/check-in": {"json": {"code": world.check_in_code}},
        f"POST {c}/kiosk-devices": {"json": {"name": "矩阵"}},
        f"POST {v}/kiosk/check-in": {"json": {"code": world.check_in_code}},
        f"GET {v}/issues": {"params": {"community_id": cid}},
        f"POST {v}/issues": {"json": {"community_id": cid, "category": "noise", "title": "吵", "description": "夜里",
                                      "location": {"building_id": p["building_id"], "unit_id": p["unit_id"]}}},
        f"GET {v}/issues/duplicates": {"params": {"community_id": cid, "category": "parking",
                                                  "building_id": p["building_id"]}},
        f"POST {v}/issues/{{issue_id}}/actions/{{action}}": {"json": {}},
        f"PUT {v}/issues/{{issue_id}}/classification": {"json": {"note": "正常", "unreasonable": False}},
        f"POST {v}/issues/{{issue_id}}/rating": {"json": {"score": 5}},
        f"POST {v}/joint-meetings": {"json": {"community_id": cid, "title": "矩阵会议", "starts_at": at(2, 10),
                                              "issue_ids": [p["issue_id"]]}},
        f"PUT {v}/me/preferences": {"json": {}},
        f"POST {v}/shifts/{{shift_id}}/invitations": {"json": {"skill": "it"}},
        f"POST {v}/shifts/{{shift_id}}/signups": {"json": {"skill": "general"}},
        f"POST {v}/signups/{{signup_id}}/check-in": {"json": {}},
        f"POST {v}/signups/{{signup_id}}/check-out": {"json": {}},
        f"POST {v}/surveys/{{survey_id}}/answers": {"json": {"answers": {"n": 1}}},
        f"POST {v}/topics/{{topic_id}}/answer": {"json": {"answer": "将建车棚"}},
        f"POST {v}/topics/{{topic_id}}/comments": {"json": {"text": "同意"}},
        f"POST {v}/votes/{{vote_id}}/ballots": {"json": {"choice": "for"}},
        f"POST {v}/votes/{{vote_id}}/paper-ballots": {"json": {"choice": "for", "unit_id": p["unit_id"]}},
        f"POST {v}/bookings/{{booking_id}}/decline": {"json": {"reason": "矩阵"}},
    }


def request_of(world, key, caller):
    """The method, filled path and keyword arguments to call `key` as `caller`."""
    method, template = key.split(" ", 1)
    params = {**world.params, "account_id": world.params["target"]["id"]} if "/members/" in key else world.params
    if key.endswith("/me/notifications/{item_id}/read"):
        params = {**params, "item_id": params["inbox_item"]}
    path = template.format(**params)
    kwargs = dict(world.bodies.get(key, {}))
    if key.endswith("/auth/refresh"):  # each refresh token works once
        kwargs["json"] = {"refresh_token": world.login(params["target"]["phone"])["refresh_token"]}
    if method in ("POST", "PUT") and "json" not in kwargs:
        kwargs["json"] = {}
    return method, path, kwargs


def answer(world, key, caller):
    """The status of calling `key` as `caller`; a logout uses a session of its own."""
    method, path, kwargs = request_of(world, key, caller)
    token = world.tokens[caller]
    if key.endswith("/auth/logout") and caller not in ("anonymous", "kiosk"):
        token = world.login(world.logins[caller])["access_token"]
    headers = authorization(token, caller)
    with requests.request(method, world.platform.url + path, headers=headers, timeout=30, stream=True,
                          **kwargs) as response:
        kind = response.headers.get("Content-Type", "")
        return response.status_code, kind, (response.text if "event-stream" not in kind else "")


@pytest.fixture(scope="module")
def world(platform):
    return World(platform)


@pytest.fixture(scope="module")
def reads(world):
    """Every caller's answer to every read, asked eight at a time before any write (streams apart)."""
    pairs = [(key, caller) for key in OPERATIONS if key.startswith("GET ") and not key.endswith("stream")
             for caller in CALLERS]
    with ThreadPoolExecutor(8) as pool:
        return dict(zip(pairs, pool.map(lambda pair: answer(world, *pair), pairs)))


@pytest.mark.parametrize("key", sorted(OPERATIONS))
def test_each_caller_is_allowed_or_denied_as_the_operation_declares(world, reads, key):
    access = OPERATIONS[key].get(EXTENSION)
    assert access is not None, f"operation {key} declares no access; add it to ACCESS in gateway/access.py"
    method, wrong = key.split(" ")[0], []
    answers = {caller: reads.get((key, caller)) or answer(world, key, caller) for caller in CALLERS}
    for caller, (status, kind, text) in answers.items():
        allowed = expected_allowed(access, caller, method)
        denied = status in (401, 403)
        if allowed == denied or (denied and not kind.startswith("application/problem+json")):
            wrong.append(f"{caller}: expected {'allowed' if allowed else 'denied'}, got {status} {text[:160]}")
    assert not wrong, f"{key} ({access}):\n" + "\n".join(wrong)


def test_a_neighbour_gets_none_of_a_residents_private_data(world):
    p, cid = world.params, world.cid
    report = world.made("POST", "/api/v1/issues", "resident", json={  # the matrix's own: the owner said "me too"
        "community_id": cid, "category": "sanitation", "title": "垃圾未清", "description": "联系我 13800000001",
        "location": {"building_id": p["building_id"], "unit_id": p["unit_id"]}})
    for path in (f"/api/v1/issues/{report['id']}", f"/api/v1/bookings/{p['booking_id']}",
                 f"/api/v1/communities/{cid}/volunteers/{world.ids['resident']}",
                 f"/api/v1/communities/{cid}/hours?volunteer_id={world.ids['resident']}"):
        refused = world.call("GET", path, "owner")
        assert refused.status_code == 403, f"{path}: {refused.status_code} {refused.text[:200]}"
        assert refused.headers["Content-Type"].startswith("application/problem+json")
    listed = world.call("GET", f"/api/v1/communities/{cid}/bookings", "owner").json()["items"]
    assert all(b["account_id"] == world.ids["owner"] for b in listed)
    [home] = [m["unit_id"] for m in world.call("GET", "/api/v1/me", "owner").json()["memberships"]
              if m["community_id"] == cid]
    ballot = world.call("GET", f"/api/v1/votes/{p['vote_id']}/my-ballot", "owner")
    assert ballot.status_code == 404 or ballot.json()["unit_id"] == home  # only ever my own unit's ballot


def test_a_town_admin_reads_another_community_of_the_town_but_never_acts_there(world):
    other = f"/api/v1/communities/{world.other_community}"
    for path in ("/votes", "/topics", "/case-rates", "/audit"):
        read = world.call("GET", other + path, "town_admin")
        assert read.status_code == 200, f"{path}: {read.status_code} {read.text[:200]}"
    acted = world.call("POST", other + "/topics", "town_admin", json={"title": "镇里要求"})
    assert acted.status_code == 403 and acted.headers["Content-Type"].startswith("application/problem+json")
    assert world.call("GET", other + "/votes", "staff_b").status_code == 200
    assert world.call("GET", other + "/votes", "resident").status_code == 403
