"""marshmallow schemas at the volunteers service's edges: RPC input and outgoing events."""
from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates_schema

from services.volunteers import domain

ID = validate.Length(min=1, max=64)
HHMM = validate.Regexp(r"^([01]\d|2[0-3]):[0-5]\d$", error="HH:MM, 24-hour local time")
SKILL_OR_GENERAL = validate.OneOf((*domain.SKILLS, domain.GENERAL))


class Strict(Schema):
    class Meta:
        unknown = RAISE


class WindowSchema(Strict):
    weekday = fields.Integer(required=True, validate=validate.Range(1, 7))
    start = fields.String(required=True, validate=HHMM)
    end = fields.String(required=True, validate=HHMM)


class RegisterSchema(Strict):
    community_id = fields.String(required=True, validate=ID)
    account_id = fields.String(required=True, validate=ID)
    display_name = fields.String(load_default="", validate=validate.Length(max=60))
    skills = fields.List(fields.String(validate=validate.OneOf(domain.SKILLS)), load_default=list)
    party_member = fields.Boolean(load_default=False)
    building_id = fields.String(load_default=None, allow_none=True, validate=ID)
    grid_id = fields.String(load_default=None, allow_none=True, validate=ID)
    availability = fields.List(fields.Nested(WindowSchema), load_default=list)
    max_shifts_per_week = fields.Integer(load_default=domain.MAX_SHIFTS_PER_WEEK, validate=validate.Range(1, 14))


class VerifySchema(Strict):
    community_id = fields.String(required=True, validate=ID)
    account_id = fields.String(required=True, validate=ID)
    skill = fields.String(required=True, validate=validate.OneOf(domain.SKILLS))
    verified_by = fields.String(required=True, validate=ID)


class TemplateSchema(Strict):
    kind = fields.String(required=True, validate=validate.OneOf(("weekly", "rota")))
    first_day = fields.Date(required=True)
    start = fields.String(required=True, validate=HHMM)
    end = fields.String(required=True, validate=HHMM)
    weekday = fields.Integer(validate=validate.Range(1, 7))
    weeks = fields.Integer(validate=validate.Range(1, 53))
    needs = fields.Dict(keys=fields.String(validate=SKILL_OR_GENERAL),
                        values=fields.Integer(validate=validate.Range(1, 50)))
    days = fields.Integer(validate=validate.Range(1, 62))
    people = fields.Integer(validate=validate.Range(1, 50))

    @validates_schema
    def complete(self, data, **kwargs):
        wanted = ("weekday", "weeks", "needs") if data["kind"] == "weekly" else ("days", "people")
        missing = [name for name in wanted if not data.get(name)]
        if missing:
            raise ValidationError({name: ["required for this kind of template"] for name in missing})


class ActivitySchema(Strict):
    community_id = fields.String(required=True, validate=ID)
    kind = fields.String(required=True, validate=validate.OneOf(domain.ACTIVITY_KINDS))
    title = fields.String(required=True, validate=validate.Length(min=2, max=120))
    place = fields.String(required=True, validate=validate.Length(min=1, max=120))
    lead_id = fields.String(load_default=None, allow_none=True, validate=ID)
    team_id = fields.String(load_default=None, allow_none=True, validate=ID)
    template = fields.Nested(TemplateSchema, required=True)


class SignUpSchema(Strict):
    shift_id = fields.String(required=True, validate=validate.Length(min=1, max=100))
    volunteer_id = fields.String(required=True, validate=ID)
    skill = fields.String(load_default=None, allow_none=True, validate=SKILL_OR_GENERAL)
    waitlist = fields.Boolean(load_default=True)


class ActSchema(Strict):
    """Withdraw, check in, check out or record a no-show on one sign-up."""

    signup_id = fields.String(required=True, validate=ID)
    actor_id = fields.String(required=True, validate=ID)
    actor_is_staff = fields.Boolean(load_default=False)
    at = fields.AwareDateTime(load_default=None, allow_none=True)
    note = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=2000))
    photos = fields.List(fields.Url(), load_default=list, validate=validate.Length(max=9))


class HoursQuerySchema(Strict):
    community_id = fields.String(required=True, validate=ID)
    volunteer_id = fields.String(load_default=None, allow_none=True, validate=ID)
    team_id = fields.String(load_default=None, allow_none=True, validate=ID)
    since = fields.AwareDateTime(load_default=None, allow_none=True)
    until = fields.AwareDateTime(load_default=None, allow_none=True)


class InviteSchema(Strict):
    shift_id = fields.String(required=True, validate=validate.Length(min=1, max=100))
    skill = fields.String(required=True, validate=SKILL_OR_GENERAL)
    invited_by = fields.String(required=True, validate=ID)


class TeamSchema(Strict):
    community_id = fields.String(required=True, validate=ID)
    name = fields.String(required=True, validate=validate.Length(min=1, max=60))
    kind = fields.String(required=True, validate=validate.OneOf(domain.TEAM_KINDS))
    member_ids = fields.List(fields.String(validate=ID), load_default=list)


from services.volunteers.events import EVENT_SCHEMAS  # noqa: E402,F401  (the kit's place for them)
