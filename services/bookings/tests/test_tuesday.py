"""Tuesday service slots open and close with the volunteers service's real shift events."""
from datetime import timedelta

import pytest

from services.bookings.tests.conftest import booking, tomorrow
from services.common.envelope import make_event
from services.common.errors import Conflict, InvalidInput
from services.conftest import wait_until


def shift(kind, shift_id, volunteer_id, start, minutes=150, **extra):
    return make_event("volunteers", kind, {
        "shift_id": shift_id, "activity_id": "act-1", "community_id": "c1", "volunteer_id": volunteer_id,
        "skill": "hairdressing", "place": "37°便民空间", "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(minutes=minutes)).isoformat(), "activity_kind": "tuesday_service", **extra})


@pytest.fixture
def haircut(resource):
    return resource("haircut", kind="service", skill="hairdressing", max_minutes=30)


def test_a_haircut_slot_exists_only_while_a_hairdresser_is_signed_up(call, haircut, publish, database):
    start = tomorrow(1)
    with pytest.raises(InvalidInput, match="volunteer"):
        call("request_booking", booking(haircut, start=start, hours=0.5))
    publish(shift("shift_signed_up", "s1", "v1", start))
    wait_until(lambda: database("bookings").service_windows.count_documents({}) == 1)
    made = call("request_booking", booking(haircut, start=start, hours=0.5))
    assert (made["status"], made["shift_id"], made["volunteer_id"]) == ("confirmed", "s1", "v1")
    with pytest.raises(Conflict):  # one hairdresser, one chair
        call("request_booking", booking(haircut, account="a2", start=start, hours=0.5))


def test_a_second_volunteer_adds_a_chair_and_takes_over_when_the_first_withdraws(
        call, haircut, publish, database, bookings_tap):
    start = tomorrow(1)
    publish(shift("shift_signed_up", "s1", "v1", start))
    wait_until(lambda: database("bookings").service_windows.count_documents({}) == 1)
    first = call("request_booking", booking(haircut, start=start, hours=0.5))
    publish(shift("shift_signed_up", "s1", "v2", start))
    wait_until(lambda: database("bookings").service_windows.count_documents({}) == 2)
    second = call("request_booking", booking(haircut, account="a2", start=start, hours=0.5))
    assert {first["volunteer_id"], second["volunteer_id"]} == {"v1", "v2"}
    publish(shift("shift_withdrawn", "s1", first["volunteer_id"], start, late=True))
    wait_until(lambda: call("get_booking", first["id"])["status"] == "cancelled")
    assert call("get_booking", first["id"])["reason"] == "volunteer_withdrawn"
    assert call("get_booking", second["id"])["status"] == "confirmed"


def test_a_withdrawal_moves_a_booking_to_another_free_volunteer(call, haircut, publish, database, bookings_tap):
    start = tomorrow(1)
    publish(shift("shift_signed_up", "s1", "v1", start))
    publish(shift("shift_signed_up", "s2", "v2", start))
    wait_until(lambda: database("bookings").service_windows.count_documents({}) == 2)
    made = call("request_booking", booking(haircut, start=start, hours=0.5))
    publish(shift("shift_withdrawn", made["shift_id"], made["volunteer_id"], start, late=False))
    wait_until(lambda: call("get_booking", made["id"])["volunteer_id"] != made["volunteer_id"])
    moved = call("get_booking", made["id"])
    assert moved["status"] == "confirmed"
    wait_until(lambda: any(e["type"] == "booking_moved" for e in bookings_tap()))
    assert database("bookings").slot_claims.count_documents({}) == 2  # the new volunteer's two quarter hours
