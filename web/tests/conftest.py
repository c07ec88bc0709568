"""Browser tests: Debian's Chromium, headless, driven by Playwright, against the whole real
platform (five processes on the real RabbitMQ and FerretDB, seeded) serving the built front
ends. Nothing is faked; the pages call only the public gateway API.

They run apart from tests/ (no eventlet here: Playwright's sync API runs its own loop).
Screenshots go to $LINLI_ARTIFACTS (default .state/test-artifacts/screenshots).
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from playwright.sync_api import sync_playwright

from gateway import demo
from services.common import config
from tests.e2e.platform import Broker, Platform

ROOT = Path(__file__).resolve().parents[2]
MANAGEMENT = os.environ.get("LINLI_RABBIT_MANAGEMENT", "http://guest:guest@127.0.0.1:15672")
CHROMIUM = os.environ.get("LINLI_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("LINLI_ARTIFACTS", ROOT / ".state" / "test-artifacts")) / "screenshots"
LOCALES = ("zh-CN", "en")
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1366, "height": 900}}
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def platform(tmp_path_factory):
    """One platform for every browser test (starting it costs ~10 s); data is per test's own."""
    if not (ROOT / "web" / "dist" / "resident" / "index.html").exists():
        pytest.fail("web/dist is missing: run `make web` (make test does it first)")
    broker = Broker(config.amqp_uri(), MANAGEMENT)
    broker.create()
    platform = Platform(tmp_path_factory.mktemp("platform"), broker, config.mongodb_uri())
    try:
        platform.run("-m", "services.common.topology")
        platform.run("-m", "gateway.seed")
        for name in ("issues", "bookings", "volunteers", "notifications", "gateway"):
            platform.start(name)
        subprocess.run([sys.executable, "-m", "services.bookings.seed"], cwd=ROOT, check=True, timeout=120,
                       env=platform.env("setup", LINLI_GATEWAY_URL=platform.url), capture_output=True)
        yield platform
    finally:
        platform.stop_all()
        platform.drop_databases()
        broker.delete()


@pytest.fixture(scope="session")
def chromium():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield browser
        browser.close()


def api_session(platform, role):
    """Tokens of a demo account, the way the login form stores them."""
    response = requests.post(f"{platform.url}/api/v1/auth/login", timeout=60,
                             json={"login": demo.login_name(role), "password": demo.PASSWORD})
    response.raise_for_status()
    return response.json()


@pytest.fixture
def open_app(platform, chromium):
    """open_app(app, locale, role=None, device=PHONE, path="/") → a page of that front end."""
    contexts = []

    def open_(app, locale="zh-CN", role=None, device=PHONE, path="/"):
        context = chromium.new_context(locale=locale, timezone_id="Asia/Shanghai", **device)
        contexts.append(context)
        script = f"localStorage.setItem('linli.locale', {locale!r});"
        if role:
            script += f"localStorage.setItem('linli.session', {json.dumps(json.dumps(api_session(platform, role)))});"
        context.add_init_script(script)
        page = context.new_page()
        page.goto(f"{platform.url}/{app}/#{path}")
        return page

    yield open_
    for context in contexts:
        context.close()


def shot(page, name):
    """Save a full-page screenshot of a main screen as `<name>.png` in the artifacts folder."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def serious_violations(page):
    """axe-core's serious and critical WCAG 2.1 A/AA violations on the page as it is now."""
    page.evaluate(AXE.read_text())  # evaluated over CDP: the page's own CSP still holds for the app
    result = page.evaluate("""() => axe.run(document, {runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})""")
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]
