"""Bookings service tests: the real service in a nameko container on the real broker and store.

`resource` makes a resource through the service's own RPC; `bookings_tap` collects what the
service publishes on `bookings.events`; `call` runs an entrypoint as a worker would.
"""
from datetime import datetime, timedelta, timezone

import pytest
from kombu import Connection, Exchange, Queue
from nameko.exceptions import RemoteError
from nameko.standalone.rpc import ClusterRpcProxy
from nameko.testing.services import entrypoint_hook

from services.bookings.service import BookingsService


@pytest.fixture
def bookings(start_service):
    return start_service(BookingsService)


@pytest.fixture
def call(bookings):
    def call(method, *args, **kwargs):
        with entrypoint_hook(bookings, method) as entrypoint:
            return entrypoint(*args, **kwargs)
    return call


@pytest.fixture
def fire(bookings, linli_config):
    """Send many RPCs at once over the real broker; each outcome is a result or the error's class name."""
    def fire(method, payloads):
        with ClusterRpcProxy(linli_config, timeout=60) as proxy:
            replies = [getattr(proxy.bookings, method).call_async(*args) for args in payloads]
            outcomes = []
            for reply in replies:
                try:
                    outcomes.append(reply.result())
                except RemoteError as err:
                    outcomes.append(err.exc_type)
            return outcomes
    return fire


@pytest.fixture
def resource(call):
    def resource(key="lounge", kind="room", community_id="c1", **rules):
        return call("create_resource", {"community_id": community_id, "key": key, "kind": kind,
                                        "name": f"测试{key}", "skill": rules.pop("skill", None),
                                        "rules": rules})
    return resource


def tomorrow(hour=19, minute=0, days=1):
    """A quarter-hour-aligned UTC time `days` from now."""
    base = datetime.now(timezone.utc).replace(hour=hour, minute=minute, second=0, microsecond=0)
    return base + timedelta(days=days)


def soon(minutes):
    """The first quarter hour at least `minutes` from now, in UTC."""
    now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    return now.replace(minute=(now.minute // 15) * 15) + timedelta(minutes=15 * (1 + minutes // 15))


def booking(resource, account="a1", start=None, hours=1.0, roles=("resident",), **extra):
    start = start or tomorrow()
    return {"community_id": resource["community_id"], "resource_id": resource["id"], "account_id": account,
            "roles": list(roles), "starts_at": start.isoformat(),
            "ends_at": (start + timedelta(hours=hours)).isoformat(), **extra}


@pytest.fixture
def bookings_tap(linli_config):
    """A queue bound to bookings.events collecting what the service publishes."""
    with Connection(linli_config["AMQP_URI"]) as conn:
        queue = Queue("bookings-tap", Exchange("bookings.events", type="topic", durable=True), routing_key="#",
                      auto_delete=True)(conn.channel())
        queue.declare()
        seen = {}

        def drain():
            """Each event once, in order: the outbox may publish one twice, as consumers expect."""
            while (message := queue.get(no_ack=True)) is not None:
                seen.setdefault(message.payload["id"], message.payload)
            return list(seen.values())
        yield drain
