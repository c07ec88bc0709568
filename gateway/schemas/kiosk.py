"""Kiosk devices as the community admin registers them, and what a kiosk reads and sends."""
from marshmallow import Schema, fields, validate

from gateway.schemas.fields import SecretHolderSchema


class DeviceInSchema(Schema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=60),
                         metadata={"description": "Where the kiosk stands, e.g. 37° space entrance"})


class DeviceSchema(SecretHolderSchema):
    token = fields.String(metadata={"description": "The device token itself: shown once, when it is registered"})


class DeviceListSchema(Schema):
    items = fields.List(fields.Nested(DeviceSchema))


class KioskSchema(Schema):
    device = fields.Dict(metadata={"description": "`{id, name}` of the calling device"})
    community = fields.Dict(metadata={"description": "`{id, name}` of the device's community"})


class TurnSchema(Schema):
    starts_at = fields.AwareDateTime()
    ends_at = fields.AwareDateTime()
    free = fields.Integer(metadata={"description": "Volunteers still free for this turn"})


class SpanSchema(Schema):
    starts_at = fields.AwareDateTime()
    ends_at = fields.AwareDateTime()


class ServiceDaySchema(Schema):
    resource_id = fields.String()
    name = fields.String()
    name_en = fields.String(allow_none=True)
    skill = fields.String(allow_none=True)
    day = fields.Date(metadata={"description": "The Asia/Shanghai date"})
    windows = fields.List(fields.Nested(SpanSchema), metadata={"description": "The volunteers' scheduled times"})
    free = fields.List(fields.Nested(TurnSchema), metadata={"description": "30-minute turns still bookable"})


class ServicesSchema(Schema):
    days = fields.List(fields.Date(), metadata={"description": "Today and next Tuesday (Asia/Shanghai)"})
    items = fields.List(fields.Nested(ServiceDaySchema))


class CheckInSchema(Schema):
    code = fields.String(required=True, validate=validate.Regexp(r"^[0-9]{6}$", error="A booking code is 6 digits."),
                         metadata={"description": "The booking's 6-digit check-in code"})


class CheckedInSchema(Schema):
    booking_id = fields.String()
    resource_id = fields.String()
    resource_name = fields.String()
    status = fields.String()
    starts_at = fields.String(metadata={"format": "date-time"})
    ends_at = fields.String(metadata={"format": "date-time"})


class NoticeSchema(Schema):
    id = fields.String()
    title = fields.String()
    body = fields.String()
    priority = fields.String()
    created_at = fields.String(metadata={"format": "date-time"})


class NoticeListSchema(Schema):
    items = fields.List(fields.Nested(NoticeSchema))
