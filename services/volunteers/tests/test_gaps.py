"""Staff see what shifts still lack and invite the volunteers who have the skill and the time."""
from datetime import datetime

import pytest

from services.common.errors import NotFound
from services.volunteers.tests.conftest import days_ahead, one_shift


def test_gaps_list_what_is_missing_and_invitations_go_to_able_and_available_volunteers(call, register,
                                                                                       make_activity, tap):
    day = days_ahead(4)
    morning = [{"weekday": day.isoweekday(), "start": "08:00", "end": "12:00"}]
    register("able", ["legal_advice"], availability=morning)
    register("unverified", ["legal_advice"], verified=False, availability=morning)
    register("busy_then", ["legal_advice"], availability=[{"weekday": day.isoweekday(), "start": "14:00",
                                                          "end": "18:00"}])
    register("nurse", ["nursing"], availability=morning)
    shift = make_activity(template=one_shift({"legal_advice": 1, "nursing": 1}, day))["shifts"][0]
    call("sign_up", {"shift_id": shift["id"], "volunteer_id": "nurse"})
    [gap] = call("shift_gaps", "c1")
    assert (gap["id"], gap["missing"]) == (shift["id"], {"legal_advice": 1})
    invitation = {"shift_id": shift["id"], "skill": "legal_advice", "invited_by": "sw-1"}
    assert call("invite", invitation)["invited"] == ["able"]
    assert call("invite", invitation)["invited"] == []
    [invited] = tap("volunteer_invited")
    assert invited["data"]["volunteer_id"] == "able"
    assert datetime.fromisoformat(invited["data"]["starts_at"]).utcoffset().total_seconds() == 0


def test_hours_are_summed_per_team(call, register, make_activity):
    register("t1", ["nursing"])
    team = call("create_team", {"community_id": "c1", "name": "星期二服务队", "kind": "tuesday_services",
                                "member_ids": ["t1"]})
    shift = make_activity(team_id=team["id"], template=one_shift({"nursing": 1}))["shifts"][0]
    signup = call("sign_up", {"shift_id": shift["id"], "volunteer_id": "t1"})
    call("check_in", {"signup_id": signup["id"], "actor_id": "t1", "at": shift["starts_at"]})
    call("check_out", {"signup_id": signup["id"], "actor_id": "t1", "at": shift["ends_at"]})
    assert call("hours", {"community_id": "c1", "team_id": team["id"]})["hours"] == 2.5
    assert call("list_teams", "c1")[0]["member_ids"] == ["t1"]
    assert call("community_hours", ["c1", "c2"]) == {
        "c1": {"seconds": 9000, "hours": 2.5, "served": 0, "shifts": 1},
        "c2": {"seconds": 0, "hours": 0.0, "served": 0, "shifts": 0}}


@pytest.fixture(params=["0" * 24, "no-such-team", "È\x97z\t2P"])
def unknown_team(request):
    return request.param


def test_hours_of_a_team_that_is_not_there_are_not_found_whatever_the_id_looks_like(call, unknown_team):
    with pytest.raises(NotFound, match="team"):
        call("hours", {"community_id": "c1", "team_id": unknown_team})
