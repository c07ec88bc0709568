"""Fixtures of the notifications tests. What is real: the broker, the store, an SMTP server
(aiosmtpd) and HTTP endpoints for Apprise, each in its own process (see outside.py).
"""
import pytest
from nameko.testing.services import entrypoint_hook

from services.common.envelope import make_event
from services.conftest import wait_until
from services.notifications.service import NotificationsService
from services.notifications.tests.outside import FlakyEndpoint, SmtpServer


@pytest.fixture
def smtp(tmp_path):
    server = SmtpServer(tmp_path)
    yield server
    server.stop()


@pytest.fixture
def endpoints(tmp_path):
    started = []

    def endpoint(failures):
        started.append(FlakyEndpoint(tmp_path, failures))
        return started[-1]
    yield endpoint
    for server in started:
        server.stop()


@pytest.fixture
def notifications(start_service, smtp, monkeypatch):
    monkeypatch.setenv("LINLI_SMTP_PORT", str(smtp.port))
    monkeypatch.setenv("LINLI_DELIVERY_INTERVAL", "0.1")
    monkeypatch.setenv("LINLI_DELIVERY_BACKOFF", "0.1")
    monkeypatch.setenv("LINLI_DELIVERY_BACKOFF_CAP", "0.3")
    monkeypatch.setenv("LINLI_DELIVERY_ATTEMPTS", "5")
    return start_service(NotificationsService)


@pytest.fixture
def household(publish, database):
    """Register a person with a membership in community c1 and wait until notifications knows them."""
    def household(account_id, building_id, roles=("resident",), email=None, locale="zh-CN"):
        publish(make_event("gateway", "account_registered", {
            "account_id": account_id, "display_name": account_id, "locale": locale, "email": email, "phone": None}))
        publish(make_event("gateway", "membership_granted", {
            "account_id": account_id, "community_id": "c1", "roles": list(roles), "building_id": building_id,
            "unit_id": None, "grid_id": "g1"}))
        db = database("notifications")
        wait_until(lambda: db.recipients.count_documents({"_id": account_id}) == 1
                   and db.membership_versions.count_documents({"account_id": account_id}) >= 1)
    return household


def call(container, method, *args, **kwargs):
    with entrypoint_hook(container, method) as hook:
        return hook(*args, **kwargs)


