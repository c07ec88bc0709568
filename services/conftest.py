"""Service tests. What is real: RabbitMQ (nameko's `rabbit_config` gives each test its own
vhost on the running broker) and the MongoDB-wire store at MONGODB_URI (FerretDB locally,
MongoDB in compose), in databases with a per-test prefix that are dropped afterwards.
Nothing is faked; pure domain rules are tested without either.
"""
import eventlet

eventlet.monkey_patch()  # noqa: E402  (nameko's pytest plugin no longer does it)

import uuid  # noqa: E402

import pymongo  # noqa: E402
import pytest  # noqa: E402
from kombu import Connection, Exchange, Queue  # noqa: E402
from nameko.standalone.events import event_dispatcher  # noqa: E402

from services.common import config, topology  # noqa: E402
from services.common.envelope import make_event  # noqa: E402


@pytest.fixture
def db_prefix(monkeypatch):
    """Fresh databases for this test, dropped afterwards."""
    prefix = f"t{uuid.uuid4().hex[:10]}_"
    monkeypatch.setenv("LINLI_DB_PREFIX", prefix)
    yield prefix
    client = pymongo.MongoClient(config.mongodb_uri())
    for name in client.list_database_names():
        if name.startswith(prefix):
            client.drop_database(name)
    client.close()


@pytest.fixture
def linli_config(rabbit_config, db_prefix, monkeypatch):
    """nameko config plus the environment the kit reads, with fast retries."""
    monkeypatch.setenv("AMQP_URI", rabbit_config["AMQP_URI"])
    monkeypatch.setenv("LINLI_RETRY_DELAYS", "0.1,0.2")
    monkeypatch.setenv("LINLI_RELAY_INTERVAL", "0.2")
    topology.declare_all(rabbit_config["AMQP_URI"], delays=(0.1, 0.2))
    return rabbit_config


@pytest.fixture
def database(db_prefix):
    """A pymongo handle on a service's own test database."""
    client = pymongo.MongoClient(config.mongodb_uri())
    yield lambda service: client[db_prefix + service]
    client.close()


@pytest.fixture
def start_service(container_factory, linli_config):
    """Start a service class in a real container on the test's vhost and databases."""
    def start(service_class):
        container = container_factory(service_class, linli_config)
        container.start()
        return container
    return start


@pytest.fixture
def publish(linli_config):
    """Publish an envelope on its producer's exchange, as that producer would."""
    send = event_dispatcher(linli_config)

    def publish(event):
        send(event["source"].split("/", 1)[1], event["type"], event)
        return event
    return publish


def wait_until(check, timeout=5.0):
    """Yield to the containers until `check()` holds."""
    with eventlet.Timeout(timeout):
        while not check():
            eventlet.sleep(0.02)


@pytest.fixture
def grant(publish, database):
    """Grant roles through a real `membership_granted` event and wait until `service` kept it."""
    def grant(service, account_id, roles, community_id="c1"):
        versions = database(service).membership_versions
        before = versions.count_documents({})
        publish(make_event("gateway", "membership_granted", {
            "account_id": account_id, "community_id": community_id, "roles": roles,
            "building_id": "b1", "unit_id": None, "grid_id": "g1"}))
        wait_until(lambda: versions.count_documents({}) > before)
    return grant


@pytest.fixture
def event_tap(linli_config):
    """Tap a service's events exchange: `tap = event_tap("issues.events")`, then `tap()` gives
    the envelopes published since the last call, each id once (the outbox publishes at least
    once: its relay may publish an event the saving worker is publishing too)."""
    with Connection(linli_config["AMQP_URI"]) as conn:
        seen = set()

        def open_tap(exchange):
            queue = Queue(f"tap-{uuid.uuid4().hex[:8]}", Exchange(exchange, type="topic", durable=True),
                          routing_key="#", auto_delete=True)(conn.channel())
            queue.declare()

            def drain():
                fresh = []
                while (message := queue.get(no_ack=True)) is not None:
                    if message.payload["id"] not in seen:
                        seen.add(message.payload["id"])
                        fresh.append(message.payload)
                return fresh
            return drain
        yield open_tap
