"""Reservations on the real store: the unique-insert guarantee, rules, approval, cancellation, check-in."""
from datetime import datetime, timedelta, timezone

import pytest
from bson import ObjectId
from icalendar import Calendar

from services.bookings.models import Booking
from services.bookings.tests.conftest import booking, soon, tomorrow
from services.common.errors import Conflict, Forbidden, InvalidInput, NotFound


def test_two_hundred_concurrent_requests_for_ten_places_give_exactly_ten_bookings(fire, resource, database):
    lecture = resource("lecture", capacity=10)
    outcomes = fire("request_booking", [(booking(lecture, account=f"r{n}", hours=2),) for n in range(200)])
    statuses = [o["status"] if isinstance(o, dict) else o for o in outcomes]
    assert statuses.count("confirmed") == 10 and statuses.count("Conflict") == 190
    db = database("bookings")
    assert db.bookings.count_documents({}) == 10
    assert db.slot_claims.count_documents({}) == 10 * 8  # ten seats × eight quarter hours, nothing half-written
    assert sorted({c["owner"] for c in db.slot_claims.find()}) == sorted(str(b["_id"]) for b in db.bookings.find())


def test_a_booking_is_confirmed_and_announced_through_the_outbox(call, resource, bookings_tap, database):
    drill = resource("drill", kind="equipment")
    made = call("request_booking", booking(drill, title="装书架"))
    assert made["status"] == "confirmed"
    [event] = [e for e in bookings_tap() if e["type"] == "booking_confirmed"]
    assert event["data"]["booking_id"] == made["id"] and event["data"]["starts_at"].endswith("Z")
    assert database("bookings").outbox_pending.count_documents({}) == 0


def test_an_overlapping_booking_is_refused_and_an_adjacent_one_after_the_buffer_is_not(call, resource):
    lounge = resource("lounge", buffer_minutes=15)
    call("request_booking", booking(lounge, start=tomorrow(10)))
    with pytest.raises(Conflict):
        call("request_booking", booking(lounge, account="a2", start=tomorrow(10, 30)))
    with pytest.raises(Conflict):  # inside the buffer
        call("request_booking", booking(lounge, account="a2", start=tomorrow(11)))
    assert call("request_booking", booking(lounge, account="a2", start=tomorrow(11, 15)))["status"] == "confirmed"


def test_equipment_quantities_are_seats(call, resource):
    ladders = resource("ladders", kind="equipment", capacity=3)
    call("request_booking", booking(ladders, quantity=2))
    with pytest.raises(Conflict):
        call("request_booking", booking(ladders, account="a2", quantity=2))
    call("request_booking", booking(ladders, account="a3", quantity=1))


@pytest.mark.parametrize("change,field", [
    ({"start": tomorrow(days=-2)}, "starts_at"), ({"hours": 9}, "ends_at"), ({"roles": ("shop",)}, "roles")])
def test_bad_requests_name_the_field_and_store_nothing(call, resource, database, change, field):
    room = resource("party-home", roles=["resident"], max_minutes=240)
    with pytest.raises(InvalidInput) as raised:
        call("request_booking", booking(room, **change))
    assert field in raised.value.extra["errors"]
    assert database("bookings").bookings.count_documents({}) == 0
    assert database("bookings").slot_claims.count_documents({}) == 0


def test_outside_opening_hours_is_refused(call, resource, database):
    room = resource("meeting", hours={"mon": ["09:00-10:00"]})
    with pytest.raises(InvalidInput) as raised:
        call("request_booking", booking(room))
    assert "opening hours" in raised.value.extra["errors"]["starts_at"][0]


def test_another_communitys_resource_is_not_found(call, resource, database):
    room = resource("lounge", community_id="c2")
    with pytest.raises(NotFound):
        call("request_booking", {**booking(room), "community_id": "c1"})
    assert database("bookings").slot_claims.count_documents({}) == 0


def test_approval_flow_confirms_or_declines_and_a_decline_frees_the_time(call, resource, bookings_tap):
    lounge = resource("lounge", approval=True)
    first = call("request_booking", booking(lounge, title="电影之夜"))
    assert first["status"] == "requested"
    with pytest.raises(Forbidden):
        call("confirm_booking", {"booking_id": first["id"], "actor_id": "a9", "roles": ["resident"]})
    declined = call("decline_booking", {"booking_id": first["id"], "actor_id": "sw", "roles": ["social_worker"],
                                        "reason": "场地维修"})
    assert declined["status"] == "declined" and declined["reason"] == "场地维修"
    second = call("request_booking", booking(lounge, account="a2"))
    confirmed = call("confirm_booking", {"booking_id": second["id"], "actor_id": "sw", "roles": ["social_worker"]})
    assert confirmed["status"] == "confirmed"
    with pytest.raises(Conflict):
        call("decline_booking", {"booking_id": second["id"], "actor_id": "sw", "roles": ["social_worker"]})
    types = [e["type"] for e in bookings_tap()]
    assert types == ["booking_requested", "booking_declined", "booking_requested", "booking_confirmed"]


