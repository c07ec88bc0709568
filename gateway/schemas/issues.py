"""Residents' reports, as sent to and read from the issues service."""
from marshmallow import EXCLUDE, Schema, fields, validate

from gateway.schemas.fields import Id

CATEGORIES = ("parking", "non_motor_vehicles", "noise", "sanitation", "repairs", "safety",
              "greenery", "elevators", "other")


class LocationInSchema(Schema):
    building_id = Id(required=True)
    unit_id = Id(load_default=None)


PHOTO_TYPES = ("image/jpeg", "image/png", "image/webp")


class PhotoInSchema(Schema):
    content_type = fields.String(required=True, validate=validate.OneOf(PHOTO_TYPES))
    data = fields.String(required=True, validate=validate.Length(min=4, max=2_800_000),
                         metadata={"description": "The image's bytes in base64, at most 2 MB decoded"})


class IssueInSchema(Schema):
    community_id = Id(required=True)
    category = fields.String(required=True, validate=validate.OneOf(CATEGORIES))
    title = fields.String(required=True, validate=validate.Length(min=1, max=100))
    description = fields.String(required=True, validate=validate.Length(min=1, max=4000))
    location = fields.Nested(LocationInSchema, required=True)
    photos = fields.List(fields.Nested(PhotoInSchema), load_default=list, validate=validate.Length(max=4),
                         metadata={"description": "Up to 4 photos; the service checks their bytes"})


class IdempotencySchema(Schema):
    """Request headers: every other header is ignored."""

    class Meta:
        unknown = EXCLUDE

    idempotency_key = fields.String(
        data_key="Idempotency-Key", validate=validate.Regexp(r"\A[\x21-\x7e]{1,128}\Z"),
        metadata={"description": "Retry-safe: the same key gives the same report"})


class LocationSchema(Schema):
    building_id = fields.String()
    unit_id = fields.String(allow_none=True)
    grid_id = fields.String(allow_none=True)


class IssueSchema(Schema):
    id = fields.String()
    community_id = fields.String()
    reporter_id = fields.String()
    category = fields.String()
    title = fields.String()
    description = fields.String()
    location = fields.Nested(LocationSchema)
    status = fields.String()
    created_at = fields.String(metadata={"format": "date-time"})
    timeline = fields.List(fields.Dict())
