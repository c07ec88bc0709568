"""Reminders once each, other services' events as they would publish them, the certificate PDF."""
import base64
import io
from datetime import datetime, timedelta, timezone

from pypdf import PdfReader

from services.common.envelope import make_event
from services.conftest import wait_until
from services.volunteers.dependencies import Rota
from services.volunteers.models import Activity, Shift
from services.volunteers.tests.conftest import days_ahead, one_shift


def test_each_reminder_is_due_once_per_shift_and_volunteer(call, register, make_activity, tap):
    register("v1", ["nursing"])
    register("v2", ["nursing"])
    shift = make_activity(template=one_shift({"nursing": 3}))["shifts"][0]
    for name in ("v1", "v2"):
        call("sign_up", {"shift_id": shift["id"], "volunteer_id": name})
    starts_at = datetime.fromisoformat(shift["starts_at"])
    day_before = (starts_at - timedelta(hours=20)).isoformat()
    assert call("send_due_reminders", day_before) == 2
    assert call("send_due_reminders", day_before) == 0
    assert call("send_due_reminders", (starts_at - timedelta(minutes=50)).isoformat()) == 2
    emitted = tap("shift_reminder_due", "shift_understaffed")
    assert sorted((e["data"]["volunteer_id"], e["data"]["reminder"]) for e in emitted
                  if e["type"] == "shift_reminder_due") == [
        ("v1", "day_before"), ("v1", "hour_before"), ("v2", "day_before"), ("v2", "hour_before")]
    [understaffed] = [e["data"] for e in emitted if e["type"] == "shift_understaffed"]
    assert (understaffed["missing"], understaffed["reason"]) == ({"nursing": 1}, "starting_soon")


def test_the_sweep_records_a_no_show_an_hour_after_the_end_once(call, register, make_activity, tap):
    register("v1", ["nursing"])
    register("v2", ["nursing"])
    shift = make_activity(template=one_shift({"nursing": 2}))["shifts"][0]
    absent = call("sign_up", {"shift_id": shift["id"], "volunteer_id": "v1"})
    present = call("sign_up", {"shift_id": shift["id"], "volunteer_id": "v2"})
    call("check_in", {"signup_id": present["id"], "actor_id": "v2", "at": shift["starts_at"]})
    later = (datetime.fromisoformat(shift["ends_at"]) + timedelta(hours=2)).isoformat()
    call("send_due_reminders", later)
    call("send_due_reminders", later)
    [no_show] = tap("shift_no_show")
    assert (no_show["data"]["signup_id"], no_show["data"]["volunteer_id"]) == (absent["id"], "v1")


def test_a_served_resident_is_credited_to_the_volunteer_once(volunteers, call, publish, database):
    event = make_event("bookings", "booking_checked_in", {
        "booking_id": "bk-1", "community_id": "c1", "account_id": "r1", "resource_id": "res-1",
        "resource_name": "理发", "resource_kind": "haircut", "starts_at": "2026-12-01T01:00:00+00:00",
        "ends_at": "2026-12-01T01:20:00+00:00", "shift_id": "s-1", "volunteer_id": "v1"})
    publish(event)
    publish(event)
    hours = database("volunteers").hours
    wait_until(lambda: hours.count_documents({}) == 1)
    assert call("hours", {"community_id": "c1", "volunteer_id": "v1"})["served"] == 1


def test_a_patrol_action_item_becomes_a_rota_that_reports_its_completion(volunteers, call, register, publish,
                                                                          database, tap):
    register("p1")
    register("p2")
    due = (datetime.now(timezone.utc) + timedelta(days=1)).isoformat()
    publish(make_event("issues", "action_item_assigned", {
        "action_item_id": "ai-7", "meeting_id": "m-1", "issue_id": "i-1", "community_id": "c1", "party": "rc",
        "title": "集中整治后巩固值守", "due_at": due, "kind": "patrol",
        "patrol": {"days": 2, "people_per_evening": 2}}))
    activities = database("volunteers").activities
    wait_until(lambda: activities.count_documents({}) == 1)  # saved after all its shifts
    activity = call("get_activity", "action-item-ai-7")
    assert [s["needs"] for s in activity["shifts"]] == [{"general": 2}, {"general": 2}]
    for shift in activity["shifts"]:
        for name in ("p1", "p2"):
            signup = call("sign_up", {"shift_id": shift["id"], "volunteer_id": name})
            call("check_in", {"signup_id": signup["id"], "actor_id": name, "at": shift["starts_at"]})
            call("check_out", {"signup_id": signup["id"], "actor_id": name, "at": shift["ends_at"],
                               "note": "3号楼门口仍有2辆电瓶车", "photos": ["https://img.example/p1.jpg"]})
    [completed] = tap("activity_completed")
    assert completed["data"] == {"activity_id": "action-item-ai-7", "community_id": "c1", "kind": "patrol",
                                 "source": {"type": "action_item", "id": "ai-7"}}


def test_an_activity_is_readable_only_once_all_its_shifts_are_stored(call, make_activity, monkeypatch):
    readable_while_storing = []
    store_once = Rota.mark_once

    def watching(rota, mark, outbox, *events):
        if isinstance(mark, Shift):
            readable_while_storing.append(Activity.objects(id=mark.activity_id).count())
        return store_once(rota, mark, outbox, *events)
    monkeypatch.setattr(Rota, "mark_once", watching)
    made = make_activity(template={"kind": "weekly", "weekday": 2, "start": "09:00", "end": "11:30",
                                   "needs": {"nursing": 1}, "first_day": days_ahead(3).isoformat(), "weeks": 3})
    assert readable_while_storing == [0, 0, 0]
    assert len(call("get_activity", made["id"])["shifts"]) == 3


def test_the_certificate_of_service_reads_back_in_chinese(call, register, make_activity):
    register("v1", ["nursing"], display_name="王阿姨")
    shift = make_activity(template=one_shift({"nursing": 1}))["shifts"][0]
    signup = call("sign_up", {"shift_id": shift["id"], "volunteer_id": "v1"})
    call("check_in", {"signup_id": signup["id"], "actor_id": "v1", "at": shift["starts_at"]})
    call("check_out", {"signup_id": signup["id"], "actor_id": "v1", "at": shift["ends_at"]})
    year = datetime.fromisoformat(shift["starts_at"]).astimezone(timezone(timedelta(hours=8))).year
    answer = call("certificate", "c1", "v1", year, "未来街区")
    text = PdfReader(io.BytesIO(base64.b64decode(answer["pdf"]))).pages[0].extract_text()
    assert "志愿服务证明" in text and "王阿姨" in text and "未来街区" in text and "2.50" in text
    assert call("recognition", "c1", year)[0] == {"volunteer_id": "v1", "display_name": "王阿姨", "seconds": 9000,
                                                  "hours": 2.5, "served": 0, "shifts": 1}