def test_cancelling_frees_the_time_until_the_deadline(call, resource, database):
    lounge = resource("lounge", cancel_hours=2)
    made = call("request_booking", booking(lounge))
    with pytest.raises(Forbidden):
        call("cancel_booking", {"booking_id": made["id"], "actor_id": "stranger", "roles": ["resident"]})
    assert call("cancel_booking", {"booking_id": made["id"], "actor_id": "a1", "roles": ["resident"]})["status"] == "cancelled"
    assert database("bookings").slot_claims.count_documents({}) == 0
    assert call("request_booking", booking(lounge, account="a2"))["status"] == "confirmed"
    late = call("request_booking", booking(lounge, account="a3", start=soon(45)))
    with pytest.raises(Conflict):  # too late
        call("cancel_booking", {"booking_id": late["id"], "actor_id": "a3", "roles": ["resident"]})


def test_the_weekly_quota_counts_per_resident(call, resource):
    printer = resource("printer", kind="printer", max_per_week=1)
    call("request_booking", booking(printer, hours=0.25))
    with pytest.raises(Conflict, match="a week"):
        call("request_booking", booking(printer, start=tomorrow(12), hours=0.25))
    call("request_booking", booking(printer, account="a2", start=tomorrow(12), hours=0.25))


def test_check_in_by_code_and_no_show_after_grace(call, resource, bookings_tap, database):
    drill = resource("drill", kind="equipment", grace_minutes=0)
    start = soon(15)
    made = call("request_booking", booking(drill, start=start, hours=0.5))
    with pytest.raises(Forbidden):
        call("check_in_booking", {"booking_id": made["id"], "actor_id": "a1", "roles": ["resident"], "code": "000000x"})
    done = call("check_in_booking", {"booking_id": made["id"], "actor_id": "a1", "roles": ["resident"],
                                     "code": made["check_in_code"]})
    assert done["status"] == "checked_in"
    [event] = [e for e in bookings_tap() if e["type"] == "booking_checked_in"]
    assert set(event["data"]) == {"booking_id", "community_id", "account_id", "resource_id", "resource_name",
                                  "resource_kind", "starts_at", "ends_at", "shift_id", "volunteer_id"}
    # a booking whose start and grace have passed becomes a no-show (written as the store would hold it)
    late = call("request_booking", booking(drill, account="a2", start=start + timedelta(hours=2), hours=0.5))
    past = start - timedelta(hours=1)
    database("bookings").bookings.update_one({"_id": ObjectId(late["id"])},
                                            {"$set": {"starts_at": past}})
    assert call("release_no_shows") == 1
    assert call("get_booking", late["id"])["status"] == "no_show"
    assert call("release_no_shows") == 0


def test_the_resource_feed_parses_and_holds_exactly_the_live_bookings(call, resource):
    lounge = resource("lounge")
    kept = call("request_booking", booking(lounge, title="电影之夜"))
    gone = call("request_booking", booking(lounge, account="a2", start=tomorrow(12)))
    call("cancel_booking", {"booking_id": gone["id"], "actor_id": "a2", "roles": ["resident"]})
    events = Calendar.from_ical(call("resource_calendar", lounge["id"])).walk("VEVENT")
    assert [str(e["uid"]) for e in events] == [f"{kept['id']}@linli"]
    mine = Calendar.from_ical(call("resident_calendar", call("calendar_token", "a1"))).walk("VEVENT")
    assert [str(e["uid"]) for e in mine] == [f"{kept['id']}@linli"]
    with pytest.raises(NotFound):
        call("resident_calendar", "a1.forged")


def test_seats_left_by_a_crash_before_the_booking_was_written_are_given_back(call, resource, database):
    lounge = resource("lounge")
    kept = call("request_booking", booking(lounge))
    stale = datetime.now(timezone.utc) - timedelta(minutes=10)
    database("bookings").slot_claims.insert_one({"_id": f"{lounge['id']}:0:2030-01-01T00:00Z",
                                                 "owner": str(ObjectId()), "at": stale})
    database("bookings").slot_claims.update_many({"owner": kept["id"]}, {"$set": {"at": stale}})
    assert call("sweep_orphan_claims") == 1
    assert database("bookings").slot_claims.count_documents({"owner": kept["id"]}) == 4


