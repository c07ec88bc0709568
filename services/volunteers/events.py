"""Strict schemas of the events the volunteers service emits (`data`, version 1)."""
from marshmallow import RAISE, Schema, fields


class Event(Schema):
    class Meta:
        unknown = RAISE

    community_id = fields.String(required=True)


class VolunteerRegistered(Event):
    volunteer_id = fields.String(required=True)
    display_name = fields.String(required=True)
    skills = fields.List(fields.String(), required=True)


class SkillVerified(Event):
    volunteer_id = fields.String(required=True)
    skill = fields.String(required=True)
    verified_by = fields.String(required=True)


class ShiftFacts(Event):
    shift_id = fields.String(required=True)
    activity_id = fields.String(required=True)
    place = fields.String(required=True)
    starts_at = fields.String(required=True)
    ends_at = fields.String(required=True)
    activity_kind = fields.String(required=True)


class ShiftScheduled(ShiftFacts):
    title = fields.String(required=True)
    needs = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)


class ShiftSignedUp(ShiftFacts):
    """The fixed contract bookings reads to open Tuesday service slots."""

    volunteer_id = fields.String(required=True)
    skill = fields.String(required=True)


class ShiftWithdrawn(ShiftSignedUp):
    late = fields.Boolean(required=True)


class ShiftUnderstaffed(ShiftFacts):
    title = fields.String(required=True)
    missing = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    reason = fields.String(required=True)  # "late_withdrawal" | "starting_soon"
    lead_id = fields.String(required=True, allow_none=True)


class ShiftReminderDue(ShiftFacts):
    title = fields.String(required=True)
    volunteer_id = fields.String(required=True)
    reminder = fields.String(required=True)  # "day_before" | "hour_before"


class VolunteerInvited(ShiftFacts):
    title = fields.String(required=True)
    volunteer_id = fields.String(required=True)
    skill = fields.String(required=True)


class ShiftCheckedIn(Event):
    shift_id = fields.String(required=True)
    signup_id = fields.String(required=True)
    volunteer_id = fields.String(required=True)
    title = fields.String(required=True)
    at = fields.String(required=True)


class ShiftCheckedOut(ShiftCheckedIn):
    seconds = fields.Integer(required=True)
    note = fields.String(required=True, allow_none=True)
    photos = fields.List(fields.String(), required=True)


class ShiftNoShow(Event):
    shift_id = fields.String(required=True)
    signup_id = fields.String(required=True)
    volunteer_id = fields.String(required=True)
    title = fields.String(required=True)
    starts_at = fields.String(required=True)


class Source(Schema):
    class Meta:
        unknown = RAISE

    type = fields.String(required=True)
    id = fields.String(required=True)


class ActivityCompleted(Event):
    """The fixed contract issues reads to mark a patrol action item done."""

    activity_id = fields.String(required=True)
    kind = fields.String(required=True)
    source = fields.Nested(Source, required=True, allow_none=True)


EVENT_SCHEMAS = {
    "volunteer_registered": VolunteerRegistered,
    "skill_verified": SkillVerified,
    "shift_scheduled": ShiftScheduled,
    "shift_signed_up": ShiftSignedUp,
    "shift_withdrawn": ShiftWithdrawn,
    "shift_understaffed": ShiftUnderstaffed,
    "shift_reminder_due": ShiftReminderDue,
    "volunteer_invited": VolunteerInvited,
    "shift_checked_in": ShiftCheckedIn,
    "shift_checked_out": ShiftCheckedOut,
    "shift_no_show": ShiftNoShow,
    "activity_completed": ActivityCompleted,
}


def data(event_type, **facts):
    """Validated `data` of an outgoing event."""
    return EVENT_SCHEMAS[event_type]().load(facts)
