"""The sender of outside deliveries, apart from the event handlers that queue them.

A loop in each service process takes the deliveries that are due. Before each attempt
it inserts a claim `<delivery>#<n>` under a unique `_id`: only the process whose insert
succeeds sends, so two instances never send one attempt twice, and only that process
writes the delivery afterwards. A claim whose owner died mid-send is never retried (the
message may have gone out); after a lease it is marked `failed` for staff to see.
"""
import hashlib
import logging
import random
from datetime import datetime, timedelta, timezone

import eventlet
from mongoengine import NotUniqueError
from nameko.extensions import DependencyProvider

from services.common.config import env
from services.common.store import Store
from services.notifications import channels, policy
from services.notifications.models import Delivery, DeliveryAttempt

log = logging.getLogger(__name__)


def utcnow():
    return datetime.now(timezone.utc)


class Courier(DependencyProvider):
    store = Store()

    def setup(self):
        self.interval = float(env("LINLI_DELIVERY_INTERVAL", "1"))
        self.base = float(env("LINLI_DELIVERY_BACKOFF", "2"))
        self.cap = float(env("LINLI_DELIVERY_BACKOFF_CAP", "600"))
        self.max_attempts = int(env("LINLI_DELIVERY_ATTEMPTS", "6"))
        self.lease = timedelta(seconds=float(env("LINLI_DELIVERY_LEASE", "120")))
        self.senders = channels.senders()
        self.pool = eventlet.GreenPool(10)

    def start(self):
        self.container.spawn_managed_thread(self._run)

    def get_dependency(self, worker_ctx):
        return Outgoing()

    def _run(self):
        while True:
            try:
                self.gather_digests()
                self.send_due()
            except Exception:
                log.exception("delivery pass failed")
            eventlet.sleep(self.interval)

    def send_due(self):
        """Attempt every queued delivery that is due, a few at a time."""
        for delivery in Delivery.objects(status="queued", due_at__lte=utcnow()).order_by("due_at").limit(200):
            self.pool.spawn_n(self.attempt, delivery)
        self.pool.waitall()

    def attempt(self, delivery):
        number = delivery.attempts + 1
        claim = DeliveryAttempt(id=f"{delivery.id}#{number}", delivery_id=delivery.id, at=utcnow())
        try:
            claim.save(force_insert=True)
        except NotUniqueError:
            return self._abandon_if_stale(delivery, number)
        error = self._send(delivery)
        claim.update(set__error=error)
        self._settle(delivery, number, error)

    def _send(self, delivery):
        try:
            self.senders[delivery.channel].send(delivery.address, delivery.title, delivery.body)
        except channels.SendFailed as exc:
            return str(exc)
        except Exception as exc:  # a channel bug must not stop the other deliveries
            log.exception("channel raised", extra={"delivery_id": delivery.id})
            return repr(exc)
        return None

    def _settle(self, delivery, number, error):
        now = utcnow()
        changes = {"attempts": number}
        if error is None:
            changes.update(status="sent", sent_at=now)
        elif number >= self.max_attempts:
            changes.update(status="failed", last_error=error)
        else:
            wait = policy.backoff(number, self.base, self.cap, random.random())
            changes.update(last_error=error, due_at=now + timedelta(seconds=wait))
        Delivery.objects(id=delivery.id).update_one(**{f"set__{k}": v for k, v in changes.items()})
        log.info("delivery attempted", extra={"delivery_id": delivery.id, "attempt": number,
                                              "status": changes.get("status", "queued"), "error": error})

    def _abandon_if_stale(self, delivery, number):
        claim = DeliveryAttempt.objects(id=f"{delivery.id}#{number}").first()
        if claim and claim.error is not None:  # it failed, and its sender died before recording that
            return self._settle(delivery, number, claim.error)
        if claim and _aware(claim.at) < utcnow() - self.lease:
            Delivery.objects(id=delivery.id).update_one(
                set__status="failed", set__attempts=number,
                set__last_error=f"attempt {number} was interrupted; it may or may not have been sent")

    def gather_digests(self):
        """Fold held low-priority messages that are due into one digest per person and channel."""
        groups = {}
        for held in Delivery.objects(status="held", due_at__lte=utcnow()).order_by("created_at"):
            groups.setdefault((held.account_id, held.channel), []).append(held)
        for items in groups.values():
            self._digest(items)

    def _digest(self, items):
        first = items[0]
        key = hashlib.sha1("|".join(i.id for i in items).encode()).hexdigest()[:16]
        try:
            Delivery(id=f"digest:{first.account_id}:{first.channel}:{key}", account_id=first.account_id,
                     community_id=first.community_id, channel=first.channel, address=first.address,
                     title=digest_title(len(items)), body="\n".join(f"• {i.title}" for i in items),
                     event_id=f"digest:{key}", due_at=utcnow(), created_at=utcnow()).save(force_insert=True)
        except NotUniqueError:
            pass  # made before a crash; only the marking below was left to do
        Delivery.objects(id__in=[i.id for i in items]).update(set__status="digested")


class Outgoing:
    """What a worker sees: queue a delivery; the same (event, person, channel) twice is one."""

    def queue(self, delivery):
        try:
            delivery.save(force_insert=True)
            return True
        except NotUniqueError:
            return False


def digest_title(count):
    return f"邻里每日摘要：{count} 条消息 / Linli daily digest: {count} messages"


def _aware(at):
    return at if at.tzinfo else at.replace(tzinfo=timezone.utc)
