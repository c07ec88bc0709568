"""Which events become messages: for each event type, how to read it, who hears of it, and as what.

Notifications subscribes to every event of the services it watches (`topology.ALL`); an
event type gets messages by having an entry here, with templates in `domain.TEMPLATES`
for every message kind in both languages. Types that deliberately tell no one are in
SILENT. A contract test checks every emitted type is in one or the other.
"""
from dataclasses import dataclass
from typing import Callable

from services.notifications import policy, readers, schemas

STAFF_ROLES = ("social_worker",)
PARTY_ROLES = {"rc": ("social_worker", "community_admin"), "pm": ("pm_staff",), "oc": ("oc_member",)}


@dataclass(frozen=True)
class Message:
    kind: str  # the template key, e.g. "issue_reported.staff"
    audience: Callable  # (data, directory) -> account ids; see dependencies.Directory
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


def everyone_in(key):
    """The accounts listed under `data[key]` (e.g. a case's followers)."""
    return lambda data, members: list(data.get(key) or ())


def holders_of(key):
    """Everyone holding one of the roles listed under `data[key]`."""
    return lambda data, members: members.holders(data["community_id"], data.get(key) or ())


def party(key):
    """The staff of the party (rc, pm, oc) named by `data[key]`, or of each party listed there."""
    def audience(data, members):
        named = data.get(key) or ()
        parties = [named] if isinstance(named, str) else named
        return members.holders(data["community_id"], [r for p in parties for r in PARTY_ROLES.get(p, ())])
    return audience


def union(*audiences):
    return lambda data, members: sorted({a for audience in audiences for a in audience(data, members)})


def places_or_all(data, members):
    """Residents of the buildings or grids the event names; all residents if it names none."""
    spec = {"building_ids": data["building_ids"], "grid_ids": data["grid_ids"]}
    everyone = members.current(data["community_id"])
    if not (spec["building_ids"] or spec["grid_ids"]):
        return policy.audience({"roles": ["resident"]}, everyone)
    return policy.audience(spec, everyone)


def named_in(key):
    """The audience an event spells out (an announcement's): people, roles, parties, places."""
    def audience(data, members):
        spec = data[key]
        skilled = members.skilled(data["community_id"], spec["skills"]) if spec.get("skills") else ()
        return policy.audience(spec, members.current(data["community_id"]), skilled)
    return audience


def about(kind, key):
    return lambda data: {"type": kind, "id": data[key]}


def when(test, audience):
    """`audience` only for events that pass `test`."""
    return lambda data, members: audience(data, members) if test(data) else []


FOLLOWERS = union(person("reporter_id"), everyone_in("follower_ids"))


