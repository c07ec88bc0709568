"""Pure rules of case handling: routing, time limits on the Chinese calendar, duplicates, rates."""
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from services.issues import domain
from services.issues.domain import Limits, Route

SH = ZoneInfo("Asia/Shanghai")
UTC = timezone.utc


def shanghai(*args):
    return datetime(*args, tzinfo=SH).astimezone(UTC)


RULES = {("parking", "g1"): Route("oc", "oc-parking"), ("parking", "*"): Route("rc", "rc-parking"),
         ("*", "g2"): Route("pm", "pm-grid-2"), ("*", "*"): Route("rc", "rc-desk")}


@pytest.mark.parametrize("category,grid,expected", [
    ("parking", "g1", Route("oc", "oc-parking")),     # category and grid both match
    ("parking", "g2", Route("rc", "rc-parking")),     # the category rule beats the grid rule
    ("noise", "g2", Route("pm", "pm-grid-2")),        # the grid rule beats the catch-all
    ("noise", "g9", Route("rc", "rc-desk")),          # the community's catch-all
])
def test_routing_takes_the_most_specific_rule(category, grid, expected):
    assert domain.route(RULES, category, grid) == expected


def test_without_rules_a_case_goes_to_the_built_in_party():
    assert domain.route({}, "elevators", "g1") == Route("pm", "pm-service-desk")
    assert domain.route({}, "non_motor_vehicles", None) == Route("rc", "rc-duty")


def test_a_community_limit_overrides_the_built_in_one():
    assert domain.limits_for({"noise": Limits(4, 2)}, "noise") == Limits(4, 2)
    assert domain.limits_for({}, "elevators") == Limits(2, 2)
    assert domain.limits_for({}, "noise") == Limits()


def test_the_response_is_due_after_plain_hours_even_over_a_weekend():
    reported = shanghai(2026, 11, 27, 17, 0)  # a Friday
    assert domain.respond_by(reported, Limits(24, 5)) == reported + timedelta(hours=24)


def test_one_working_day_from_a_friday_ends_with_monday_in_shanghai():
    assert domain.resolve_by(shanghai(2026, 11, 27, 10, 0), Limits(24, 1)) == shanghai(2026, 12, 1, 0, 0)


def test_the_day_of_the_report_is_the_shanghai_day_not_the_utc_day():
    thursday_late = datetime(2026, 11, 26, 15, 30, tzinfo=UTC)   # 23:30 Thursday in Shanghai
    friday_early = datetime(2026, 11, 26, 16, 30, tzinfo=UTC)    # 00:30 Friday in Shanghai
    assert domain.resolve_by(thursday_late, Limits(24, 1)) == shanghai(2026, 11, 28, 0, 0)
    assert domain.resolve_by(friday_early, Limits(24, 1)) == shanghai(2026, 12, 1, 0, 0)


def test_the_national_day_holidays_are_skipped():
    assert domain.resolve_by(shanghai(2026, 9, 30, 10, 0), Limits(24, 1)) == shanghai(2026, 10, 9, 0, 0)


def test_an_adjusted_saturday_counts_as_a_working_day():
    assert domain.is_working_day(datetime(2026, 10, 10).date())  # made up for the National Day week
    assert domain.resolve_by(shanghai(2026, 10, 9, 10, 0), Limits(24, 1)) == shanghai(2026, 10, 11, 0, 0)


def test_spring_festival_stretches_five_working_days_across_two_weeks():
    # 2026-02-13 (Fri); 14th is an adjusted Saturday workday; 16th–23rd are off.
    assert domain.resolve_by(shanghai(2026, 2, 13, 9, 0), Limits(24, 5)) == shanghai(2026, 2, 28, 0, 0)


def test_a_case_is_overdue_for_response_only_while_nobody_has_responded():
    due, later = shanghai(2026, 3, 2, 10, 0), shanghai(2026, 3, 9, 0, 0)
    assert domain.overdue_limits("submitted", due + timedelta(seconds=1), due, later, False) == ["respond"]
    assert domain.overdue_limits("submitted", due, due, later, False) == []
    assert domain.overdue_limits("accepted", due + timedelta(hours=1), due, later, True) == []


def test_a_case_resolved_or_closed_is_never_overdue():
    due = shanghai(2026, 3, 2, 10, 0)
    assert domain.overdue_limits("resolved", due + timedelta(days=30), due, due, True) == []
    assert domain.overdue_limits("closed", due + timedelta(days=30), due, due, True) == []
    assert domain.overdue_limits("in_progress", due + timedelta(days=30), due, due, True) == ["resolve"]


