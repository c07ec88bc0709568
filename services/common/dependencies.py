"""DependencyProviders every service shares: its outbox, and the request context for logs."""
import logging

import eventlet
from nameko.extensions import DependencyProvider

from services.common import config, logs
from services.common.envelope import make_event
from services.common.heartbeat import Heartbeat
from services.common.leases import TickLease
from services.common.outbox import Outbox
from services.common.publishing import EventPublisher
from services.common.store import Store

log = logging.getLogger(__name__)


class OutboxSession:
    """What a worker sees: make events and save them with the state change."""

    def __init__(self, outbox, source, request_id):
        self._outbox = outbox
        self._source = source
        self._request_id = request_id

    def event(self, type_, data, subject=None, version=1):
        return make_event(self._source, type_, data, subject=subject,
                          request_id=self._request_id, version=version)

    def save(self, document, *events):
        return self._outbox.save(document, events)


class EventOutbox(DependencyProvider):
    """Stores events with their state change and relays them; a loop re-relays leftovers."""

    store = Store()

    def setup(self):
        self.interval = config.relay_interval()
        self.outbox = Outbox(self.store.db, EventPublisher(config.amqp_uri(self.container.config)), config.orphan_grace())
        self.lease = TickLease(self.store.db, "outbox-relay", self.interval)

    def start(self):
        self.container.spawn_managed_thread(self._relay_forever)

    def _relay_forever(self):
        while True:
            try:
                sent = self.outbox.relay_pending() if self.lease.acquire() else 0
                if sent:
                    log.info("relayed pending events", extra={"count": sent})
            except Exception:
                log.exception("outbox relay pass failed")
            eventlet.sleep(self.interval)

    def get_dependency(self, worker_ctx):
        return OutboxSession(self.outbox, self.container.service_name,
                             worker_ctx.data.get("request_id"))


class RequestContext(DependencyProvider):
    """Puts the worker's request id into every log line it writes; keeps the process's heartbeat."""

    heartbeat = Heartbeat()  # every service has a RequestContext, so every process beats

    def worker_setup(self, worker_ctx):
        logs.bind(request_id=worker_ctx.data.get("request_id"),
                  entrypoint=worker_ctx.entrypoint.method_name)

    def worker_result(self, worker_ctx, result=None, exc_info=None):
        outcome = "ok" if exc_info is None else type(exc_info[1]).__name__
        log.info("worker finished", extra={"outcome": outcome, "call_id": worker_ctx.call_id})

    def worker_teardown(self, worker_ctx):
        logs.bind()
