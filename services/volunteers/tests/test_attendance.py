"""Check-in and check-out credit hours from the actual times; the ledger adds up over a month."""
import random
from datetime import datetime, timedelta

import pytest

from services.common.errors import Conflict
from services.volunteers.tests.conftest import days_ahead, one_shift


def at(text, **delta):
    return (datetime.fromisoformat(text) + timedelta(**delta)).isoformat()


@pytest.fixture
def signed_up(call, register, make_activity):
    register("v1", ["nursing"])
    shift = make_activity(template=one_shift({"nursing": 1}))["shifts"][0]
    return shift, call("sign_up", {"shift_id": shift["id"], "volunteer_id": "v1"})


def test_hours_are_credited_from_the_actual_check_in_and_out(call, signed_up, tap):
    shift, signup = signed_up
    call("check_in", {"signup_id": signup["id"], "actor_id": "v1", "at": at(shift["starts_at"], minutes=5)})
    out = call("check_out", {"signup_id": signup["id"], "actor_id": "lead-1", "note": "量了23位老人的血压",
                             "at": at(shift["ends_at"], minutes=10)})
    assert out["seconds"] == (2 * 60 + 35) * 60
    assert call("hours", {"community_id": "c1", "volunteer_id": "v1"})["hours"] == 2.58
    assert [e["type"] for e in tap("shift_checked_in", "shift_checked_out", "activity_completed")] == \
        ["shift_checked_in", "shift_checked_out", "activity_completed"]


def test_checking_in_twice_or_out_before_in_is_refused(call, signed_up):
    shift, signup = signed_up
    with pytest.raises(Conflict, match="check in first"):
        call("check_out", {"signup_id": signup["id"], "actor_id": "v1", "at": shift["ends_at"]})
    call("check_in", {"signup_id": signup["id"], "actor_id": "v1", "at": shift["starts_at"]})
    with pytest.raises(Conflict, match="already checked in"):
        call("check_in", {"signup_id": signup["id"], "actor_id": "v1", "at": shift["starts_at"]})
    with pytest.raises(Conflict, match="not around this shift"):
        call("check_out", {"signup_id": signup["id"], "actor_id": "v1", "at": at(shift["ends_at"], days=2)})


def test_a_stranger_cannot_check_someone_in(call, signed_up):
    shift, signup = signed_up
    with pytest.raises(Exception, match="only the volunteer"):
        call("check_in", {"signup_id": signup["id"], "actor_id": "stranger", "at": shift["starts_at"]})


def test_a_no_show_is_recorded_by_the_lead_and_emitted(call, signed_up, tap):
    shift, signup = signed_up
    assert call("record_no_show", {"signup_id": signup["id"], "actor_id": "lead-1"})["kind"] == "no_show"
    [event] = tap("shift_no_show")
    assert event["data"]["volunteer_id"] == "v1"
    with pytest.raises(Exception, match="only the volunteer|lead"):
        call("record_no_show", {"signup_id": signup["id"], "actor_id": "v1"})


def test_a_month_of_shifts_adds_up_exactly_in_the_ledger(call, register, make_activity, tap):
    people = ["m1", "m2", "m3"]
    for name in people:
        register(name, max_shifts_per_week=7)
    rota = make_activity(kind="patrol", title="巩固值守", template={
        "kind": "rota", "first_day": days_ahead(2).isoformat(), "days": 30, "start": "19:00", "end": "21:00",
        "people": 1})
    rng, expected = random.Random(5), {name: 0 for name in people}
    first_week = {name: 0 for name in people}
    for day, shift in enumerate(rota["shifts"]):
        for name in (people[day % 3],):
            signup = call("sign_up", {"shift_id": shift["id"], "volunteer_id": name})
            came = rng.randint(-30, 25) * 60 + rng.randint(0, 59)
            left = rng.randint(-20, 90) * 60 + rng.randint(0, 59)
            call("check_in", {"signup_id": signup["id"], "actor_id": name, "at": at(shift["starts_at"], seconds=came)})
            call("check_out", {"signup_id": signup["id"], "actor_id": name, "at": at(shift["ends_at"], seconds=left)})
            worked = 2 * 3600 - came + left
            expected[name] += worked
            first_week[name] += worked if day < 7 else 0
    for name in people:
        assert call("hours", {"community_id": "c1", "volunteer_id": name})["seconds"] == expected[name]
    week_end = at(rota["shifts"][7]["starts_at"], hours=-2)
    week = call("hours", {"community_id": "c1", "volunteer_id": "m1", "until": week_end})
    assert week["seconds"] == first_week["m1"]
    assert call("hours", {"community_id": "c1"})["seconds"] == sum(expected.values())
    assert call("hours", {"community_id": "c1"})["shifts"] == 30
    [completed] = tap("activity_completed")
    assert completed["data"] == {"activity_id": rota["id"], "community_id": "c1", "kind": "patrol", "source": None}
