"""An event handler that never drops an event silently and never applies one twice.

nameko acks a message even when its handler raises. This handler acks only after it has
either recorded the event as processed, or re-published it to a delay queue (a retry
with backoff), or, once the retries are used up, to the dead-letter queue that staff can
inspect and replay (`python -m services.common.deadletters`). If even that publish
fails, the message is requeued. A processed event's id is recorded under a unique key;
a second delivery of it is acked without running the handler.

A handler must itself be safe to run twice for one event (a crash can fall between its
effects and the record): write its effects under keys derived from the event id.
"""
import logging
from datetime import datetime, timezone
from functools import partial

from kombu import Connection
from nameko.amqp.publish import Publisher
from nameko.constants import PERSISTENT
from nameko.events import SERVICE_POOL, EventHandler
from nameko.exceptions import ContainerBeingKilled
from nameko.messaging import Consumer, QueueConsumer
from pymongo.errors import PyMongoError

from services.common import config, topology
from services.common.idempotency import ProcessedEvents
from services.common.store import Store

log = logging.getLogger(__name__)
ATTEMPT = "x-linli-attempt"


class ReliableQueueConsumer(QueueConsumer):
    """nameko's queue consumer, except that a message kombu cannot decode is dead-lettered.

    Left alone, kombu logs it and never acks it: it would sit unacked, holding a prefetch
    slot, and come back after every reconnect.
    """

    def get_consumers(self, consumer_cls, channel):
        consumers = super().get_consumers(consumer_cls, channel)
        for provider, consumer in self._consumers.items():
            consumer.on_decode_error = getattr(provider, "undecodable", None)
        return consumers


class ReliableEventHandler(EventHandler):
    store = Store()
    queue_consumer = ReliableQueueConsumer()

    def __init__(self, source_service, event_type, **kwargs):
        super().__init__(source_service, event_type, handler_type=SERVICE_POOL,
                         reliable_delivery=True, requeue_on_error=False, **kwargs)

    def setup(self):
        subscription = topology.Subscription(self.source_service, self.event_type,
                                             self.container.service_name, self.method_name)
        self.queue = topology.consumer_queue(subscription)  # nameko's queue, or one for every type
        Consumer.setup(self)
        self.delays = config.retry_delays()
        self.publisher = Publisher(config.amqp_uri(self.container.config), use_confirms=True, delivery_mode=PERSISTENT)
        self.processed = ProcessedEvents(self.store.db)
        with Connection(config.amqp_uri(self.container.config)) as conn:
            topology.declare_subscription(conn.channel(), subscription, self.delays)

    def handle_message(self, body, message):
        event_id = body.get("id") if isinstance(body, dict) else None
        if event_id and self._seen(event_id):
            log.info("duplicate event skipped", extra={"event_id": event_id, "queue": self.queue.name})
            self.queue_consumer.ack_message(message)
            return
        context_data = self.unpack_message_headers(message)
        if isinstance(body, dict) and body.get("requestid"):
            context_data["request_id"] = body["requestid"]
        try:
            self.container.spawn_worker(self, (body,), {}, context_data=context_data,
                                        handle_result=partial(self.settle, message, event_id))
        except ContainerBeingKilled:
            self.queue_consumer.requeue_message(message)

    def _seen(self, event_id):
        """Whether the event is recorded as processed; if the store cannot tell, let the worker find out.

        This runs in the consumer's thread, where an error would kill the container: with the
        store down, the worker fails too and the event goes to a delay queue (handlers are safe
        to run twice), so a store outage costs retries, not the process.
        """
        try:
            return self.processed.seen(self.queue.name, event_id)
        except PyMongoError as exc:
            log.warning("processed-events check failed; handing the event to a worker",
                        extra={"event_id": event_id, "queue": self.queue.name, "error": repr(exc)})
            return False

    def undecodable(self, message, exc):
        headers = {k: v for k, v in (message.headers or {}).items() if k != "x-death"}
        self.dead_letter(message, headers, f"undecodable message: {exc!r}")
        message.ack()

    def settle(self, message, event_id, worker_ctx, result=None, exc_info=None):
        """Record success, or schedule a retry / dead-letter; ack only once that is safe."""
        try:
            if exc_info is None:
                if event_id:
                    self.processed.record(self.queue.name, event_id)
            else:
                self.retry_later(message, event_id, exc_info)
        except Exception:
            log.exception("could not settle event; requeueing", extra={"event_id": event_id})
            self.queue_consumer.requeue_message(message)
            return result, exc_info
        self.queue_consumer.ack_message(message)
        return result, exc_info

    def retry_later(self, message, event_id, exc_info):
        headers = {k: v for k, v in (message.headers or {}).items() if k != "x-death"}
        attempt = int(headers.get(ATTEMPT, 0))
        headers[ATTEMPT] = attempt + 1
        fields = {"event_id": event_id, "queue": self.queue.name, "attempt": attempt + 1,
                  "error": repr(exc_info[1])}
        if attempt < len(self.delays):
            key = f"{topology.delay_key(self.delays[attempt])}.{self.queue.name}"
            self._republish(message, topology.DELAY_EXCHANGE, key, headers)
            log.warning("event handler failed; will retry", extra=fields)
        else:
            self.dead_letter(message, headers, repr(exc_info[1]))

    def dead_letter(self, message, headers, error):
        headers.update({"x-linli-queue": self.queue.name, "x-linli-error": error[:1000],
                        "x-linli-failed-at": datetime.now(timezone.utc).isoformat()})
        self._republish(message, topology.DEAD_LETTER_EXCHANGE, self.queue.name, headers)
        log.error("event dead-lettered", extra={"queue": self.queue.name, "error": error[:1000]})

    def _republish(self, message, exchange, routing_key, headers):
        self.publisher.publish(message.body, exchange=exchange, routing_key=routing_key,
                               headers=headers, mandatory=True,
                               content_type=message.content_type or "application/json",
                               content_encoding=message.content_encoding or "utf-8")


event_handler = ReliableEventHandler.decorator
