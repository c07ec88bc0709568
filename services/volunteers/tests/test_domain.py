"""Pure rules of volunteering, without broker or store."""
from datetime import date, datetime, timedelta, timezone

import pytest

from services.common.reminders import due_reminders
from services.volunteers import domain, templates

UTC = timezone.utc
T0 = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)  # Tuesday 09:00 in Shanghai


def test_only_verified_skills_count_when_the_skill_needs_verification():
    skills = {"nursing": {"verified": False}, "drawing": {"verified": False}, "legal_advice": {"verified": True}}
    assert domain.counting_skills(skills) == {"drawing", "legal_advice"}
    with pytest.raises(domain.RuleBroken) as refused:
        domain.check_skill("nursing", skills)
    assert refused.value.reason == "skill_missing"
    domain.check_skill("general", {})


def test_an_overlapping_shift_clashes_and_a_touching_one_does_not():
    other = [{"id": "s1", "starts_at": T0, "ends_at": T0 + timedelta(hours=2)}]
    with pytest.raises(domain.RuleBroken):
        domain.check_clash(T0 + timedelta(hours=1), T0 + timedelta(hours=3), other)
    domain.check_clash(T0 + timedelta(hours=2), T0 + timedelta(hours=3), other)


def test_the_weekly_limit_counts_shifts_of_the_same_local_week():
    monday_night_local = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)  # Tuesday 01:00 in Shanghai
    sunday_local = datetime(2026, 11, 29, 15, 0, tzinfo=UTC)  # Sunday 23:00 in Shanghai: last week
    with pytest.raises(domain.RuleBroken):
        domain.check_weekly_limit(T0, [monday_night_local] * 3, templates.LOCAL)
    domain.check_weekly_limit(T0, [sunday_local] * 5, templates.LOCAL)


def test_seats_are_keyed_by_shift_skill_and_index():
    assert domain.seat_ids("s1", "nursing", 2) == ["s1:nursing:0", "s1:nursing:1"]


def test_withdrawing_within_the_notice_period_is_late():
    assert domain.is_late(T0, T0 - timedelta(hours=23))
    assert not domain.is_late(T0, T0 - timedelta(hours=25))


def test_only_the_nearest_due_reminder_is_sent_and_none_after_the_start():
    assert due_reminders(T0, T0 - timedelta(hours=30)) == []
    assert due_reminders(T0, T0 - timedelta(hours=20)) == ["day_before"]
    assert due_reminders(T0, T0 - timedelta(minutes=30)) == ["hour_before"]
    assert due_reminders(T0, T0) == []


def test_missing_seats_are_what_is_needed_minus_what_is_taken():
    assert domain.missing({"nursing": 1, "it": 2}, {"nursing": 1, "it": 1}) == {"it": 1}


def test_availability_is_read_in_local_time():
    tuesday_morning = [{"weekday": 2, "start": "08:00", "end": "12:00"}]
    assert domain.available(tuesday_morning, T0, T0 + timedelta(hours=2, minutes=30), templates.LOCAL)
    assert not domain.available(tuesday_morning, T0 + timedelta(hours=4), T0 + timedelta(hours=5), templates.LOCAL)


def test_every_tuesday_template_generates_utc_shifts_at_local_wall_clock_time():
    shifts = templates.generate({"kind": "weekly", "weekday": 2, "start": "09:00", "end": "11:30",
                                 "needs": {"hairdressing": 1, "legal_advice": 1, "nursing": 1},
                                 "first_day": "2026-11-27", "weeks": 3})
    assert [s["starts_at"] for s in shifts] == [T0, T0 + timedelta(weeks=1), T0 + timedelta(weeks=2)]
    assert shifts[0]["ends_at"] == datetime(2026, 12, 1, 3, 30, tzinfo=UTC)
    assert shifts[0]["needs"] == {"hairdressing": 1, "legal_advice": 1, "nursing": 1}


def test_a_patrol_rota_has_one_evening_shift_a_day_with_two_people():
    shifts = templates.rota(date(2026, 12, 2), 7, "19:00", "21:00", 2)
    assert len(shifts) == 7
    assert shifts[0]["starts_at"] == datetime(2026, 12, 2, 11, 0, tzinfo=UTC)
    assert shifts[-1]["local_date"] == "2026-12-08"
    assert all(s["needs"] == {"general": 2} for s in shifts)


def test_a_shift_ending_after_midnight_ends_the_next_day():
    starts_at, ends_at = templates.span(date(2026, 12, 2), "22:00", "01:00")
    assert ends_at - starts_at == timedelta(hours=3)


def test_worked_seconds_come_from_the_actual_times():
    assert domain.worked_seconds(T0, T0 + timedelta(minutes=95, seconds=7)) == 95 * 60 + 7
    assert domain.worked_seconds(T0, T0 - timedelta(minutes=1)) == 0
