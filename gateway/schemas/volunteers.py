"""Volunteers, activities, shifts and hours, as sent to and read from the volunteers service."""
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

SKILLS = ("hairdressing", "legal_advice", "nursing", "it", "drawing", "first_aid")
SEAT_SKILLS = (*SKILLS, "general")
HHMM = validate.Regexp(r"^([01]\d|2[0-3]):[0-5]\d$", error="HH:MM, 24-hour Shanghai time")
ACCOUNT = validate.Length(min=1, max=64)


class AvailabilityWindowSchema(Schema):
    weekday = fields.Integer(required=True, validate=validate.Range(1, 7), metadata={"description": "1 = Monday"})
    start = fields.String(required=True, validate=HHMM)
    end = fields.String(required=True, validate=HHMM)


class VolunteerInSchema(Schema):
    display_name = fields.String(load_default="", validate=validate.Length(max=60))
    skills = fields.List(fields.String(validate=validate.OneOf(SKILLS)), load_default=list)
    party_member = fields.Boolean(load_default=False)
    building_id = fields.String(load_default=None, allow_none=True, validate=ACCOUNT)
    grid_id = fields.String(load_default=None, allow_none=True, validate=ACCOUNT)
    availability = fields.List(fields.Nested(AvailabilityWindowSchema), load_default=list)
    max_shifts_per_week = fields.Integer(load_default=3, validate=validate.Range(1, 14))


class ShiftTemplateSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(("weekly", "rota")))
    first_day = fields.Date(required=True)
    start = fields.String(required=True, validate=HHMM)
    end = fields.String(required=True, validate=HHMM)
    weekday = fields.Integer(validate=validate.Range(1, 7))
    weeks = fields.Integer(validate=validate.Range(1, 53))
    needs = fields.Dict(keys=fields.String(validate=validate.OneOf(SEAT_SKILLS)),
                        values=fields.Integer(validate=validate.Range(1, 50)))
    days = fields.Integer(validate=validate.Range(1, 62))
    people = fields.Integer(validate=validate.Range(1, 50))

    @validates_schema
    def complete(self, data, **kwargs):
        wanted = ("weekday", "weeks", "needs") if data["kind"] == "weekly" else ("days", "people")
        missing = [name for name in wanted if not data.get(name)]
        if missing:
            raise ValidationError({name: ["Required for this kind of template."] for name in missing})


class ActivityInSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(("tuesday_services", "cleanup", "patrol", "event")))
    title = fields.String(required=True, validate=validate.Length(min=2, max=120))
    place = fields.String(required=True, validate=validate.Length(min=1, max=120))
    lead_id = fields.String(load_default=None, allow_none=True, validate=ACCOUNT)
    team_id = fields.String(load_default=None, allow_none=True, validate=ACCOUNT)
    template = fields.Nested(ShiftTemplateSchema, required=True)


class SignUpInSchema(Schema):
    skill = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(SEAT_SKILLS))
    waitlist = fields.Boolean(load_default=True, metadata={"description": "false: 409 when full"})


class AttendanceInSchema(Schema):
    at = fields.AwareDateTime(load_default=None, allow_none=True,
                              metadata={"description": "The actual time (lead recording afterwards); default now"})
    note = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=2000))
    photos = fields.List(fields.Url(), load_default=list, validate=validate.Length(max=9))


class InviteInSchema(Schema):
    skill = fields.String(required=True, validate=validate.OneOf(SEAT_SKILLS))


class PeriodQuerySchema(Schema):
    since = fields.AwareDateTime(load_default=None)
    until = fields.AwareDateTime(load_default=None)


class HoursQuerySchema(PeriodQuerySchema):
    volunteer_id = fields.String(load_default=None, validate=ACCOUNT)
    team_id = fields.String(load_default=None, validate=ACCOUNT)


class TeamInSchema(Schema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=60))
    kind = fields.String(required=True, validate=validate.OneOf(("building", "grid", "tuesday_services", "patrol",
                                                                 "other")))
    member_ids = fields.List(fields.String(validate=ACCOUNT), load_default=list)


class YearQuerySchema(Schema):
    year = fields.Integer(required=True, validate=validate.Range(2000, 2100))

