"""Tolerant readers of the events the volunteers service consumes (unknown fields ignored)."""
from marshmallow import EXCLUDE, Schema, fields


class Reader(Schema):
    class Meta:
        unknown = EXCLUDE


class BookingCheckedInData(Reader):
    booking_id = fields.String(required=True)
    community_id = fields.String(required=True)
    starts_at = fields.AwareDateTime(required=True)
    shift_id = fields.String(load_default=None, allow_none=True)
    volunteer_id = fields.String(load_default=None, allow_none=True)


class Patrol(Reader):
    days = fields.Integer(required=True)
    people_per_evening = fields.Integer(required=True)


class ActionItemAssignedData(Reader):
    action_item_id = fields.String(required=True)
    community_id = fields.String(required=True)
    title = fields.String(required=True)
    kind = fields.String(required=True)
    due_at = fields.AwareDateTime(load_default=None, allow_none=True)
    patrol = fields.Nested(Patrol, load_default=None, allow_none=True)
