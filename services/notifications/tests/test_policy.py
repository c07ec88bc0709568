"""Delivery rules without broker or store: channels, quiet hours, digest, backoff, audiences."""
from datetime import datetime, timezone

import pytest

from services.notifications import domain, policy

EMAIL_ONLY = {"email": "a@example.org", "apprise": None}
BOTH = {"email": "a@example.org", "apprise": "json://127.0.0.1/x"}
NIGHT = {"start": "22:00", "end": "07:00"}


def shanghai(hour, minute=0, day=10):
    """A UTC time that is `hour:minute` in Shanghai (UTC+8)."""
    return datetime(2026, 6, day, hour, minute, tzinfo=policy.LOCAL).astimezone(timezone.utc)


def test_a_normal_message_goes_out_only_on_the_channels_the_person_chose_for_its_category():
    prefs = {"channels": {"cases": ["email"]}}
    assert policy.outside_channels("normal", "cases", prefs, BOTH) == ["email"]
    assert policy.outside_channels("normal", "bookings", prefs, BOTH) == []


def test_without_preferences_a_normal_message_stays_in_the_app():
    assert policy.outside_channels("normal", "cases", {}, BOTH) == []


def test_a_critical_message_reaches_every_contact_point_whatever_the_preferences():
    assert policy.outside_channels("critical", "announcements", {"channels": {"announcements": []}}, BOTH) == ["email", "apprise"]
    assert policy.outside_channels("critical", "announcements", {}, EMAIL_ONLY) == ["email"]


def test_a_message_in_quiet_hours_waits_until_they_end_in_shanghai_time():
    assert policy.due_at(shanghai(23, 30), "normal", NIGHT) == shanghai(7, 0, day=11)
    assert policy.due_at(shanghai(6, 0), "normal", NIGHT) == shanghai(7, 0)
    assert policy.due_at(shanghai(12, 0), "normal", NIGHT) == shanghai(12, 0)


def test_a_critical_message_ignores_quiet_hours():
    assert policy.due_at(shanghai(23, 30), "critical", NIGHT) == shanghai(23, 30)


def test_quiet_hours_within_one_day_are_honoured_too():
    assert policy.due_at(shanghai(13, 0), "normal", {"start": "12:00", "end": "14:00"}) == shanghai(14, 0)


def test_low_priority_messages_of_a_digest_category_wait_for_the_evening_digest():
    assert policy.held_for_digest("low", "cases", {"digest": ["cases"]})
    assert not policy.held_for_digest("normal", "cases", {"digest": ["cases"]})
    assert not policy.held_for_digest("low", "cases", {})
    assert policy.next_digest(shanghai(9, 0)) == shanghai(20, 0)
    assert policy.next_digest(shanghai(21, 0)) == shanghai(20, 0, day=11)


@pytest.mark.parametrize("jitter", [0.0, 0.5, 0.999])
def test_retries_back_off_exponentially_with_jitter_up_to_a_cap(jitter):
    waits = [policy.backoff(n, 2, 60, jitter) for n in range(1, 8)]
    assert all(1 <= w <= 60 for w in waits)
    assert waits[1] == 2 * waits[0] and waits[2] == 2 * waits[1]
    assert waits[-1] == 60 * (0.5 + jitter / 2)


MEMBERS = [
    {"account_id": "r20", "roles": ["resident"], "building_id": "b20", "grid_id": "g4"},
    {"account_id": "r21", "roles": ["resident", "owner"], "building_id": "b21", "grid_id": "g5"},
    {"account_id": "sw", "roles": ["social_worker"], "building_id": None, "grid_id": None},
    {"account_id": "pm", "roles": ["pm_staff"], "building_id": None, "grid_id": None},
    {"account_id": "oc", "roles": ["oc_member", "owner"], "building_id": "b30", "grid_id": "g6"},
]


@pytest.mark.parametrize("spec, expected", [
    ({"building_ids": ["b20", "b21"]}, ["r20", "r21"]),
    ({"grid_ids": ["g6"]}, ["oc"]),
    ({"roles": ["owner"]}, ["oc", "r21"]),
    ({"parties": True}, ["oc", "pm", "sw"]),
    ({"account_ids": ["r20"], "roles": ["pm_staff"]}, ["pm", "r20"]),
    ({}, []),
])
def test_an_audience_names_exactly_the_people_it_describes(spec, expected):
    assert policy.audience(spec, MEMBERS) == expected


def test_an_audience_of_skills_adds_the_volunteers_who_have_them():
    assert policy.audience({"skills": ["nursing"], "building_ids": ["b20"]}, MEMBERS, skilled=["v9"]) == ["r20", "v9"]


def test_a_community_template_fills_the_events_fields_and_leaves_unknown_ones_blank():
    title, body = domain.render("issue_reported.staff", "zh-CN", ("报事：{title}", "{title}{nope}"), title="漏水")
    assert (title, body) == ("报事：漏水", "漏水")


@pytest.mark.parametrize("text", ["{title.__class__}", "{title[0]}", "{title!r}", "{title:>99999}", "{"])
def test_staff_templates_may_use_only_plain_fields(text):
    assert domain.template_errors(text) is not None


def test_a_plain_staff_template_is_accepted():
    assert domain.template_errors("【通知】{title}：{body}") is None
