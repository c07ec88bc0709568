"""End-to-end: the five real processes on the real RabbitMQ (a private vhost) and the real
MongoDB-wire store (FerretDB locally; databases with a private prefix), driven over HTTP
as a front end would. Nothing is faked.
"""
import os

import pytest

from services.common import config
from tests.e2e.platform import Broker, Platform

MANAGEMENT = os.environ.get("LINLI_RABBIT_MANAGEMENT", "http://guest:guest@127.0.0.1:15672")


@pytest.fixture(scope="module")
def platform(tmp_path_factory, request):
    """The platform; a module may set `PLATFORM_ENV` (a dict) for every process it starts."""
    extra_env = getattr(request.module, "PLATFORM_ENV", {})
    broker = Broker(config.amqp_uri(), MANAGEMENT)
    broker.create()
    platform = Platform(tmp_path_factory.mktemp("platform"), broker, config.mongodb_uri())
    try:
        platform.run("-m", "services.common.topology")
        platform.run("-m", "gateway.seed")
        for name in ("issues", "bookings", "volunteers", "notifications", "gateway"):
            platform.start(name, **extra_env)
        yield platform
    finally:
        platform.stop_all()
        platform.drop_databases()
        broker.delete()
