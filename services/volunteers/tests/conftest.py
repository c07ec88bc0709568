"""Volunteers service tests: the real service in a nameko container on the real broker and
store (see services/conftest.py); a tap queue on `volunteers.events` collects what it emits.
"""
from datetime import datetime, timedelta, timezone

import pytest
from nameko.testing.services import entrypoint_hook

from services.volunteers.service import VolunteersService


@pytest.fixture
def volunteers(start_service):
    return start_service(VolunteersService)


@pytest.fixture
def call(volunteers):
    """Call one of the service's RPC entrypoints."""
    def call(method, *args):
        with entrypoint_hook(volunteers, method) as entrypoint:
            return entrypoint(*args)
    return call


@pytest.fixture
def tap(event_tap):
    """Everything the service publishes since the last drain, once per event id (as consumers see it)."""
    drain_new = event_tap("volunteers.events")

    def drain(*types):
        return [m for m in drain_new() if not types or m["type"] in types]
    return drain


@pytest.fixture
def register(call):
    """Register a volunteer with `skills`, all verified by staff unless told otherwise."""
    def register(account_id, skills=(), verified=True, community_id="c1", **profile):
        call("register_volunteer", {"community_id": community_id, "account_id": account_id,
                                    "display_name": f"志愿者{account_id}", "skills": list(skills), **profile})
        for skill in skills if verified else ():
            call("verify_skill", {"community_id": community_id, "account_id": account_id,
                                  "skill": skill, "verified_by": "sw-1"})
    return register


def days_ahead(days):
    return (datetime.now(timezone.utc) + timedelta(days=days)).date()


@pytest.fixture
def make_activity(call):
    """An activity from a template; by default one Tuesday-services shift next week."""
    def make_activity(kind="tuesday_services", template=None, **overrides):
        template = template or {"kind": "weekly", "weekday": 2, "start": "09:00", "end": "11:30",
                                "needs": {"hairdressing": 1, "legal_advice": 1, "nursing": 1},
                                "first_day": days_ahead(3).isoformat(), "weeks": 1}
        return call("create_activity", {"community_id": "c1", "kind": kind, "title": "相约星期二",
                                         "place": "37°便民空间", "lead_id": "lead-1",
                                         "template": template, **overrides})
    return make_activity


def one_shift(needs, first_day=None, start="09:00", end="11:30"):
    """A weekly template of one shift on the weekday of `first_day` (default: in three days)."""
    day = first_day or days_ahead(3)
    return {"kind": "weekly", "weekday": day.isoweekday(), "start": start, "end": end, "needs": needs,
            "first_day": day.isoformat(), "weeks": 1}

