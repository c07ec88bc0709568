"""Seed a load run through the real API: residents who own units and volunteer, staff, votes, a rota.

Returns the context the locust users read (tokens, ids); everything is made the way a
front end would make it, so events flow and every service holds its own copy.
"""
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import requests

from gateway import demo

PASSWORD = "Linli-load-2024!"
SHANGHAI = timezone(timedelta(hours=8))
STAFF = ("social_worker", "community_admin", "oc_member", "shop")


class Api:
    def __init__(self, url, timeout=60):
        self.url, self.timeout = url, timeout

    def call(self, method, path, token=None, expect=(200, 201), **kwargs):
        """One request; a 502/503/504 (a busy shared machine) is tried again twice, then it fails."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        for attempt in range(3):
            response = requests.request(method, self.url + path, headers=headers, timeout=self.timeout, **kwargs)
            if response.status_code not in (502, 503, 504):
                break
            time.sleep(2 * (attempt + 1))
        if response.status_code not in expect:
            raise RuntimeError(f"{method} {path}: {response.status_code} {response.text[:300]}")
        return response.json() if response.content else None

    def login(self, name, password):
        return self.call("POST", "/api/v1/auth/login", json={"login": name, "password": password})["access_token"]


def community(api):
    [found] = [c for c in api.call("GET", "/api/v1/communities")["items"] if c["name"] == demo.COMMUNITY["name"]]
    return api.call("GET", f"/api/v1/communities/{found['id']}")


def resident(api, cid, unit, admin):
    """Register on `unit`, become its owner and a volunteer; return the token and ids."""
    phone = "137" + str(uuid.uuid4().int)[:8]
    made = api.call("POST", "/api/v1/auth/register", json={
        "display_name": "住户" + phone[-4:], "phone": phone, "password": PASSWORD, "locale": "zh-CN",
        "community_id": cid, "unit_id": unit["id"]})
    account_id = made["account"]["id"]
    api.call("PUT", f"/api/v1/communities/{cid}/members/{account_id}/roles", admin, json={"roles": ["resident", "owner"]})
    token = api.login(phone, PASSWORD)
    api.call("POST", f"/api/v1/communities/{cid}/volunteers", token, expect=(201, 409),
             json={"display_name": "住户志愿者"})
    return {"token": token, "account_id": account_id, "building_id": unit["building_id"], "unit_id": unit["id"]}


def votes(api, cid, token, count):
    now = datetime.now(SHANGHAI)
    return [api.call("POST", f"/api/v1/communities/{cid}/votes", token, json={
        "question": f"压测议题 {n}：是否更换单元门禁", "matter": "ordinary", "opens_at": now.isoformat(),
        "closes_at": (now + timedelta(hours=6)).isoformat()})["id"] for n in range(count)]


def rota(api, cid, token):
    """A 3-week patrol rota, 50 general seats a day: sign-ups meet seats, clashes and the weekly limit."""
    first = (datetime.now(SHANGHAI) + timedelta(days=1)).date().isoformat()
    activity = api.call("POST", f"/api/v1/communities/{cid}/activities", token, json={
        "kind": "patrol", "title": "非机动车巩固值守", "place": "3号楼楼道", "template": {
            "kind": "rota", "first_day": first, "start": "19:00", "end": "21:00", "days": 21, "people": 50}})
    return [shift["id"] for shift in activity["shifts"]]


def seed(url, rpc, residents, vote_count=3):
    """Make `residents` residents and the shared objects; return the locust context."""
    api = Api(url)
    directory = community(api)
    cid = directory["id"]
    staff = {role: api.login(demo.login_name(role), demo.PASSWORD) for role in STAFF}
    shop_id = api.call("GET", "/api/v1/me", staff["shop"])["account"]["id"]
    rpc.bookings.seed_demo(cid, shop_id)
    resources = {r["key"]: r["id"] for r in api.call("GET", f"/api/v1/communities/{cid}/resources", staff["social_worker"])["items"]}
    units = directory["units"][:residents]
    with ThreadPoolExecutor(4) as pool:
        people = list(pool.map(lambda unit: resident(api, cid, unit, staff["community_admin"]), units))
    return {"community_id": cid, "residents": people, "staff": [staff["social_worker"], staff["community_admin"]],
            "printer_id": resources["printer"], "vote_ids": votes(api, cid, staff["oc_member"], vote_count),
            "shift_ids": rota(api, cid, staff["social_worker"]),
            "buildings": [b["id"] for b in directory["buildings"]]}
