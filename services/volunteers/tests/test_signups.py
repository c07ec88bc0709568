"""Signing up never overfills a shift, also under a crowd; withdrawals move the waitlist up."""
from datetime import datetime, timedelta, timezone

import json

import pytest
from nameko.exceptions import RemoteError
from nameko.standalone.rpc import ClusterRpcProxy

from services.common.errors import Conflict, InvalidInput
from services.volunteers.tests.conftest import days_ahead, one_shift


def test_a_verified_volunteer_signs_up_and_bookings_hears_the_fixed_contract(call, register, make_activity, tap):
    register("v1", ["nursing"])
    shift = make_activity()["shifts"][0]
    signup = call("sign_up", {"shift_id": shift["id"], "volunteer_id": "v1", "skill": "nursing"})
    assert signup["status"] == "signed_up"
    [event] = tap("shift_signed_up")
    assert event["data"] == {"shift_id": shift["id"], "activity_id": shift["activity_id"], "community_id": "c1",
                             "volunteer_id": "v1", "skill": "nursing", "place": "37°便民空间",
                             "starts_at": shift["starts_at"], "ends_at": shift["ends_at"],
                             "activity_kind": "tuesday_services"}


def test_an_unverified_skill_does_not_count(call, register, make_activity, database):
    register("v1", ["nursing"], verified=False)
    shift = make_activity()["shifts"][0]
    with pytest.raises(Conflict) as refused:
        call("sign_up", {"shift_id": shift["id"], "volunteer_id": "v1", "skill": "nursing"})
    assert refused.value.extra["reason"] == "skill_missing"
    assert database("volunteers").seats.count_documents({}) == 0


def test_a_skill_the_shift_does_not_need_is_invalid_input(call, register, make_activity):
    register("v1", ["it"])
    shift = make_activity()["shifts"][0]
    with pytest.raises(InvalidInput) as raised:
        call("sign_up", {"shift_id": shift["id"], "volunteer_id": "v1", "skill": "it"})
    assert "skill" in raised.value.extra["errors"]


def test_signing_up_twice_and_clashing_shifts_are_refused(call, register, make_activity):
    register("v1", ["nursing", "first_aid"])
    first = make_activity()["shifts"][0]
    shift_day = datetime.fromisoformat(first["starts_at"]).date()
    same_time = make_activity(template=one_shift({"first_aid": 1}, shift_day, "10:00", "12:00"))["shifts"][0]
    call("sign_up", {"shift_id": first["id"], "volunteer_id": "v1", "skill": "nursing"})
    with pytest.raises(Conflict) as twice:
        call("sign_up", {"shift_id": first["id"], "volunteer_id": "v1", "skill": "nursing"})
    with pytest.raises(Conflict) as clash:
        call("sign_up", {"shift_id": same_time["id"], "volunteer_id": "v1"})
    assert (twice.value.extra["reason"], clash.value.extra["reason"]) == ("already_signed_up", "clash")


def test_the_weekly_maximum_is_kept(call, register, make_activity):
    register("v1", max_shifts_per_week=1)
    monday = days_ahead(14) - timedelta(days=days_ahead(14).weekday())
    rota = make_activity(kind="patrol", template={"kind": "rota", "first_day": monday.isoformat(),
                                                 "days": 2, "start": "19:00", "end": "21:00", "people": 2})
    call("sign_up", {"shift_id": rota["shifts"][0]["id"], "volunteer_id": "v1"})
    with pytest.raises(Conflict) as refused:
        call("sign_up", {"shift_id": rota["shifts"][1]["id"], "volunteer_id": "v1"})
    assert refused.value.extra["reason"] == "weekly_limit"


def answer(reply):
    try:
        return reply.result()["status"]
    except RemoteError as refused:
        assert refused.exc_type == "Conflict"
        return json.loads(refused.value)["reason"]


