"""Live delivery to Server-Sent Events: one pika connection and exclusive queue per stream.

Each open stream declares its own exclusive, auto-delete queue (`live-<account>-<n>`)
bound to `notifications.live` with `inbox.<account_id>`, so the broker routes only that
person's hints to it, and closing the stream's connection deletes the queue. The stream's
own thread consumes it (pika is not thread-safe; nothing else touches the connection).
Hints are best-effort; `Last-Event-ID` resume reads the inbox, the record (gateway/resume.py).
"""
import json
import logging
import time
import uuid

import pika

from gateway import resume

log = logging.getLogger(__name__)
EXCHANGE = "notifications.live"
# Inbox kinds that tell a reporter or follower about their own case: sent as `event: case`.
CASE_KINDS = ("issue_reported.receipt", "issue_moved.follower", "issue_resolved.follower")


class LiveQueue:
    """One stream's connection and queue; `close()` ends both."""

    def __init__(self, amqp_uri, account_id):
        params = pika.URLParameters(amqp_uri)
        params.heartbeat = 30
        self.connection = pika.BlockingConnection(params)
        self.channel = self.connection.channel()
        self.channel.exchange_declare(EXCHANGE, exchange_type="topic", durable=True)
        self.name = f"live-{account_id}-{uuid.uuid4().hex[:8]}"
        self.channel.queue_declare(self.name, exclusive=True, auto_delete=True)
        self.channel.queue_bind(self.name, EXCHANGE, routing_key=f"inbox.{account_id}")

    def hints(self, wait):
        """Each hint as it arrives, or None after `wait` seconds without one."""
        for method, _, body in self.channel.consume(self.name, auto_ack=True, inactivity_timeout=wait):
            if method is None:
                yield None
                continue
            try:
                yield json.loads(body)
            except ValueError:
                log.warning("live hint is not JSON; dropped")

    def close(self):
        try:
            if self.connection.is_open:
                self.connection.close()
        except Exception:  # already broken: the broker drops the exclusive queue with it
            log.debug("closing a live connection failed", exc_info=True)


def frame(hint, typed):
    """One SSE event: its id resumes after it; `case` for one's own case when `typed`, else `inbox`."""
    kind = "case" if typed and hint.get("kind") in CASE_KINDS else "inbox"
    data = json.dumps(hint, ensure_ascii=False)
    return f"id: {resume.cursor(hint)}\nevent: {kind}\ndata: {data}\n\n"


def events(queue, missed, heartbeat, lifetime, typed=True):
    """The SSE text of one stream: the missed items first, then live hints, heartbeats, the end."""
    yield "retry: 2000\n: connected\n\n"
    sent = set()
    for hint in missed:
        sent.add(hint["item_id"])
        yield frame(hint, typed)
    deadline = time.monotonic() + lifetime
    for hint in queue.hints(max(0.05, min(heartbeat, lifetime))):
        if time.monotonic() >= deadline:
            return
        if hint is None:
            yield ": heartbeat\n\n"
        elif hint.get("item_id") not in sent:  # replayed already: each item is sent once
            sent.add(hint.get("item_id"))
            yield frame(hint, typed)
