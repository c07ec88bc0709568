"""The outbox on the real store and broker: nothing lost across a failed or crashed publish."""
from datetime import datetime, timedelta, timezone

import mongoengine
import pytest
from kombu import Connection, Exchange, Queue
from nameko.amqp.publish import UndeliverableMessage

from services.common import store
from services.common.documents import OutboxDocument
from services.common.envelope import make_event
from services.common.outbox import Outbox
from services.common.publishing import EventPublisher


class Parcel(OutboxDocument):
    label = mongoengine.StringField()
    meta = {"db_alias": "outboxtest", "collection": "parcels"}


@pytest.fixture
def db(linli_config):
    database = store.connect("outboxtest")
    yield database
    mongoengine.disconnect("outboxtest")


@pytest.fixture
def tap(linli_config):
    """A queue on outboxtest.events that collects the published event ids."""
    with Connection(linli_config["AMQP_URI"]) as conn:
        queue = Queue("tap", Exchange("outboxtest.events", type="topic", durable=True), routing_key="#")(conn.channel())
        queue.declare()

        def drain():
            ids = []
            while (message := queue.get(no_ack=True)) is not None:
                ids.append(message.payload["id"])
            return ids
        yield drain


@pytest.fixture
def publish(linli_config):
    return EventPublisher(linli_config["AMQP_URI"])


def event(label="made"):
    return make_event("outboxtest", f"parcel_{label}", {"label": label})


def broken(_event):
    raise ConnectionError("broker unreachable")


def test_saving_stores_the_document_with_its_events_and_publishes_them(db, tap, publish):
    made = event()
    Outbox(db, publish).save(Parcel(label="a"), [made])
    stored = db.parcels.find_one()
    assert [e["id"] for e in stored["outbox"]] == [made["id"]]
    assert tap() == [made["id"]]
    assert db.outbox_pending.count_documents({}) == 0


def test_an_event_whose_publish_failed_is_relayed_by_the_next_pass(db, tap, publish):
    made = event()
    Outbox(db, broken).save(Parcel(label="a"), [made])
    assert tap() == []
    assert db.outbox_pending.count_documents({}) == 1
    assert Outbox(db, publish).relay_pending() == 0  # still settling: its saver may be publishing it
    assert Outbox(db, publish, settle_seconds=0).relay_pending() == 1
    assert tap() == [made["id"]]
    assert Outbox(db, publish, settle_seconds=0).relay_pending() == 0


def test_a_publish_no_queue_receives_is_refused_and_kept_pending(db, linli_config, publish):
    with Connection(linli_config["AMQP_URI"]) as conn:
        Exchange("outboxtest.events", type="topic", durable=True)(conn.channel()).declare()
    lost = make_event("outboxtest", "parcel_nobody_listens_to", {})
    with pytest.raises(UndeliverableMessage):
        publish(lost)
    Outbox(db, publish).save(Parcel(label="a"), [lost])
    assert db.outbox_pending.find_one({"_id": lost["id"]}) is not None


def test_a_marker_whose_write_never_happened_is_dropped_after_the_grace_period(db, publish):
    old = datetime.now(timezone.utc) - timedelta(minutes=10)
    db.outbox_pending.insert_one({"_id": "orphan", "collection": "parcels", "doc_id": "none", "created": old})
    db.outbox_pending.insert_one({"_id": "young", "collection": "parcels", "doc_id": "none",
                                  "created": datetime.now(timezone.utc)})
    Outbox(db, publish, grace_seconds=60, settle_seconds=0).relay_pending()
    assert [m["_id"] for m in db.outbox_pending.find()] == ["young"]


def test_the_next_write_drops_sent_events_and_keeps_unsent_ones(db, publish, tap):
    first, second, third = event("first"), event("second"), event("third")
    parcel = Outbox(db, publish).save(Parcel(label="a"), [first])
    parcel.label = "b"
    Outbox(db, broken).save(parcel, [second])
    parcel.label = "c"
    Outbox(db, publish).save(parcel, [third])
    stored = db.parcels.find_one()
    assert stored["label"] == "c"
    assert [e["id"] for e in stored["outbox"]] == [second["id"], third["id"]]
    assert set(tap()) == {first["id"], third["id"]}
