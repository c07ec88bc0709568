"""The issues service started in a real container (see services/conftest.py for what is real)."""
import pytest
from nameko.testing.services import entrypoint_hook

from services.issues.service import IssuesService


@pytest.fixture
def issues(start_service):
    return start_service(IssuesService)


@pytest.fixture
def call(issues):
    """Call one of the service's entrypoints: `call("accept_issue", payload)`."""
    def call(method, *args):
        with entrypoint_hook(issues, method) as hook:
            return hook(*args)
    return call


@pytest.fixture
def events(event_tap):
    """Every event the service publishes from now on, as (type, data), each id once."""
    tap, seen, raw = event_tap("issues.events"), [], []

    def drain():
        for payload in tap():
            raw.append(payload)
            seen.append((payload["type"], payload["data"]))
        return seen
    drain.raw = lambda: (drain(), list(raw))[1]
    return drain
