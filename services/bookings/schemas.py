"""marshmallow schemas at the bookings service's edges: strict going out, tolerant coming in."""
from marshmallow import EXCLUDE, RAISE, Schema, fields, validate, validates_schema, ValidationError

from services.bookings import domain
from services.bookings.geo import SPACE_37

Id = lambda **kw: fields.String(validate=validate.Length(min=1, max=64), **kw)  # noqa: E731
HH = r"([01]\d|2[0-3]):[0-5]\d"
OPENING = validate.Regexp(rf"^{HH}-({HH}|24:00)$", error="an opening is HH:MM-HH:MM")
CLOSURE = validate.Regexp(r"^\d{4}-\d\d-\d\d(/\d{4}-\d\d-\d\d)?$", error="a closure is a date or date/date")


class Strict(Schema):
    class Meta:
        unknown = RAISE


class RulesSchema(Strict):
    hours = fields.Dict(keys=fields.String(validate=validate.OneOf(domain.WEEKDAYS)),
                        values=fields.List(fields.String(validate=OPENING)), load_default=dict)
    closures = fields.List(fields.String(validate=CLOSURE), load_default=list)
    min_minutes = fields.Integer(load_default=15, validate=validate.Range(15, 24 * 60))
    max_minutes = fields.Integer(load_default=240, validate=validate.Range(15, 7 * 24 * 60))
    notice_minutes = fields.Integer(load_default=0, validate=validate.Range(0, 30 * 24 * 60))
    horizon_days = fields.Integer(load_default=60, validate=validate.Range(1, 366))
    buffer_minutes = fields.Integer(load_default=0, validate=validate.Range(0, 240))
    capacity = fields.Integer(load_default=1, validate=validate.Range(1, 200))
    roles = fields.List(fields.String(), load_default=list)
    approval = fields.Boolean(load_default=False)
    cancel_hours = fields.Integer(load_default=0, validate=validate.Range(0, 24 * 14))
    grace_minutes = fields.Integer(load_default=15, validate=validate.Range(0, 240))
    max_per_week = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(1, 100))
    max_hours_per_month = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(1, 744))


class CreateResourceSchema(Strict):
    community_id = Id(required=True)
    key = fields.String(required=True, validate=validate.Regexp(r"^[a-z0-9_-]{1,40}$"))
    kind = fields.String(required=True, validate=validate.OneOf(domain.KINDS))
    name = fields.String(required=True, validate=validate.Length(min=1, max=60))
    name_en = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=60))
    skill = fields.String(load_default=None, allow_none=True,
                          validate=validate.OneOf(sorted(set(domain.SERVICE_SKILLS.values()))))
    rules = fields.Nested(RulesSchema, load_default=dict)

    @validates_schema
    def services_need_a_skill(self, data, **kwargs):
        if data["kind"] == "service" and not data.get("skill"):
            raise ValidationError("a service session names the volunteer skill it needs", "skill")


class RequestBookingSchema(Strict):
    community_id = Id(required=True)
    resource_id = Id(required=True)
    account_id = Id(required=True)
    roles = fields.List(fields.String(), required=True)
    starts_at = fields.AwareDateTime(required=True)
    ends_at = fields.AwareDateTime(required=True)
    quantity = fields.Integer(load_default=1, validate=validate.Range(1, 200))
    title = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=80))
    submission_key = fields.String(load_default=None, allow_none=True, validate=validate.Length(min=1, max=200))


class SeriesSchema(RequestBookingSchema):
    """A recurring booking: the first occurrence, then every `every_days` days, `count` times."""

    every_days = fields.Integer(load_default=7, validate=validate.Range(1, 28))
    count = fields.Integer(required=True, validate=validate.Range(1, 26))
    book = fields.Boolean(load_default=False, metadata={"description": "false: only report; true: book the free ones"})


class ActSchema(Strict):
    """Who acts on a booking: an account with its roles in the booking's community."""

    booking_id = Id(required=True)
    actor_id = Id(required=True)
    roles = fields.List(fields.String(), required=True)
    reason = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=200))
    code = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=16))


class CodeCheckInSchema(Strict):
    """A check-in by the booking's code alone (the kiosk): the community it is typed in and who typed it."""

    community_id = Id(required=True)
    code = fields.String(required=True, validate=validate.Regexp(r"^[0-9]{6}\Z", error="a check-in code is 6 digits"))
    actor_id = Id(required=True)


