"""The gateway's events on the real broker: envelope, wire format, the outbox and its relay."""
from datetime import timedelta

import pika.exceptions
import pytest
from bson import ObjectId

from gateway.events import PikaPublisher, RelayThread
from gateway.identity import registration
from gateway.models import Account
from gateway.tests.conftest import fresh_phone
from services.common.envelope import make_event, utcnow
from services.common.outbox import Outbox

UNREACHABLE = "amqp://guest:guest@127.0.0.1:1/"


def of_type(type_, account_id):
    return lambda event: event["type"] == type_ and event["data"]["account_id"] == account_id


def test_registering_publishes_account_registered_with_the_envelope(register, events):
    phone = fresh_phone()
    response = register(phone=phone, email=f"{phone}@example.com")
    account_id = response.get_json()["account"]["id"]
    method, properties, event = events.wait_for(of_type("account_registered", account_id))
    assert method.exchange == "gateway.events" and method.routing_key == "account_registered"
    assert properties.content_type == "application/json" and properties.delivery_mode == 2
    assert properties.message_id == event["id"]
    assert {k: event[k] for k in ("specversion", "source", "subject", "datacontenttype", "dataversion")} == {
        "specversion": "1.0", "source": "linli/gateway", "subject": account_id,
        "datacontenttype": "application/json", "dataversion": 1}
    assert event["data"] == {"account_id": account_id, "display_name": "测试居民", "locale": "zh-CN",
                             "email": f"{phone}@example.com", "phone": phone}


def test_registering_publishes_the_whole_membership(register, events, community):
    account_id = register().get_json()["account"]["id"]
    _, _, event = events.wait_for(of_type("membership_granted", account_id))
    assert event["data"] == {"account_id": account_id, "community_id": community["id"], "roles": ["resident"],
                             "building_id": community["building"]["id"], "unit_id": community["unit"]["id"],
                             "grid_id": community["building"]["grid_id"]}


def test_the_request_id_travels_in_the_event_and_its_headers(client, community, events):
    body = {"display_name": "小陈", "phone": fresh_phone(), "password": "quiet-courtyard-42",
            "community_id": community["id"]}
    response = client.post("/api/v1/auth/register", json=body, headers={"X-Request-Id": "req-events-1"})
    account_id = response.get_json()["account"]["id"]
    _, properties, event = events.wait_for(of_type("account_registered", account_id))
    assert event["requestid"] == "req-events-1"
    assert properties.headers["nameko.request_id"] == "req-events-1"


def test_a_published_event_leaves_no_pending_marker(app, register):
    account_id = register().get_json()["account"]["id"]
    account = Account.objects(id=account_id).first()
    assert app.extensions["linli"].outbox.unsent(account.outbox) == []


def test_an_unroutable_publish_raises_instead_of_vanishing(stack):
    publisher = PikaPublisher(stack["amqp_uri"])
    try:
        with pytest.raises(pika.exceptions.UnroutableError):
            publisher(make_event("gateway", "nobody_listens_to_this", {}))
    finally:
        publisher.close()


def _store_while_broker_is_down(app):
    """Save an account with its event through a publisher that cannot reach any broker."""
    state = app.extensions["linli"]
    account = Account(id=ObjectId(), display_name="断网", password_hash="-", phone=fresh_phone())
    event = registration.registered_event(account)
    Outbox(state.db, PikaPublisher(UNREACHABLE), 120).save(account, [event])
    # the outage was a while ago: the marker has settled, so no saver is still on it
    state.db.outbox_pending.update_one({"_id": event["id"]}, {"$set": {"created": utcnow() - timedelta(seconds=30)}})
    return event


def test_the_relay_publishes_an_event_a_broker_outage_left_pending(app, events):
    event = _store_while_broker_is_down(app)
    outbox = app.extensions["linli"].outbox
    assert outbox.unsent([event]) == [event]
    assert outbox.relay_pending() >= 1
    events.wait_for(lambda e: e["id"] == event["id"])
    assert outbox.unsent([event]) == []


def test_the_background_relay_thread_publishes_pending_events(app, events):
    event = _store_while_broker_is_down(app)
    state = app.extensions["linli"]
    assert state.outbox.unsent([event]) == [event]
    relay = RelayThread(state.outbox, state.publisher, interval=0.1)
    relay.start()
    try:
        events.wait_for(lambda e: e["id"] == event["id"])
    finally:
        relay.stop()
        relay.join(5)
    assert state.outbox.unsent([event]) == []