def test_the_monthly_hours_count_no_shows_and_cancelling_gives_them_back(call, resource, database):
    room = resource("meeting", max_hours_per_month=2, max_minutes=240)
    first = call("request_booking", booking(room, start=tomorrow(1), hours=1.5))
    with pytest.raises(Conflict, match="hours a month"):
        call("request_booking", booking(room, start=tomorrow(5), hours=1))
    assert database("bookings").limits.count_documents({}) == 6  # the refused request gave its tokens back
    call("cancel_booking", {"booking_id": first["id"], "actor_id": "a1", "roles": ["resident"]})
    assert call("request_booking", booking(room, start=tomorrow(5), hours=2))["status"] == "confirmed"


def test_a_replayed_submission_key_returns_the_first_booking_and_stores_it_once(call, resource, database):
    room = resource("room", capacity=2)
    first = call("request_booking", booking(room, title="重试", submission_key="key-one"))
    again = call("request_booking", booking(room, title="重试", submission_key="key-one"))
    other = call("request_booking", booking(room, title="重试", submission_key="key-two"))
    assert again["id"] == first["id"] and other["id"] != first["id"]
    db = database("bookings")
    assert db.bookings.count_documents({"title": "重试"}) == 2
    assert db.slot_claims.count_documents({}) == 2 * 4  # two seats × four quarter hours: the replay holds none


def test_concurrent_deliveries_of_one_submission_make_one_booking(fire, resource, database):
    room = resource("room", capacity=6)  # room for all: only the submission key can keep it to one
    outcomes = fire("request_booking", [(booking(room, title="并发", submission_key="same-key"),)] * 6)
    assert len({o["id"] if isinstance(o, dict) else o for o in outcomes}) == 1, outcomes
    db = database("bookings")
    assert db.bookings.count_documents({"title": "并发"}) == 1
    assert db.slot_claims.count_documents({}) == 4  # losers released the seats they had taken


def test_each_confirmed_booking_is_reminded_once_the_day_before_and_once_the_hour_before(
        call, fire, resource, bookings_tap):
    lounge = resource("lounge")
    start = soon(36 * 60)
    kept = call("request_booking", booking(lounge, "a1", start=start))
    gone = call("request_booking", booking(lounge, "a2", start=start + timedelta(hours=2)))
    call("cancel_booking", {"booking_id": gone["id"], "actor_id": "a2", "roles": ["resident"]})
    day_before = (start - timedelta(hours=20)).isoformat()
    assert call("send_due_reminders", day_before) == 1
    assert call("send_due_reminders", day_before) == 0
    hour_before = (start - timedelta(minutes=50)).isoformat()
    assert sum(fire("send_due_reminders", [(hour_before,)] * 4)) == 1  # concurrent sweeps: one wins
    assert call("send_due_reminders", (start + timedelta(minutes=5)).isoformat()) == 0
    reminders = [e["data"] for e in bookings_tap() if e["type"] == "booking_reminder_due"]
    assert [(d["booking_id"], d["account_id"], d["reminder"]) for d in reminders] == [
        (kept["id"], "a1", "day_before"), (kept["id"], "a1", "hour_before")]


def test_one_sweep_reads_the_confirmed_bookings_once_for_reminders_and_no_shows(call, resource, bookings_tap,
                                                                             database, monkeypatch):
    drill = resource("drill", kind="equipment", grace_minutes=0)
    coming = call("request_booking", booking(drill, "a1", start=soon(30), hours=0.5))
    late = call("request_booking", booking(drill, "a2", start=soon(120), hours=0.5))
    database("bookings").bookings.update_one({"_id": ObjectId(late["id"])},
                                            {"$set": {"starts_at": datetime.now(timezone.utc) - timedelta(hours=1)}})
    reads = []
    original = Booking.objects.__class__.__call__

    def counted(queryset, *args, **query):
        reads.append(query)
        return original(queryset, *args, **query)
    monkeypatch.setattr(Booking.objects.__class__, "__call__", counted)
    assert call("sweep_confirmed") == (1, 1)
    assert len([q for q in reads if q.get("status") == "confirmed"]) == 1
    assert call("get_booking", late["id"])["status"] == "no_show"
    assert [(e["type"], e["data"]["booking_id"]) for e in bookings_tap()
            if e["type"] in ("booking_reminder_due", "booking_no_show")] == [
        ("booking_reminder_due", coming["id"]), ("booking_no_show", late["id"])]


def test_a_booking_made_within_the_hour_gets_only_the_hour_before_reminder(call, resource, bookings_tap):
    lounge = resource("lounge")
    start = soon(30)
    call("request_booking", booking(lounge, "a1", start=start))
    call("send_due_reminders")
    call("send_due_reminders")  # the service's own timer may have swept first: either way, once
    assert [e["data"]["reminder"] for e in bookings_tap() if e["type"] == "booking_reminder_due"] == ["hour_before"]
