"""The waitlist on the real store: first come first served, a held offer, acceptance or lapse to the next."""
from datetime import datetime, timedelta, timezone

import pytest
from bson import ObjectId

from services.bookings.tests.conftest import booking
from services.common.errors import Conflict


def waiting(database):
    return [e["account_id"] for e in database("bookings").waitlist.find().sort("_id", 1)]


def test_concurrent_joiners_each_get_their_own_place_in_line(resource, fire, database):
    lounge = resource("lounge")
    outcomes = fire("join_waitlist", [(booking(lounge, account=f"w{n}"),) for n in range(20)])
    assert sorted(o["position"] for o in outcomes) == list(range(1, 21))
    assert len(set(waiting(database))) == 20


def test_freed_time_is_offered_to_the_first_in_line_and_held_for_them(call, resource, database, bookings_tap):
    lounge = resource("lounge")
    first = call("request_booking", booking(lounge, account="a1"))
    assert call("join_waitlist", booking(lounge, account="a2"))["position"] == 1
    assert call("join_waitlist", booking(lounge, account="a3"))["position"] == 2
    with pytest.raises(Conflict):
        call("join_waitlist", booking(lounge, account="a2"))
    call("cancel_booking", {"booking_id": first["id"], "actor_id": "a1", "roles": ["resident"]})
    [offered] = [e for e in bookings_tap() if e["type"] == "waitlist_offered"]
    assert offered["data"]["account_id"] == "a2" and offered["data"]["hold_until"].endswith("Z")
    with pytest.raises(Conflict):  # the time is held for a2
        call("request_booking", booking(lounge, account="a4"))
    with pytest.raises(Exception):
        call("accept_offer", {"booking_id": offered["data"]["booking_id"], "actor_id": "a3", "roles": ["resident"]})
    accepted = call("accept_offer", {"booking_id": offered["data"]["booking_id"], "actor_id": "a2",
                                     "roles": ["resident"]})
    assert accepted["status"] == "confirmed"


def test_an_offer_not_taken_in_time_goes_to_the_next_in_line(call, resource, database, bookings_tap):
    lounge = resource("lounge")
    first = call("request_booking", booking(lounge, account="a1"))
    call("join_waitlist", booking(lounge, account="a2"))
    call("join_waitlist", booking(lounge, account="a3"))
    call("cancel_booking", {"booking_id": first["id"], "actor_id": "a1", "roles": ["resident"]})
    [offer] = [e["data"] for e in bookings_tap() if e["type"] == "waitlist_offered"]
    past = datetime.now(timezone.utc) - timedelta(minutes=1)
    database("bookings").bookings.update_one({"_id": ObjectId(offer["booking_id"])}, {"$set": {"hold_until": past}})
    assert call("expire_offers") == 1
    assert call("get_booking", offer["booking_id"])["status"] == "expired"
    offers = [e["data"]["account_id"] for e in bookings_tap() if e["type"] == "waitlist_offered"]
    assert offers == ["a2", "a3"]
    assert call("expire_offers") == 0