CATALOG = {
    "issue_reported": Notice(
        reader=schemas.IssueReportedData, subject=about("issue", "issue_id"),
        messages=(Message("issue_reported.staff", holders(*STAFF_ROLES)),
                  Message("issue_reported.receipt", person("reporter_id")))),
    "announcement_published": Notice(
        reader=schemas.AnnouncementPublishedData, subject=about("announcement", "announcement_id"),
        messages=(Message("announcement", named_in("audience"), category="announcements",
                          priority=lambda data: data["priority"], channels=lambda data: data["channels"]),)),
    **{kind: Notice(readers.CaseMoved, about("issue", "issue_id"), (Message("issue_moved.follower", FOLLOWERS),))
       for kind in ("issue_accepted", "issue_status_changed")},
    "issue_assigned": Notice(readers.CaseMoved, about("issue", "issue_id"), (
        Message("issue_assigned.party", party("party")), Message("issue_moved.follower", FOLLOWERS))),
    "issue_resolved": Notice(readers.CaseMoved, about("issue", "issue_id"), (
        Message("issue_resolved.follower", FOLLOWERS),)),
    "issue_overdue": Notice(readers.IssueOverdue, about("issue", "issue_id"), (
        Message("issue_overdue.staff", union(holders_of("escalate_to_roles"), party("party"))),)),
    "issue_rated": Notice(readers.IssueRated, about("issue", "issue_id"), (
        Message("issue_rated.staff", union(holders(*STAFF_ROLES), party("party")), priority=lambda d: "low"),)),
    "joint_meeting_scheduled": Notice(readers.JointMeeting, about("meeting", "meeting_id"), (
        Message("joint_meeting.invite", union(party("parties"), everyone_in("follower_ids"))),)),
    "action_item_assigned": Notice(readers.ActionItem, about("action_item", "action_item_id"), (
        Message("action_item.party", party("party")),)),
    "vote_opened": Notice(readers.VoteOpened, about("vote", "vote_id"), (
        Message("vote_opened.owner", holders("owner"), category="assembly"),)),
    "vote_closed": Notice(readers.VoteClosed, about("vote", "vote_id"), (
        Message("vote_closed.owner", holders("owner"), category="assembly"),)),
    "survey_published": Notice(readers.SurveyPublished, about("survey", "survey_id"), (
        Message("survey_published.resident", places_or_all, category="surveys", priority=lambda d: "low"),)),
    "topic_opened": Notice(readers.TopicOpened, about("topic", "topic_id"), (
        Message("topic_opened.resident", holders("resident"), category="deliberation", priority=lambda d: "low"),)),
    "booking_requested": Notice(readers.Booking, about("booking", "booking_id"), (
        Message("booking_requested.staff", holders(*STAFF_ROLES), category="bookings"),)),
    "booking_confirmed": Notice(readers.Booking, about("booking", "booking_id"), (
        Message("booking_confirmed.booker", person("account_id"), category="bookings"),)),
    "booking_declined": Notice(readers.BookingEnded, about("booking", "booking_id"), (
        Message("booking_declined.booker", person("account_id"), category="bookings"),)),
    "booking_cancelled": Notice(readers.BookingEnded, about("booking", "booking_id"), (
        Message("booking_cancelled.booker", person("account_id"), category="bookings"),
        Message("booking_cancelled.volunteer", person("volunteer_id"), category="volunteering"))),
    "booking_no_show": Notice(readers.BookingEnded, about("booking", "booking_id"), (
        Message("booking_no_show.booker", person("account_id"), category="bookings"),)),
    "waitlist_offered": Notice(readers.WaitlistOffered, about("booking", "booking_id"), (
        Message("waitlist_offered.booker", person("account_id"), category="bookings"),)),
    "loan_overdue": Notice(readers.Booking, about("booking", "booking_id"), (
        Message("loan_overdue.borrower", person("account_id"), category="bookings"),)),
    "booking_reminder_due": Notice(readers.Booking, about("booking", "booking_id"), (
        Message("booking_reminder.booker", person("account_id"), category="bookings"),)),
    "booking_checked_in": Notice(readers.Booking, about("booking", "booking_id"), (
        Message("booking_checked_in.booker", person("account_id"), category="bookings", priority=lambda d: "low"),)),
    "loan_returned": Notice(readers.Booking, about("booking", "booking_id"), (
        Message("loan_returned.borrower", person("account_id"), category="bookings", priority=lambda d: "low"),)),
    "volunteer_registered": Notice(readers.VolunteerWelcome, about("volunteer", "volunteer_id"), (
        Message("volunteer_registered.volunteer", person("volunteer_id"), category="volunteering"),
        Message("volunteer_registered.staff", holders(*STAFF_ROLES), category="volunteering", priority=lambda d: "low"))),
    "shift_scheduled": Notice(readers.ShiftPlanned, about("shift", "shift_id"), (
        Message("shift_scheduled.staff", holders(*STAFF_ROLES), category="volunteering", priority=lambda d: "low"),)),
    "shift_checked_in": Notice(readers.ShiftArrived, about("shift", "shift_id"), (
        Message("shift_checked_in.volunteer", person("volunteer_id"), category="volunteering", priority=lambda d: "low"),)),
    "activity_completed": Notice(readers.ActivityDone, about("activity", "activity_id"), (
        Message("activity_completed.staff", holders(*STAFF_ROLES), category="volunteering", priority=lambda d: "low"),)),
    "booking_moved": Notice(readers.BookingMoved, about("booking", "booking_id"), (
        Message("booking_moved.booker", person("account_id"), category="bookings"),)),
    "coupon_claimed": Notice(readers.Coupon, about("coupon", "coupon_id"), (
        Message("coupon_claimed.holder", person("account_id"), category="coupons", priority=lambda d: "low"),)),
    "coupon_redeemed": Notice(readers.Coupon, about("coupon", "coupon_id"), (
        Message("coupon_redeemed.holder", person("account_id"), category="coupons", priority=lambda d: "low"),)),
    "skill_verified": Notice(readers.SkillVerified, about("volunteer", "volunteer_id"), (
        Message("skill_verified.volunteer", person("volunteer_id"), category="volunteering"),)),
    "shift_signed_up": Notice(readers.ShiftForVolunteer, about("shift", "shift_id"), (
        Message("shift_signed_up.volunteer", person("volunteer_id"), category="volunteering"),)),
    "shift_withdrawn": Notice(readers.ShiftWithdrawn, about("shift", "shift_id"), (
        Message("shift_withdrawn.staff", when(lambda d: d["late"], holders(*STAFF_ROLES)), category="volunteering"),)),
    "shift_understaffed": Notice(readers.ShiftUnderstaffed, about("shift", "shift_id"), (
        Message("shift_understaffed.staff", union(holders(*STAFF_ROLES), person("lead_id")), category="volunteering"),)),
    "shift_reminder_due": Notice(readers.ShiftInvite, about("shift", "shift_id"), (
        Message("shift_reminder.volunteer", person("volunteer_id"), category="volunteering"),)),
    "volunteer_invited": Notice(readers.ShiftInvite, about("shift", "shift_id"), (
        Message("volunteer_invited.volunteer", person("volunteer_id"), category="volunteering"),)),
    "shift_checked_out": Notice(readers.ShiftDone, about("shift", "shift_id"), (
        Message("shift_checked_out.volunteer", person("volunteer_id"), category="volunteering", priority=lambda d: "low"),)),
    "shift_no_show": Notice(readers.ShiftMissed, about("shift", "shift_id"), (
        Message("shift_no_show.volunteer", person("volunteer_id"), category="volunteering"),)),
}

# Deliberately tell no one: the projections other services keep, and facts a person already saw.
SILENT = frozenset()
