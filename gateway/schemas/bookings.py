"""The 37° space's resources, bookings, coupons and life-circle places, as the API shows them."""
from marshmallow import EXCLUDE, Schema, fields, validate

from gateway.schemas.fields import Id, PageSchema

KINDS = ("room", "equipment", "service", "printer")
OPENING = r"^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$"


class RulesInSchema(Schema):
    hours = fields.Dict(keys=fields.String(validate=validate.OneOf(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))),
                        values=fields.List(fields.String(validate=validate.Regexp(OPENING))),
                        metadata={"description": 'Local (Asia/Shanghai) openings: {"tue": ["09:00-11:30"]}'})
    closures = fields.List(fields.String(), metadata={"description": '"2026-10-01" or "2026-10-01/2026-10-07"'})
    min_minutes = fields.Integer()
    max_minutes = fields.Integer()
    notice_minutes = fields.Integer()
    horizon_days = fields.Integer()
    buffer_minutes = fields.Integer()
    capacity = fields.Integer(metadata={"description": "Seats, or the quantity of equipment"})
    roles = fields.List(fields.String(), metadata={"description": "Roles that may book; empty: every member"})
    approval = fields.Boolean()
    cancel_hours = fields.Integer()
    grace_minutes = fields.Integer()
    max_per_week = fields.Integer(allow_none=True)
    max_hours_per_month = fields.Integer(allow_none=True)


class ResourceInSchema(Schema):
    key = fields.String(required=True, validate=validate.Regexp(r"^[a-z0-9_-]{1,40}$"))
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    name = fields.String(required=True, validate=validate.Length(min=1, max=60))
    name_en = fields.String(load_default=None, allow_none=True)
    skill = fields.String(load_default=None, allow_none=True)
    rules = fields.Nested(RulesInSchema, load_default=dict)


class ResourceSchema(Schema):
    id = fields.String()
    community_id = fields.String()
    key = fields.String()
    kind = fields.String()
    name = fields.String()
    name_en = fields.String(allow_none=True)
    skill = fields.String(allow_none=True)
    rules = fields.Dict()
    windows = fields.List(fields.Dict(), metadata={"description": "Service sessions: when volunteers are scheduled"})


class ResourceListSchema(PageSchema):
    items = fields.List(fields.Nested(ResourceSchema))


class KindQuerySchema(Schema):
    kind = fields.String(validate=validate.OneOf(KINDS))


class BookingInSchema(Schema):
    community_id = Id(required=True)
    resource_id = Id(required=True)
    starts_at = fields.AwareDateTime(required=True, metadata={"description": "ISO 8601 with an offset"})
    ends_at = fields.AwareDateTime(required=True)
    quantity = fields.Integer(load_default=1, validate=validate.Range(1, 200))
    title = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=80))


class SeriesInSchema(BookingInSchema):
    every_days = fields.Integer(load_default=7, validate=validate.Range(1, 28))
    count = fields.Integer(required=True, validate=validate.Range(1, 26))
    book = fields.Boolean(load_default=False, metadata={"description": "false: only report; true: book the free ones"})


class SeriesSchema(Schema):
    occurrences = fields.List(fields.Dict(), metadata={
        "description": "Each occurrence: starts_at, ends_at, status free|taken|refused|booked, booking_id?, errors?"})


class BookingSchema(Schema):
    id = fields.String()
    community_id = fields.String()
    resource_id = fields.String()
    resource_name = fields.String()
    resource_kind = fields.String()
    account_id = fields.String()
    starts_at = fields.String(metadata={"format": "date-time"})
    ends_at = fields.String(metadata={"format": "date-time"})
    quantity = fields.Integer()
    title = fields.String(allow_none=True)
    status = fields.String()
    reason = fields.String(allow_none=True)
    check_in_code = fields.String(metadata={"description": "Only for the resident who booked and staff"})
    shift_id = fields.String(allow_none=True)
    volunteer_id = fields.String(allow_none=True)


class BookingListSchema(PageSchema):
    items = fields.List(fields.Nested(BookingSchema))


class WaitlistSchema(Schema):
    id = fields.String()
    position = fields.Integer(metadata={"description": "1 is the first in line"})
    resource_id = fields.String()


class ActInSchema(Schema):
    reason = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=200))
    code = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=16))


class FeedSchema(Schema):
    url = fields.String(metadata={"description": "A private iCalendar address for calendar apps"})


class CouponInSchema(Schema):
    shop_name = fields.String(required=True, validate=validate.Length(min=1, max=60))
    title = fields.String(required=True, validate=validate.Length(min=1, max=80))
    quota = fields.Integer(required=True, validate=validate.Range(1, 100000))
    per_resident = fields.Integer(load_default=1, validate=validate.Range(1, 20))
    valid_from = fields.AwareDateTime(required=True)
    valid_until = fields.AwareDateTime(required=True)


class CouponSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    id = fields.String()
    community_id = fields.String()
    shop_id = fields.String()
    shop_name = fields.String()
    title = fields.String()
    quota = fields.Integer()
    per_resident = fields.Integer()
    claimed = fields.Integer()
    left = fields.Integer()
    valid_from = fields.String(metadata={"format": "date-time"})
    valid_until = fields.String(metadata={"format": "date-time"})


class CouponListSchema(PageSchema):
    items = fields.List(fields.Nested(CouponSchema))


class ClaimSchema(Schema):
    code = fields.String()
    coupon_id = fields.String()
    account_id = fields.String()
    title = fields.String()
    shop_name = fields.String()
    claimed_at = fields.String(metadata={"format": "date-time"})
    redeemed = fields.Boolean()
    redeemed_at = fields.String(allow_none=True, metadata={"format": "date-time"})
    valid_until = fields.String(metadata={"format": "date-time"})


class ClaimListSchema(PageSchema):
    items = fields.List(fields.Nested(ClaimSchema))


class RedeemInSchema(Schema):
    code = fields.String(required=True, validate=validate.Regexp(r"^[A-Z2-9]{10}$"))


class PlaceQuerySchema(Schema):
    category = fields.String()
    lat = fields.Float(validate=validate.Range(-90, 90))
    lng = fields.Float(validate=validate.Range(-180, 180))
    max_minutes = fields.Float(load_default=15, validate=validate.Range(1, 120))


class PlaceSchema(Schema):
    id = fields.String()
    key = fields.String()
    name = fields.String()
    name_en = fields.String(allow_none=True)
    category = fields.String()
    address = fields.String()
    hours = fields.String(allow_none=True)
    lat = fields.Float()
    lng = fields.Float()
    walk_m = fields.Integer()
    walk_minutes = fields.Float()


class PlaceListSchema(PageSchema):
    items = fields.List(fields.Nested(PlaceSchema))
