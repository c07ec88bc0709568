"""Configuration from the environment, with defaults that work on a developer machine.

Every value is read when a component sets itself up, never at import time.
"""
import os
from urllib.parse import urlsplit

DEFAULT_AMQP_URI = "amqp://guest:guest@127.0.0.1:5672/"
DEFAULT_MONGODB_URI = "mongodb://127.0.0.1:27017/"


def env(name, default=None):
    value = os.environ.get(name)
    return default if value in (None, "") else value


def amqp_uri(container_config=None):
    """The broker: the nameko container's AMQP_URI when given, else the environment."""
    if container_config and container_config.get("AMQP_URI"):
        return container_config["AMQP_URI"]
    return env("AMQP_URI", DEFAULT_AMQP_URI)


def mongodb_uri():
    return env("MONGODB_URI", DEFAULT_MONGODB_URI)


def database_name(service):
    """A service's own database: named in MONGODB_URI's path, else `<prefix><service>`."""
    path = urlsplit(mongodb_uri()).path.strip("/")
    return path or env("LINLI_DB_PREFIX", "") + service


def retry_delays():
    """Seconds to wait before each retry of a failed event handler; then dead-letter."""
    raw = env("LINLI_RETRY_DELAYS", "1,5,30,120")
    return tuple(float(part) for part in raw.split(",") if part.strip())


def relay_interval():
    return float(env("LINLI_RELAY_INTERVAL", "5"))


def orphan_grace():
    """Seconds after which a pending-event marker whose document never appeared is dropped."""
    return float(env("LINLI_OUTBOX_GRACE", "120"))


def queue_type():
    """`classic` on one broker, `quorum` on a RabbitMQ cluster (replicated event queues)."""
    return env("LINLI_QUEUE_TYPE", "classic")


def delivery_limit():
    """On quorum queues: deliveries of one message (crashes included) before it is dead-lettered."""
    return int(env("LINLI_QUEUE_DELIVERY_LIMIT", "10"))
