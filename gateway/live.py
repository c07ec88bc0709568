"""The gateway's side of live delivery: one pika consumer per process, fanned out to SSE streams.

A thread of its own owns the pika connection (pika is not thread-safe): it declares one
exclusive, auto-delete queue bound to `notifications.live` with `inbox.#` and hands each
hint to the streams of its account, each a `queue.Queue` read by that stream's own thread.
It reconnects after any broker error. Hints are best-effort: the inbox is the record.
"""
import json
import logging
import queue
import threading
import time

import pika

log = logging.getLogger(__name__)
EXCHANGE = "notifications.live"


class LiveHub:
    def __init__(self, amqp_uri):
        self.amqp_uri = amqp_uri
        self.streams = {}  # account id -> set of queues
        self.lock = threading.Lock()
        self.ready = threading.Event()
        self.stopping = threading.Event()
        self.stop_consuming = None
        self.thread = threading.Thread(target=self._run, name="live-hub", daemon=True)
        self.thread.start()

    def subscribe(self, account_id):
        box = queue.Queue(maxsize=100)
        with self.lock:
            self.streams.setdefault(account_id, set()).add(box)
        return box

    def unsubscribe(self, account_id, box):
        with self.lock:
            boxes = self.streams.get(account_id, set())
            boxes.discard(box)
            if not boxes:
                self.streams.pop(account_id, None)

    def _dispatch(self, channel, method, properties, body):
        try:
            hint = json.loads(body)
        except ValueError:
            return
        with self.lock:
            boxes = list(self.streams.get(str(hint.get("account_id")), ()))
        for box in boxes:
            try:
                box.put_nowait(hint)
            except queue.Full:  # a stalled client; it will catch up from its inbox
                pass

    def stop(self):
        self.stopping.set()
        if self.stop_consuming is not None:
            self.stop_consuming()
        self.thread.join(timeout=5)

    def _run(self):
        while not self.stopping.is_set():
            try:
                self._consume()
            except Exception:
                log.warning("live hub lost the broker; reconnecting", exc_info=True)
            self.ready.clear()
            self.stopping.wait(1)

    def _consume(self):
        params = pika.URLParameters(self.amqp_uri)
        params.heartbeat = 30
        connection = pika.BlockingConnection(params)
        try:
            channel = connection.channel()
            channel.exchange_declare(EXCHANGE, exchange_type="topic", durable=True)
            declared = channel.queue_declare("", exclusive=True, auto_delete=True)
            channel.queue_bind(declared.method.queue, EXCHANGE, routing_key="inbox.#")
            channel.basic_consume(declared.method.queue, self._dispatch, auto_ack=True)
            self.stop_consuming = lambda: connection.add_callback_threadsafe(channel.stop_consuming)
            self.ready.set()
            if not self.stopping.is_set():
                channel.start_consuming()
        finally:
            if connection.is_open:
                connection.close()


_hub_lock = threading.Lock()


def hub(app, amqp_uri):
    """The process's hub, started on first use."""
    with _hub_lock:
        if "linli.live" not in app.extensions:
            app.extensions["linli.live"] = LiveHub(amqp_uri)
        return app.extensions["linli.live"]


def events(box, heartbeat, lifetime):
    """The SSE lines of one stream: hints as `inbox` events, comments as heartbeats, then the end."""
    yield "retry: 2000\n: connected\n\n"
    deadline = time.monotonic() + lifetime
    while time.monotonic() < deadline:
        try:
            hint = box.get(timeout=min(heartbeat, max(0.0, deadline - time.monotonic())))
        except queue.Empty:
            yield ": heartbeat\n\n"
            continue
        yield f"id: {hint['item_id']}\nevent: inbox\ndata: {json.dumps(hint, ensure_ascii=False)}\n\n"
