"""Which events become messages: for each event type, how to read it, who hears of it, and as what.

Notifications subscribes to every event of the services it watches (`topology.ALL`); an
event type gets messages by having an entry here, with templates in `domain.TEMPLATES`
for every message kind in both languages. Types that deliberately tell no one are in
SILENT. A contract test checks every emitted type is in one or the other.
"""
from dataclasses import dataclass
from typing import Callable

from services.common import people
from services.notifications import policy, schemas

STAFF_ROLES = ("social_worker",)


@dataclass(frozen=True)
class Message:
    kind: str  # the template key, e.g. "issue_reported.staff"
    audience: Callable  # (data, members) -> account ids
    category: str = "cases"  # what a person's preferences are set per
    priority: Callable = lambda data: "normal"  # data -> "low" | "normal" | "critical"
    channels: Callable = lambda data: policy.OUTSIDE  # data -> the outside channels it may use


@dataclass(frozen=True)
class Notice:
    reader: type  # tolerant marshmallow reader of the event's data
    subject: Callable  # data -> {"type", "id"}: what the message is about
    messages: tuple


def person(key):
    """The one account named by `data[key]`."""
    return lambda data, members: [data[key]] if data.get(key) else []


def holders(*roles):
    """Everyone holding one of `roles` in the event's community."""
    return lambda data, members: members.holders(data["community_id"], roles)


def named_in(key):
    """The audience an event spells out (an announcement's): people, roles, parties, places."""
    def audience(data, members):
        return policy.audience(data[key], people.current(members.model, community_id=data["community_id"]))
    return audience


def about(kind, key):
    return lambda data: {"type": kind, "id": data[key]}


CATALOG = {
    "issue_reported": Notice(
        reader=schemas.IssueReportedData, subject=about("issue", "issue_id"),
        messages=(Message("issue_reported.staff", holders(*STAFF_ROLES)),
                  Message("issue_reported.receipt", person("reporter_id")))),
    "announcement_published": Notice(
        reader=schemas.AnnouncementPublishedData, subject=about("announcement", "announcement_id"),
        messages=(Message("announcement", named_in("audience"), category="announcements",
                          priority=lambda data: data["priority"], channels=lambda data: data["channels"]),)),
}

SILENT = frozenset({"vote_opened", "vote_closed", "survey_published", "topic_opened"})  # issue 3 votes: until notifications gives them notices
SILENT |= {"volunteer_registered", "skill_verified", "shift_scheduled", "shift_signed_up", "shift_withdrawn", "shift_understaffed", "shift_reminder_due", "volunteer_invited", "shift_checked_in", "shift_checked_out", "shift_no_show", "activity_completed"}  # issue 5: until notifications gives them notices
SILENT |= {"booking_requested", "booking_confirmed", "booking_declined", "booking_cancelled", "booking_no_show", "booking_checked_in", "booking_moved", "coupon_claimed", "coupon_redeemed"}  # issue 4: until notifications gives them notices
SILENT |= {"issue_accepted", "issue_assigned", "issue_status_changed", "issue_resolved", "issue_overdue", "issue_rated"}  # issue 3 cases: until notifications gives them notices
SILENT |= {"joint_meeting_scheduled", "action_item_assigned"}  # issue 3 joint handling: until notifications gives them notices