def case(status="submitted", **overrides):
    return {"id": "x", "category": "non_motor_vehicles", "status": status, "created_at": shanghai(2026, 3, 2, 9, 0),
            "location": {"building_id": "b3", "lat": 31.2300, "lng": 121.4000}, **overrides}


def test_an_open_case_in_the_same_building_is_offered_as_me_too():
    found = domain.duplicate_candidates("non_motor_vehicles", {"building_id": "b3"}, [case()])
    assert [c["id"] for c in found] == ["x"]


def test_a_point_within_eighty_metres_is_near_and_one_further_is_not():
    near = {"building_id": "b9", "lat": 31.2300 + 0.0007, "lng": 121.4000}   # about 78 m north
    far = {"building_id": "b9", "lat": 31.2300 + 0.0008, "lng": 121.4000}    # about 89 m north
    assert domain.duplicate_candidates("non_motor_vehicles", near, [case()])
    assert not domain.duplicate_candidates("non_motor_vehicles", far, [case()])


def test_closed_cases_and_other_categories_are_no_duplicates():
    here = {"building_id": "b3"}
    assert not domain.duplicate_candidates("non_motor_vehicles", here, [case("closed"), case("resolved")])
    assert not domain.duplicate_candidates("noise", here, [case()])


def test_only_an_unhappy_rating_of_a_first_resolution_reopens():
    assert domain.reopens_on(2, "resolved", 0)
    assert not domain.reopens_on(3, "resolved", 0)
    assert not domain.reopens_on(1, "resolved", 1)
    assert not domain.reopens_on(1, "closed", 0)


def reported(i, hours_to_respond=None, hours_to_resolve=None, **overrides):
    created = shanghai(2026, 3, 2, 9, 0)
    return {"id": f"c{i}", "community_id": "c1", "party": "pm", "category": "repairs", "grid_id": "g1",
            "status": "resolved" if hours_to_resolve else "accepted", "created_at": created,
            "respond_by": created + timedelta(hours=24), "resolve_by": created + timedelta(days=5),
            "responded_at": created + timedelta(hours=hours_to_respond) if hours_to_respond else None,
            "resolved_at": created + timedelta(hours=hours_to_resolve) if hours_to_resolve else None,
            **overrides}


def test_the_three_rates_count_in_time_responses_resolutions_and_satisfied_ratings():
    now = shanghai(2026, 3, 4, 9, 0)
    cases = [reported(1, 2, 10), reported(2, 30, 40), reported(3, 4), reported(4, 1, 5, unreasonable=True),
             reported(5, 1, 2, status="merged")]
    figures = domain.rates(cases, {"c1": [5], "c2": [2], "c4": [1]}, now)
    assert figures["cases"] == 3
    assert figures["response_rate"] == round(2 / 3, 4)   # c2 answered after 30 h of 24
    assert figures["resolution_rate"] == round(2 / 3, 4)
    assert figures["satisfaction_rate"] == 0.5           # the unreasonable case's 1 is left out
    assert figures["overdue"] == 1
    assert figures["median_response_hours"] == 4
    assert figures["median_resolution_hours"] == 25
    assert figures["unreasonable"] == 1


def test_rates_with_nothing_to_count_are_none_not_zero():
    figures = domain.rates([], {}, shanghai(2026, 3, 4, 9, 0))
    assert figures["response_rate"] is None and figures["satisfaction_rate"] is None


def test_rates_split_by_a_dimension_give_one_row_per_value():
    now = shanghai(2026, 3, 4, 9, 0)
    rows = domain.rates_by("party", [reported(1, 2, 10), reported(2, 2, party="rc")], {}, now)
    assert [(r["party"], r["cases"], r["resolution_rate"]) for r in rows] == [("pm", 1, 1.0), ("rc", 1, 0.0)]


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@pytest.mark.parametrize("content_type,raw,problem", [
    ("image/png", PNG, None),
    ("image/jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 16, None),
    ("image/webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ", None),
    ("image/gif", b"GIF89a", "type must be"),
    ("image/jpeg", PNG, "not a image/jpeg"),
    ("image/webp", b"RIFF\x00\x00\x00\x00WAVEfmt ", "not a image/webp"),
    ("image/png", b"", "empty"),
    ("image/png", PNG + b"\x00" * domain.MAX_PHOTO_BYTES, "at most 2 MB"),
])
def test_a_photo_is_checked_by_its_type_its_bytes_and_its_size(content_type, raw, problem):
    found = domain.photo_problem(content_type, raw)
    assert (found is None) if problem is None else (problem in found)


def test_a_photo_of_exactly_the_limit_is_accepted():
    assert domain.photo_problem("image/png", PNG + b"\x00" * (domain.MAX_PHOTO_BYTES - len(PNG))) is None
