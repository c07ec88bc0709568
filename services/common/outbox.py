"""The transactional outbox, built for a store without transactions or atomic updates.

A state change and the events it causes travel in ONE single-document write: the
events sit in the aggregate's own `outbox` list. Publishing never writes that document
again (on FerretDB a second writer could silently undo a concurrent change), so what is
still unpublished is tracked by one small marker document per event in
`outbox_pending`, keyed by the event id; inserts and deletes by `_id` are atomic on
every MongoDB-wire store. The order of the steps makes every crash recoverable:

1. insert the markers;            crash here: markers without a document, dropped after a grace period
2. write the document + events;   crash here: the relay finds marker + event and publishes it
3. publish with confirms;         crash here: published twice at worst; consumers dedupe on the id
4. delete the markers.

The next write of the same document drops events whose markers are gone. The relay
leaves markers younger than a couple of seconds to the worker that saved them, so the
common case publishes once; delivery stays at least once, and consumers dedupe.
"""
import logging
from datetime import datetime, timedelta, timezone

from bson import ObjectId

from services.common import faults

MARKERS = "outbox_pending"
log = logging.getLogger(__name__)


def utcnow():
    return datetime.now(timezone.utc)


class Outbox:
    """Stages, stores and relays the events of one database's documents."""

    def __init__(self, db, publish, grace_seconds=120.0, settle_seconds=2.0):
        self.db = db
        self.markers = db[MARKERS]
        self.publish = publish
        self.grace = timedelta(seconds=grace_seconds)
        # a marker younger than this is most likely still being published by the worker
        # that saved it; leaving it alone avoids publishing the same event twice
        self.settle = timedelta(seconds=settle_seconds)

    def save(self, document, events):
        """Write `document` with `events` in its outbox, then publish them."""
        if document.pk is None:
            document.pk = ObjectId()
        self.markers.insert_many([
            {"_id": e["id"], "collection": document._get_collection_name(),
             "doc_id": document.pk, "created": utcnow()} for e in events])
        document.outbox = self.unsent(document.outbox) + list(events)
        document.save(force_insert=document._created)
        faults.crash_if("crash_after_store")
        self.relay(events)
        return document

    def unsent(self, events):
        """The events still waiting for their publish confirm."""
        if not events:
            return []
        ids = [e["id"] for e in events]
        pending = {m["_id"] for m in self.markers.find({"_id": {"$in": ids}}, {"_id": 1})}
        return [e for e in events if e["id"] in pending]

    def relay(self, events):
        """Publish each event and clear its marker; a failure leaves it for the next pass."""
        sent = 0
        for event in events:
            try:
                self.publish(event)
            except Exception as exc:  # any broker failure: the marker keeps the event pending
                log.warning("event relay failed", extra={"event_id": event["id"],
                                                         "event_type": event["type"], "error": repr(exc)})
                continue
            self.markers.delete_one({"_id": event["id"]})
            sent += 1
        return sent

    def relay_pending(self, limit=500):
        """Publish what a crash or an outage left behind; returns how many were sent."""
        sent = 0
        settled = {"created": {"$lte": utcnow() - self.settle}}
        for marker in list(self.markers.find(settled).sort("created", 1).limit(limit)):
            event = self._stored_event(marker)
            if event is not None:
                sent += self.relay([event])
            elif utcnow() - _aware(marker["created"]) > self.grace:
                log.warning("dropping orphan outbox marker", extra={"event_id": marker["_id"]})
                self.markers.delete_one({"_id": marker["_id"]})
        return sent

    def pending_count(self):
        return self.markers.count_documents({})

    def _stored_event(self, marker):
        doc = self.db[marker["collection"]].find_one({"_id": marker["doc_id"]}, {"outbox": 1})
        for event in (doc or {}).get("outbox", []):
            if event["id"] == marker["_id"]:
                return event
        return None


def _aware(moment):
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
