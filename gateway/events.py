"""The gateway's events, published with pika the way nameko's EventDispatcher publishes.

Durable topic exchange `gateway.events`, routing key = event type, a JSON body, persistent
delivery, publisher confirms, and `mandatory` so an unroutable publish raises instead of
vanishing; the outbox then keeps the event pending until a relay pass gets it through.
"""
import json
import logging
import threading

import pika
from pika.exceptions import AMQPConnectionError, ChannelClosed, ChannelWrongStateError

from services.common import topology
from services.common.envelope import exchange_of
from services.common.leases import TickLease

log = logging.getLogger(__name__)
RECONNECTABLE = (AMQPConnectionError, ChannelClosed, ChannelWrongStateError, OSError)


class PikaPublisher:
    """One confirmed channel per process, shared by threads under a lock."""

    def __init__(self, amqp_uri):
        self.amqp_uri = amqp_uri
        self.lock = threading.Lock()
        self.connection = self.channel = None
        self.topology_ready = False

    def __call__(self, event):
        with self.lock:
            self._declare_topology()
            try:
                self._publish(event)
            except RECONNECTABLE:  # a stale connection (broker restart, idle close): one more try
                self._close()
                self._publish(event)

    def declare_topology(self):
        """Make every exchange, queue and binding exist before the first publish."""
        with self.lock:
            self._declare_topology()

    def keepalive(self):
        """Let pika answer heartbeats on an idle connection."""
        with self.lock:
            try:
                if self.connection is not None and self.connection.is_open:
                    self.connection.process_data_events(0)
            except RECONNECTABLE:
                self._close()

    def close(self):
        with self.lock:
            self._close()

    def _declare_topology(self):
        if not self.topology_ready:
            topology.declare_all(self.amqp_uri)
            self.topology_ready = True

    def _publish(self, event):
        headers = {"nameko.request_id": event["requestid"]} if event.get("requestid") else {}
        properties = pika.BasicProperties(content_type="application/json", content_encoding="utf-8",
                                          delivery_mode=2, message_id=event["id"], headers=headers)
        self._channel().basic_publish(exchange=exchange_of(event), routing_key=event["type"],
                                      body=json.dumps(event, ensure_ascii=False).encode("utf-8"),
                                      properties=properties, mandatory=True)

    def _channel(self):
        if self.channel is None or not self.channel.is_open:
            self._close()
            self.connection = pika.BlockingConnection(pika.URLParameters(self.amqp_uri))
            self.channel = self.connection.channel()
            self.channel.confirm_delivery()
        return self.channel

    def _close(self):
        try:
            if self.connection is not None and self.connection.is_open:
                self.connection.close()
        except Exception:  # closing a broken connection may fail; it is dropped either way
            log.debug("closing the event connection failed", exc_info=True)
        self.connection = self.channel = None


class RelayThread(threading.Thread):
    """Re-publishes what the outbox still holds, every `interval` seconds, in this process."""

    def __init__(self, outbox, publisher, interval):
        super().__init__(name="gateway-outbox-relay", daemon=True)
        self.outbox, self.publisher, self.interval = outbox, publisher, interval
        self.lease = TickLease(outbox.db, "outbox-relay", interval)  # one relay pass per tick, of all workers
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.wait(self.interval):
            try:
                if self.lease.acquire() and (sent := self.outbox.relay_pending()):
                    log.info("relayed pending events", extra={"count": sent})
                self.publisher.keepalive()
            except Exception:
                log.exception("outbox relay pass failed")

    def stop(self):
        self.stopping.set()
