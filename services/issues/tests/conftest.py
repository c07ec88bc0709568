"""The issues service started in a real container (see services/conftest.py for what is real)."""
import pytest
from kombu import Connection, Exchange, Queue
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
def events(linli_config):
    """Every event the service publishes from now on, as (type, data), each id once.

    The outbox publishes at least once: its relay loop may publish an event the saving
    worker is publishing too, and consumers dedupe on the id, as this tap does.
    """
    with Connection(linli_config["AMQP_URI"]) as conn:
        queue = Queue("case-tap", Exchange("issues.events", type="topic", durable=True), routing_key="#",
                      auto_delete=True)(conn.channel())
        queue.declare()
        seen, raw = [], {}

        def drain():
            while (message := queue.get(no_ack=True)) is not None:
                if message.payload["id"] not in raw:
                    raw[message.payload["id"]] = message.payload
                    seen.append((message.payload["type"], message.payload["data"]))
            return seen
        drain.raw = lambda: (drain(), list(raw.values()))[1]
        yield drain
