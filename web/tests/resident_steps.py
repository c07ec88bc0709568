"""Steps the resident-app browser tests share: fresh residents registered through the public
API (so no test's data collides with another's), the app opened on a phone as one of them, and
the other side's steps (staff, shop) sent as their own apps would send them."""
import json
import uuid

from playwright.sync_api import expect

from conftest import PHONE
from staff_steps import building, call, community, pick

expect.set_options(timeout=30_000)  # never below Playwright's own 30 s: the machine is shared

PASSWORD = "Linli-resident-2024!"


def register(platform, number=3, unit="101", locale="zh-CN"):
    """A new resident of the demo community living in building `number`, flat `unit`: its tokens and me."""
    directory = community(platform)
    home = building(directory, number)
    flat = next(u for u in directory["units"] if u["building_id"] == home["id"] and u["number"] == unit)
    phone = f"139{uuid.uuid4().int % 10**8:08d}"
    body = {"display_name": f"居民{phone[-4:]}", "phone": phone, "password": PASSWORD, "locale": locale,
            "community_id": directory["id"], "unit_id": flat["id"]}
    answer = platform.api("POST", "/api/v1/auth/register", json=body)
    assert answer.status_code == 201, answer.text
    tokens = platform.api("POST", "/api/v1/auth/login", json={"login": phone, "password": PASSWORD}).json()
    me = platform.api("GET", "/api/v1/me", token=tokens["access_token"]).json()
    return {"tokens": tokens, "me": me, "directory": directory, "phone": phone}


def open_as(open_app, locale, person, path="/"):
    """The resident app on a phone, signed in as a person made by register()."""
    page = open_app("resident", locale, device=PHONE, path=path)
    page.evaluate("tokens => localStorage.setItem('linli.session', tokens)", json.dumps(person["tokens"]))
    page.reload()
    return page


def as_person(platform, person, method, path, **kwargs):
    """The person's own API call, as the resident app sends it; fails the test on an error."""
    response = platform.api(method, f"/api/v1{path}", token=person["tokens"]["access_token"], **kwargs)
    assert response.ok, f"{method} {path}: {response.status_code} {response.text}"
    return response.json() if response.content else None


__all__ = ["register", "open_as", "as_person", "call", "pick", "community", "building"]
