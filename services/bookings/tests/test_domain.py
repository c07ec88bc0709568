"""Pure booking rules: slots, opening hours in Shanghai time, limits, closures, geo and iCalendar."""
from datetime import datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from services.bookings import coupons_rules, domain, geo, ical

UTC = timezone.utc
OPEN = {day: ["08:00-21:00"] for day in domain.WEEKDAYS}
NOW = datetime(2026, 12, 1, 0, 0, tzinfo=UTC)  # Tuesday 08:00 in Shanghai


def local(y, m, d, hh, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=domain.LOCAL).astimezone(UTC)


def refusal(rules=None, start=None, end=None, roles=("resident",), **kw):
    rules = rules or domain.Rules(hours=OPEN)
    start = start or local(2026, 12, 2, 19)
    end = end or start + timedelta(hours=1)
    try:
        domain.check_booking(rules, start, end, NOW, roles, **kw)
    except domain.Refused as refused:
        return refused.field, refused.message
    return None


def test_a_booking_covers_one_claim_per_quarter_hour():
    start = local(2026, 12, 2, 19)
    assert [domain.slot_key(s) for s in domain.slots(start, start + timedelta(hours=1))] == [
        "2026-12-02T11:00Z", "2026-12-02T11:15Z", "2026-12-02T11:30Z", "2026-12-02T11:45Z"]


def test_the_buffer_extends_what_a_booking_holds():
    start = local(2026, 12, 2, 19)
    held = domain.claimed_span(start, start + timedelta(hours=1), domain.Rules(buffer_minutes=15))
    assert len(domain.slots(*held)) == 5


def test_a_valid_booking_in_the_evening_is_allowed():
    assert refusal() is None


@pytest.mark.parametrize("start,end,field,words", [
    (local(2026, 11, 30, 19), local(2026, 11, 30, 20), "starts_at", "past"),
    (local(2026, 12, 2, 20, 30), local(2026, 12, 2, 21, 30), "starts_at", "opening hours"),
    (local(2026, 12, 2, 6), local(2026, 12, 2, 7), "starts_at", "opening hours"),
    (local(2026, 12, 2, 9), local(2026, 12, 2, 14), "ends_at", "at most 240"),
    (local(2026, 12, 2, 9, 5), local(2026, 12, 2, 10), "starts_at", "quarter hour"),
    (local(2026, 12, 2, 10), local(2026, 12, 2, 10), "ends_at", "after it starts"),
    (local(2027, 3, 2, 10), local(2027, 3, 2, 11), "starts_at", "60 days"),
])
def test_a_booking_outside_the_rules_names_what_is_wrong(start, end, field, words):
    found = refusal(start=start, end=end)
    assert found is not None and found[0] == field and words in found[1]


def test_opening_hours_are_read_in_shanghai_time_not_utc():
    # 14:00 UTC is 22:00 in Shanghai: closed, although it "looks" inside 08:00-21:00
    assert refusal(start=datetime(2026, 12, 2, 14, tzinfo=UTC), end=datetime(2026, 12, 2, 15, tzinfo=UTC))
    assert refusal(start=datetime(2026, 12, 2, 1, tzinfo=UTC), end=datetime(2026, 12, 2, 2, tzinfo=UTC)) is None


def test_a_resource_without_opening_hours_is_always_open():
    assert refusal(domain.Rules(), start=local(2026, 12, 2, 23, 45), end=local(2026, 12, 3, 0, 30)) is None


def test_a_role_not_allowed_is_refused():
    rules = domain.Rules(hours=OPEN, roles=("volunteer",))
    assert refusal(rules)[0] == "roles"
    assert refusal(rules, roles=("resident", "volunteer")) is None


def test_notice_closures_and_capacity_are_enforced():
    assert "ahead" in refusal(domain.Rules(hours=OPEN, notice_minutes=3 * 24 * 60))[1]
    closed = domain.Rules(hours=OPEN, closures=("2026-12-02/2026-12-03",))
    assert "closed" in refusal(closed)[1]
    assert refusal(domain.Rules(hours=OPEN, capacity=2), quantity=3)[0] == "quantity"