class CreateCouponSchema(Strict):
    community_id = Id(required=True)
    shop_id = Id(required=True)
    shop_name = fields.String(required=True, validate=validate.Length(min=1, max=60))
    title = fields.String(required=True, validate=validate.Length(min=1, max=80))
    quota = fields.Integer(required=True, validate=validate.Range(1, 100000))
    per_resident = fields.Integer(load_default=1, validate=validate.Range(1, 20))
    valid_from = fields.AwareDateTime(required=True)
    valid_until = fields.AwareDateTime(required=True)

    @validates_schema
    def window_is_forward(self, data, **kwargs):
        if data["valid_until"] <= data["valid_from"]:
            raise ValidationError("the validity ends after it starts", "valid_until")


class CreatePlaceSchema(Strict):
    community_id = Id(required=True)
    key = fields.String(required=True, validate=validate.Regexp(r"^[a-z0-9_-]{1,40}$"))
    name = fields.String(required=True, validate=validate.Length(min=1, max=60))
    name_en = fields.String(load_default=None, allow_none=True)
    category = fields.String(required=True, validate=validate.OneOf(
        ("clinic", "market", "school", "pharmacy", "transport", "shop", "park", "bank", "elderly_care")))
    address = fields.String(required=True, validate=validate.Length(min=1, max=120))
    hours = fields.String(load_default=None, allow_none=True)
    lat = fields.Float(required=True, validate=validate.Range(-90, 90))
    lng = fields.Float(required=True, validate=validate.Range(-180, 180))


class NearbySchema(Strict):
    community_id = Id(required=True)
    lat = fields.Float(load_default=SPACE_37[0], validate=validate.Range(-90, 90))
    lng = fields.Float(load_default=SPACE_37[1], validate=validate.Range(-180, 180))
    category = fields.String(load_default=None, allow_none=True)
    max_minutes = fields.Float(load_default=15, validate=validate.Range(1, 120))


# --- events going out (strict) ---

class BookingEventData(Strict):
    """`data` of every booking_* event (v1)."""

    booking_id = fields.String(required=True)
    community_id = fields.String(required=True)
    account_id = fields.String(required=True)
    resource_id = fields.String(required=True)
    resource_name = fields.String(required=True)
    resource_kind = fields.String(required=True)
    starts_at = fields.String(required=True)
    ends_at = fields.String(required=True)
    shift_id = fields.String(required=True, allow_none=True)
    volunteer_id = fields.String(required=True, allow_none=True)


class BookingClosedData(BookingEventData):
    """`data` of booking_declined / booking_cancelled / booking_no_show: the same plus why."""

    reason = fields.String(required=True, allow_none=True)


class BookingReminderData(BookingEventData):
    """`data` of booking_reminder_due: the same plus which reminder (`day_before`, `hour_before`)."""

    reminder = fields.String(required=True)


class BookingMovedData(BookingEventData):
    previous_volunteer_id = fields.String(required=True, allow_none=True)


class WaitlistOfferedData(BookingEventData):
    hold_until = fields.String(required=True)


class CouponEventData(Strict):
    coupon_id = fields.String(required=True)
    community_id = fields.String(required=True)
    account_id = fields.String(required=True)
    shop_id = fields.String(required=True)
    shop_name = fields.String(required=True)
    title = fields.String(required=True)
    valid_until = fields.String(required=True)


EVENT_SCHEMAS = {
    "booking_requested": BookingEventData,
    "booking_confirmed": BookingEventData,
    "booking_declined": BookingClosedData,
    "booking_cancelled": BookingClosedData,
    "booking_no_show": BookingClosedData,
    "booking_checked_in": BookingEventData,
    "booking_moved": BookingMovedData,
    "booking_reminder_due": BookingReminderData,
    "loan_returned": BookingEventData,
    "waitlist_offered": WaitlistOfferedData,
    "loan_overdue": BookingEventData,
    "coupon_claimed": CouponEventData,
    "coupon_redeemed": CouponEventData,
}


# --- events coming in (tolerant) ---

class ShiftData(Schema):
    """Reader of volunteers' `shift_signed_up` and `shift_withdrawn` data."""

    class Meta:
        unknown = EXCLUDE

    shift_id = fields.String(required=True)
    community_id = fields.String(required=True)
    volunteer_id = fields.String(required=True)
    skill = fields.String(required=True, allow_none=True)
    starts_at = fields.AwareDateTime(required=True)
    ends_at = fields.AwareDateTime(required=True)
