"""Recurring bookings: which Friday evenings are taken, and booking the rest."""
from datetime import timedelta

from services.bookings.tests.conftest import booking, tomorrow


def test_a_weekly_series_reports_the_taken_evening_and_books_the_others_on_request(call, resource, database):
    lounge = resource("lounge")
    start = tomorrow(11)
    call("request_booking", booking(lounge, account="other", start=start + timedelta(days=14)))
    series = {**booking(lounge, start=start, hours=2), "every_days": 7, "count": 8}
    report = call("request_series", series)["occurrences"]
    assert [o["status"] for o in report] == ["free", "free", "taken"] + ["free"] * 5
    booked = call("request_series", {**series, "book": True})["occurrences"]
    assert [o["status"] for o in booked] == ["booked", "booked", "taken"] + ["booked"] * 5
    assert database("bookings").bookings.count_documents({"account_id": "a1"}) == 7


def test_occurrences_beyond_the_horizon_are_refused_not_booked(call, resource):
    lounge = resource("lounge", horizon_days=10)
    report = call("request_series", {**booking(lounge), "every_days": 7, "count": 3, "book": True})["occurrences"]
    assert [o["status"] for o in report] == ["booked", "booked", "refused"]
    assert "starts_at" in report[2]["errors"]
