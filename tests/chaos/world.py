"""What the chaos clients act on: a community's owners who volunteer, a room, open votes and a rota."""
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from gateway.seed import DEMO_PASSWORD, demo_login
from tests.e2e.platform import wait_for

PASSWORD = "Linli-chaos-2024!"
SHANGHAI = timezone(timedelta(hours=8))
EVERY_DAY = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass
class Actor:
    """One client's person: an owner of a unit who is also a volunteer."""

    token: str
    account_id: str
    unit_id: str


@dataclass
class World:
    community_id: str
    building_id: str
    unit_id: str
    staff: dict
    actors: list = field(default_factory=list)
    resource_id: str = ""
    vote_ids: list = field(default_factory=list)
    shift_ids: list = field(default_factory=list)


def ok(response, *codes):
    assert response.status_code in (codes or (200, 201)), f"{response.request.method} {response.url}: {response.text}"
    return response.json()


def login(platform, name, password=PASSWORD):
    return ok(platform.api("POST", "/api/v1/auth/login", json={"login": name, "password": password}))["access_token"]


def build(platform, clients, votes, shifts):
    """Make the people, the room, `votes` open votes and a rota of `shifts` daily shifts."""
    [community] = [c for c in ok(platform.api("GET", "/api/v1/communities"))["items"] if c["name"] == "未来街区"]
    detail = ok(platform.api("GET", f"/api/v1/communities/{community['id']}"))
    units_of = {b["id"]: [u for u in detail["units"] if u["building_id"] == b["id"]] for b in detail["buildings"]}
    building = max(detail["buildings"], key=lambda b: len(units_of[b["id"]]))
    units = units_of[building["id"]]
    staff = {role: login(platform, demo_login(role), DEMO_PASSWORD)
             for role in ("social_worker", "community_admin", "oc_member")}
    world = World(community["id"], building["id"], units[0]["id"], staff)
    world.actors = [actor(platform, world, unit) for unit in units[:clients]]
    world.resource_id = room(platform, world)
    world.vote_ids = [vote(platform, world, n) for n in range(votes)]
    world.shift_ids = rota(platform, world, shifts)
    return world


def actor(platform, world, unit):
    """Register an owner living in `unit` who volunteers, once every service knows the roles."""
    phone = "136" + str(uuid.uuid4().int)[:8]
    ok(platform.api("POST", "/api/v1/auth/register", json={
        "display_name": "混沌" + phone[-4:], "phone": phone, "password": PASSWORD,
        "community_id": world.community_id, "unit_id": unit["id"]}), 201)
    token = login(platform, phone)
    account_id = ok(platform.api("GET", "/api/v1/me", token=token))["account"]["id"]
    ok(platform.api("PUT", f"/api/v1/communities/{world.community_id}/members/{account_id}/roles",
                    token=world.staff["community_admin"], json={"roles": ["resident", "owner"]}))
    for service in ("issues", "volunteers", "bookings", "notifications"):
        wait_for(lambda: platform.db(service).membership_versions.count_documents(
            {"account_id": account_id, "roles": ["resident", "owner"]}) >= 1, 60, f"the owner in {service}")
    ok(platform.api("POST", f"/api/v1/communities/{world.community_id}/volunteers", token=token, json={
        "display_name": "混沌志愿者", "max_shifts_per_week": 14}), 201)
    return Actor(token, account_id, unit["id"])


def room(platform, world):
    return ok(platform.api("POST", f"/api/v1/communities/{world.community_id}/resources",
                           token=world.staff["social_worker"], json={
                               "key": f"chaos-{uuid.uuid4().hex[:8]}", "kind": "room", "name": "混沌活动室",
                               "rules": {"hours": {d: ["08:00-22:00"] for d in EVERY_DAY}, "capacity": 2}}), 201)["id"]


def vote(platform, world, n):
    now = datetime.now(SHANGHAI)
    return ok(platform.api("POST", f"/api/v1/communities/{world.community_id}/votes", token=world.staff["oc_member"],
                           json={"question": f"混沌表决 {n}", "matter": "ordinary", "opens_at": now.isoformat(),
                                 "closes_at": (now + timedelta(hours=3)).isoformat(),
                                 "building_ids": [world.building_id]}), 201)["id"]


def rota(platform, world, days):
    first = (datetime.now(SHANGHAI) + timedelta(days=1)).date()
    created = ok(platform.api("POST", f"/api/v1/communities/{world.community_id}/activities",
                              token=world.staff["social_worker"], json={
                                  "kind": "cleanup", "title": "混沌值守", "place": "6号楼",
                                  "template": {"kind": "rota", "first_day": first.isoformat(), "start": "09:00",
                                               "end": "10:00", "days": days, "people": 2}}), 201)
    return [shift["id"] for shift in created["shifts"]]
