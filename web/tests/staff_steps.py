"""Steps the staff-side browser tests share: API calls made as a demo role (what another app
or person would send), the demo community's directory, and the console opened on a desktop."""
import time
import uuid
from datetime import datetime, timedelta, timezone

from playwright.sync_api import expect

from conftest import DESKTOP, api_session

expect.set_options(timeout=30_000)  # never below Playwright's own 30 s: the machine is shared

SHANGHAI = timezone(timedelta(hours=8))
ZH_EN = {"zh-CN": 0, "en": 1}


def pick(locale, zh, en):
    """The zh-CN or the English text of a label, by the test's locale."""
    return (zh, en)[ZH_EN[locale]]


def fresh(title):
    """A title no other test uses (the platform is shared by the whole browser session)."""
    return f"{title} {uuid.uuid4().hex[:6]}"


_tokens = {}


def token_of(platform, role):
    """A demo role's access token, signed in once per platform (it lasts 15 minutes)."""
    if (platform.url, role) not in _tokens:
        _tokens[(platform.url, role)] = api_session(platform, role)["access_token"]
    return _tokens[(platform.url, role)]


def call(platform, role, method, path, **kwargs):
    """The gateway's JSON answer to `role`'s request; fails the test on an error status."""
    token = token_of(platform, role)
    response = platform.api(method, f"/api/v1{path}", token=token, **kwargs)
    assert response.ok, f"{method} {path}: {response.status_code} {response.text}"
    return response.json() if response.content else None


def community(platform):
    """The demo community's directory: buildings, units and grids."""
    first = platform.api("GET", "/api/v1/communities").json()["items"][0]
    return platform.api("GET", f"/api/v1/communities/{first['id']}").json()


def building(directory, number):
    return next(b for b in directory["buildings"] if b["number"] == number)


def shanghai_input(moment, seconds=False):
    """A datetime-local input's value for `moment`, in Shanghai time."""
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%dT%H:%M:%S" if seconds else "%Y-%m-%dT%H:%M")


def eventually(check, timeout=30, what="the condition"):
    """Poll `check()` until it returns something truthy (events travel through the broker)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def open_staff(open_app, locale, path="/", role="community_admin"):
    return open_app("staff", locale, role=role, device=DESKTOP, path=path)


def move_case(page, locale, action, note=None, party=None):
    """Move the case open in the console: pick the action (and party, reason), apply."""
    page.get_by_label(pick(locale, "操作", "Action")).select_option(label=action)
    if party:
        page.get_by_label(pick(locale, "责任方", "Party"), exact=True).select_option(label=party)
    if note:
        page.get_by_label(pick(locale, "说明", "Reason"), exact=True).fill(note)
    page.get_by_role("button", name=pick(locale, "确定", "Apply")).click()


def now():
    return datetime.now(timezone.utc)


def register(platform, name):
    """A fresh resident of the demo community (for steps whose quotas must not meet other tests')."""
    directory = community(platform)
    email = f"{uuid.uuid4().hex[:10]}@staff-tests.linli"
    body = {"display_name": name, "email": email, "password": "linli-test-2024", "locale": "zh-CN",
            "community_id": directory["id"]}
    response = platform.api("POST", "/api/v1/auth/register", json=body)
    assert response.status_code == 201, response.text
    login = platform.api("POST", "/api/v1/auth/login", json={"login": email, "password": "linli-test-2024"})
    return login.json()["access_token"]


def resource(platform, key):
    directory = community(platform)
    items = call(platform, "community_admin", "GET", f"/communities/{directory['id']}/resources")["items"]
    return next(r for r in items if r["key"] == key)