def test_a_hundred_concurrent_sign_ups_for_three_seats_give_exactly_three(call, make_activity, database, tap,
                                                                          linli_config):
    shift = make_activity(template=one_shift({"nursing": 3}))["shifts"][0]
    now = datetime.now(timezone.utc)
    database("volunteers").volunteers.insert_many([
        {"_id": f"c1:p{n}", "community_id": "c1", "account_id": f"p{n}", "display_name": f"p{n}",
         "skills": {"nursing": {"verified": True}}, "availability": [], "max_shifts_per_week": 3,
         "registered_at": now, "outbox": []} for n in range(100)])

    with ClusterRpcProxy(linli_config) as rpc:  # 100 real RPC calls in flight at once
        replies = [rpc.volunteers.sign_up.call_async({"shift_id": shift["id"], "volunteer_id": f"p{n}",
                                                      "skill": "nursing", "waitlist": n % 2 == 0})
                   for n in range(100)]
        statuses = [answer(reply) for reply in replies]
    assert statuses.count("signed_up") == 3
    assert set(statuses) == {"signed_up", "waitlisted", "full"}
    assert database("volunteers").seats.count_documents({"shift_id": shift["id"]}) == 3
    assert database("volunteers").signups.count_documents({"shift_id": shift["id"]}) == 3
    assert len(call("shift_signups", shift["id"])["waitlist"]) == statuses.count("waitlisted")
    assert len(tap("shift_signed_up")) == 3


def test_withdrawing_frees_the_seat_for_the_first_on_the_waitlist(call, register, make_activity, tap):
    for name in ("v1", "v2", "v3"):
        register(name, ["nursing"])
    shift = make_activity(template=one_shift({"nursing": 1}, days_ahead(5)))["shifts"][0]
    signup = call("sign_up", {"shift_id": shift["id"], "volunteer_id": "v1", "skill": "nursing"})
    assert call("sign_up", {"shift_id": shift["id"], "volunteer_id": "v2"})["position"] == 1
    assert call("sign_up", {"shift_id": shift["id"], "volunteer_id": "v3"})["position"] == 2
    withdrawn = call("withdraw", {"signup_id": signup["id"], "actor_id": "v1"})
    assert (withdrawn["late"], withdrawn["promoted"]) == (False, "v2")
    after = call("shift_signups", shift["id"])
    assert [s["volunteer_id"] for s in after["signups"]] == ["v2"]
    assert [w["volunteer_id"] for w in after["waitlist"]] == ["v3"]
    assert [e["type"] for e in tap("shift_signed_up", "shift_withdrawn", "shift_understaffed")] == \
        ["shift_signed_up", "shift_withdrawn", "shift_signed_up"]
    with pytest.raises(Conflict):
        call("withdraw", {"signup_id": signup["id"], "actor_id": "v1"})


def test_a_late_withdrawal_alerts_staff_to_find_cover(call, register, make_activity, tap):
    register("v1", ["nursing"])
    soon = datetime.now(timezone.utc) + timedelta(hours=12)
    local = soon.astimezone(timezone(timedelta(hours=8)))
    shift = make_activity(template=one_shift({"nursing": 1}, local.date(), local.strftime("%H:%M"),
                                             (local + timedelta(hours=1)).strftime("%H:%M")))["shifts"][0]
    signup = call("sign_up", {"shift_id": shift["id"], "volunteer_id": "v1"})
    assert call("withdraw", {"signup_id": signup["id"], "actor_id": "v1"})["late"] is True
    emitted = tap("shift_withdrawn", "shift_understaffed")
    [withdrawn] = [e for e in emitted if e["type"] == "shift_withdrawn"]
    assert withdrawn["data"]["late"] is True
    # the 20 s sweep may also warn "starting_soon" about this shift; the withdrawal's own alert is the one here
    [alert] = [e["data"] for e in emitted
               if e["type"] == "shift_understaffed" and e["data"]["reason"] == "late_withdrawal"]
    assert alert["missing"] == {"nursing": 1}


def test_only_the_volunteer_or_staff_may_withdraw(call, register, make_activity):
    register("v1", ["nursing"])
    shift = make_activity()["shifts"][0]
    signup = call("sign_up", {"shift_id": shift["id"], "volunteer_id": "v1", "skill": "nursing"})
    with pytest.raises(Exception, match="Forbidden|only the volunteer"):
        call("withdraw", {"signup_id": signup["id"], "actor_id": "stranger"})
    assert call("withdraw", {"signup_id": signup["id"], "actor_id": "sw-1", "actor_is_staff": True})