def test_service_sessions_open_only_inside_a_volunteers_window():
    start = local(2026, 12, 8, 9)
    window = [(local(2026, 12, 8, 9), local(2026, 12, 8, 11, 30))]
    rules = domain.Rules(max_minutes=30)
    assert refusal(rules, start, start + timedelta(minutes=30), windows=window) is None
    assert "volunteer" in refusal(rules, start, start + timedelta(minutes=30), windows=[])[1]


def test_approval_is_needed_unless_staff_book():
    rules = domain.Rules(approval=True)
    assert domain.initial_status(rules, ["resident"]) == domain.REQUESTED
    assert domain.initial_status(rules, ["social_worker"]) == domain.CONFIRMED
    assert domain.initial_status(domain.Rules(), ["resident"]) == domain.CONFIRMED


def test_cancellation_check_in_and_no_show_follow_the_clock():
    start = local(2026, 12, 2, 19)
    rules = domain.Rules(cancel_hours=24, grace_minutes=15)
    assert domain.may_cancel(rules, start, start - timedelta(hours=25))
    assert not domain.may_cancel(rules, start, start - timedelta(hours=23))
    assert domain.may_check_in(start, start + timedelta(hours=1), start - timedelta(minutes=10))
    assert not domain.no_show_due(rules, start, start + timedelta(minutes=15))
    assert domain.no_show_due(rules, start, start + timedelta(minutes=16))


def test_a_weekly_recurrence_keeps_the_local_time():
    occurrences = domain.recurrence(local(2026, 12, 4, 19), local(2026, 12, 4, 21), 7, 8)
    assert len(occurrences) == 8
    assert {o[0].astimezone(domain.LOCAL).hour for o in occurrences} == {19}
    assert domain.week_key(occurrences[0][0]) != domain.week_key(occurrences[1][0])


def test_stored_rules_come_back_as_rules():
    rules = domain.rules_from({"roles": ["volunteer"], "closures": ["2026-12-02/2026-12-03"],
                               "capacity": 3, "unknown_future_field": 1})
    assert rules.roles == ("volunteer",) and rules.capacity == 3


def test_walking_distance_is_haversine_times_a_walking_factor():
    metres = geo.haversine_m(31.2443, 121.3948, 31.2452, 121.3932)
    assert 170 < metres < 200
    walk_m, minutes = geo.walking(31.2443, 121.3948, 31.2452, 121.3932)
    assert walk_m == round(metres * geo.WALKING_FACTOR) and minutes == round(walk_m / 75, 1)


def test_geojson_puts_longitude_first():
    fc = geo.feature_collection([{"id": "p", "name": "药房", "lat": 31.2, "lng": 121.4}])
    assert fc["features"][0]["geometry"] == {"type": "Point", "coordinates": [121.4, 31.2]}
    assert fc["features"][0]["properties"] == {"id": "p", "name": "药房"}


def test_a_calendar_parses_back_with_exactly_its_events():
    start = local(2026, 12, 4, 19)
    text = ical.calendar("休息室", [{"id": "b1", "title": "电影之夜", "starts_at": start,
                                     "ends_at": start + timedelta(hours=2), "status": "confirmed"}])
    events = Calendar.from_ical(text).walk("VEVENT")
    assert [(str(e["uid"]), str(e["summary"]), e.decoded("dtstart")) for e in events] == [
        ("b1@linli", "电影之夜", start)]


def test_a_coupon_is_valid_only_inside_its_window():
    coupon = {"valid_from": NOW, "valid_until": NOW + timedelta(days=1)}
    assert coupons_rules.valid_at(coupon, NOW)
    assert not coupons_rules.valid_at(coupon, NOW + timedelta(days=1))
    assert len(coupons_rules.new_code()) == 10
