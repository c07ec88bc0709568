"""Check-in codes on the real store: unique per community and local day, and check-in by the code alone."""
import random
from datetime import datetime

import pytest

from services.bookings import checkin_codes, domain
from services.bookings.tests.conftest import booking, soon, tomorrow
from services.common.errors import Conflict, InvalidInput, NotFound


def by_code(call, code, community_id="c1", actor_id="kiosk-1"):
    return call("check_in_by_code", {"community_id": community_id, "code": code, "actor_id": actor_id})


def moment(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def claim_id(made, code=None):
    """The `_id` of the claim a booking's code should have: community, local start day, code."""
    day = domain.local_day(moment(made["starts_at"]))
    return checkin_codes.code_key(made["community_id"], day, code or made["check_in_code"])


def test_bookings_of_one_day_made_at_once_never_share_a_code_even_from_a_dozen_codes(
        fire, resource, database, monkeypatch):
    monkeypatch.setattr(checkin_codes, "new_code", lambda: f"{random.randrange(12):06d}")
    monkeypatch.setattr(checkin_codes, "ATTEMPTS", 400)
    hall = resource("hall", capacity=10)
    outcomes = fire("request_booking", [(booking(hall, account=f"r{n}"),) for n in range(10)])
    codes = [o["check_in_code"] for o in outcomes]
    assert len(set(codes)) == 10, outcomes
    claims = {c["_id"]: c["owner"] for c in database("bookings").check_in_codes.find()}
    assert claims == {claim_id(o): o["id"] for o in outcomes}


def test_a_day_without_a_free_code_is_a_clear_conflict_that_holds_nothing(call, resource, database, monkeypatch):
    monkeypatch.setattr(checkin_codes, "new_code", lambda: "000001")
    hall = resource("hall", capacity=3)
    first = call("request_booking", booking(hall))
    with pytest.raises(Conflict) as raised:
        call("request_booking", booking(hall, account="a2"))
    assert "check-in code" in raised.value.detail
    db = database("bookings")
    assert db.bookings.count_documents({}) == 1 and db.slot_claims.count_documents({}) == 4
    other_day = call("request_booking", booking(hall, account="a2", start=tomorrow(days=2)))
    assert other_day["check_in_code"] == first["check_in_code"] == "000001"  # unique per day, not for ever


def test_a_code_checks_in_the_booking_whose_check_in_is_open_now_once(call, resource, bookings_tap):
    drill = resource("drill", kind="equipment")
    made = call("request_booking", booking(drill, start=soon(15), hours=0.5))
    done = by_code(call, made["check_in_code"])
    assert done["id"] == made["id"] and done["status"] == "checked_in"
    [event] = [e for e in bookings_tap() if e["type"] == "booking_checked_in"]
    assert event["data"]["booking_id"] == made["id"]
    with pytest.raises(Conflict):
        by_code(call, made["check_in_code"])


def test_a_code_is_not_found_before_its_window_opens_on_another_day_or_in_another_community(call, resource):
    drill = resource("drill", kind="equipment")
    later_today = call("request_booking", booking(drill, start=soon(120), hours=0.5))
    in_three_days = call("request_booking", booking(drill, account="a2", start=tomorrow(days=3)))
    for code in (later_today["check_in_code"], in_three_days["check_in_code"]):
        with pytest.raises(NotFound):
            by_code(call, code)
    now = call("request_booking", booking(drill, account="a3", start=soon(15), hours=0.5))
    with pytest.raises(NotFound):
        by_code(call, now["check_in_code"], community_id="c2")
    unknown = next(f"{n:06d}" for n in range(10 ** 6) if f"{n:06d}" != now["check_in_code"])
    with pytest.raises(NotFound):
        by_code(call, unknown)


def test_a_booking_waiting_for_approval_is_not_checked_in_by_its_code(call, resource):
    lounge = resource("lounge", approval=True)
    made = call("request_booking", booking(lounge, start=soon(15), hours=0.5))
    assert made["status"] == "requested"
    with pytest.raises(NotFound):
        by_code(call, made["check_in_code"])
    assert call("get_booking", made["id"])["status"] == "requested"


@pytest.mark.parametrize("code", ["12345", "1234567", "12a456", "", "123456\n", None])
def test_a_code_that_is_not_six_digits_is_invalid_input_naming_the_code(call, code):
    with pytest.raises(InvalidInput) as raised:
        by_code(call, code)
    assert "code" in raised.value.extra["errors"]


def test_concurrent_replays_of_one_submission_leave_one_claim_naming_the_booking_with_its_code(
        fire, resource, database):
    room = resource("room", capacity=6)
    outcomes = fire("request_booking", [(booking(room, submission_key="same-key"),)] * 6)
    made = next(o for o in outcomes if isinstance(o, dict))
    claims = list(database("bookings").check_in_codes.find())
    assert [(c["_id"], c["owner"]) for c in claims] == [(claim_id(made), made["id"])]


def test_a_stale_claim_naming_a_booking_with_another_code_counts_as_absent(call, resource, database):
    drill = resource("drill", kind="equipment")
    made = call("request_booking", booking(drill, start=soon(15), hours=0.5))
    lost = f"{(int(made['check_in_code']) + 1) % 10 ** 6:06d}"  # as a replay that lost and crashed would leave it
    database("bookings").check_in_codes.insert_one({"_id": claim_id(made, lost), "owner": made["id"]})
    with pytest.raises(NotFound):
        by_code(call, lost)
    assert by_code(call, made["check_in_code"])["status"] == "checked_in"


def test_a_booking_made_before_codes_were_claimed_is_not_found_by_code_but_staff_check_it_in(
        call, resource, database):
    drill = resource("drill", kind="equipment")
    made = call("request_booking", booking(drill, start=soon(15), hours=0.5))
    database("bookings").check_in_codes.delete_many({})
    with pytest.raises(NotFound):
        by_code(call, made["check_in_code"])
    done = call("check_in_booking", {"booking_id": made["id"], "actor_id": "s1", "roles": ["pm_staff"]})
    assert done["status"] == "checked_in"


def test_an_offer_from_the_waitlist_gets_a_claimed_code(call, resource, database):
    lounge = resource("lounge")
    taken = call("request_booking", booking(lounge))
    call("join_waitlist", booking(lounge, account="a2"))
    call("cancel_booking", {"booking_id": taken["id"], "actor_id": "a1", "roles": ["resident"]})
    offered = [b for b in call("list_bookings", "c1", "a2") if b["status"] == "offered"]
    assert len(offered) == 1 and offered[0]["check_in_code"]
    owner = database("bookings").check_in_codes.find_one({"_id": claim_id(offered[0])})["owner"]
    assert owner == offered[0]["id"]


def test_check_in_by_code_looks_at_yesterday_today_and_tomorrow_in_local_time():
    just_after_midnight = moment("2026-11-24T00:05:00+08:00")  # 2026-11-23 16:05 UTC
    days = [d.isoformat() for d in domain.check_in_days(just_after_midnight)]
    assert days == ["2026-11-23", "2026-11-24", "2026-11-25"]