def test_a_skill_verified_twice_is_announced_once_and_then_counts(call, register, make_activity, tap):
    register("v1", ["nursing"], verified=False)
    for _ in range(2):
        profile = call("verify_skill", {"community_id": "c1", "account_id": "v1", "skill": "nursing",
                                        "verified_by": "sw-1"})
    assert profile["skills"] == {"nursing": {"verified": True}}
    assert len(tap("skill_verified")) == 1
    shift = make_activity()["shifts"][0]
    assert call("sign_up", {"shift_id": shift["id"], "volunteer_id": "v1"})["skill"] == "nursing"


def test_concurrent_withdrawals_hand_each_freed_seat_to_one_waiting_person(call, make_activity, database,
                                                                           linli_config):
    shift = make_activity(template=one_shift({"nursing": 5}, days_ahead(6)))["shifts"][0]
    now = datetime.now(timezone.utc)
    database("volunteers").volunteers.insert_many([
        {"_id": f"c1:w{n}", "community_id": "c1", "account_id": f"w{n}", "display_name": f"w{n}",
         "skills": {"nursing": {"verified": True}}, "availability": [], "max_shifts_per_week": 3,
         "registered_at": now, "outbox": []} for n in range(12)])
    seated = [call("sign_up", {"shift_id": shift["id"], "volunteer_id": f"w{n}"}) for n in range(5)]
    for n in range(5, 12):
        assert call("sign_up", {"shift_id": shift["id"], "volunteer_id": f"w{n}"})["status"] == "waitlisted"
    with ClusterRpcProxy(linli_config) as rpc:
        replies = [rpc.volunteers.withdraw.call_async({"signup_id": s["id"], "actor_id": s["volunteer_id"]})
                   for s in seated]
        promoted = [reply.result()["promoted"] for reply in replies]
    after = call("shift_signups", shift["id"])
    volunteers = sorted(s["volunteer_id"] for s in after["signups"])
    assert len(volunteers) == len(set(volunteers)) == 5
    assert set(volunteers) == {p for p in promoted if p} <= {f"w{n}" for n in range(5, 12)}
    assert database("volunteers").seats.count_documents({"shift_id": shift["id"]}) == 5
    assert len(after["waitlist"]) == 2


def test_a_volunteer_updates_their_availability_and_keeps_verified_skills(call, register):
    register("v1", ["nursing"])
    profile = call("update_volunteer", {"community_id": "c1", "account_id": "v1", "skills": ["nursing", "it"],
                                        "availability": [{"weekday": 2, "start": "08:00", "end": "12:00"}]})
    assert profile["skills"] == {"nursing": {"verified": True}, "it": {"verified": False}}
    assert call("get_volunteer", "c1", "v1")["availability"] == [{"weekday": 2, "start": "08:00", "end": "12:00"}]


def test_a_seat_left_by_a_crash_mid_sign_up_is_freed_by_the_sweep(call, register, make_activity, database):
    register("v1", ["nursing"])
    register("v2", ["nursing"])
    shift = make_activity(template=one_shift({"nursing": 1}))["shifts"][0]
    long_ago = datetime.now(timezone.utc) - timedelta(minutes=10)
    database("volunteers").seats.insert_one({"_id": f"{shift['id']}:nursing:0", "shift_id": shift["id"],
                                             "skill": "nursing", "volunteer_id": "v1", "signup_id": "lost",
                                             "taken_at": long_ago})
    database("volunteers").signup_keys.insert_one({"_id": f"{shift['id']}:v1", "shift_id": shift["id"],
                                                   "signup_id": "lost", "taken_at": long_ago})
    assert call("sign_up", {"shift_id": shift["id"], "volunteer_id": "v2"})["status"] == "waitlisted"
    call("send_due_reminders")
    assert [s["volunteer_id"] for s in call("shift_signups", shift["id"])["signups"]] == ["v2"]
    assert call("sign_up", {"shift_id": shift["id"], "volunteer_id": "v1"})["status"] == "waitlisted"
