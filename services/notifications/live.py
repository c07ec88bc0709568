"""Live hints: a best-effort push of each new inbox item to the gateway's SSE streams.

A hint is not a record: the inbox is. So hints skip the outbox, are not `mandatory`
(no open stream means no queue, and that is fine) and not confirmed; a failed publish is
logged and forgotten, and a client that missed one catches up by reading its inbox.
Exchange `notifications.live` (topic), routing key `inbox.<account_id>`; the body is
`{item_id, account_id, kind, title, created_at, subject}`.
"""
import json
import logging
import threading

from kombu import Connection, Exchange, Producer
from nameko.extensions import DependencyProvider

from services.common import config

log = logging.getLogger(__name__)
EXCHANGE = Exchange("notifications.live", type="topic", durable=True, delivery_mode=1)


def routing_key(account_id):
    return f"inbox.{account_id}"


class Hints:
    def __init__(self, provider):
        self.provider = provider

    def push(self, item):
        """Tell open streams of `item`'s owner about it; never raises."""
        body = {"item_id": item.id, "account_id": item.account_id, "kind": item.kind, "title": item.title,
                "created_at": item.created_at.isoformat(), "subject": dict(item.subject or {})}
        try:
            self.provider.publish(body, routing_key(item.account_id))
        except Exception as exc:
            log.warning("live hint not sent", extra={"item_id": item.id, "error": repr(exc)})


class LiveHints(DependencyProvider):
    def setup(self):
        self.uri = config.amqp_uri(self.container.config)
        self.connection = None
        self.lock = threading.Lock()  # green under eventlet: one publish at a time on the shared channel

    def publish(self, body, key):
        with self.lock:
            self._publish(body, key)

    def _publish(self, body, key):
        if self.connection is None or not self.connection.connected:
            self.connection = Connection(self.uri, connect_timeout=2, transport_options={"max_retries": 1})
            EXCHANGE(self.connection.default_channel).declare()
        Producer(self.connection.default_channel).publish(
            json.dumps(body), exchange=EXCHANGE, routing_key=key, content_type="application/json", retry=False)

    def stop(self):
        if self.connection is not None:
            self.connection.release()

    def get_dependency(self, worker_ctx):
        return Hints(self)
