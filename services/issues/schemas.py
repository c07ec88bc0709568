"""marshmallow schemas at the issues service's edges."""
from marshmallow import RAISE, Schema, fields, validate

from services.issues import domain


class LocationSchema(Schema):
    class Meta:
        unknown = RAISE

    building_id = fields.String(required=True, validate=validate.Length(min=1, max=64))
    unit_id = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=64))
    grid_id = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=64))
    lat = fields.Float(load_default=None, allow_none=True, validate=validate.Range(-90, 90))
    lng = fields.Float(load_default=None, allow_none=True, validate=validate.Range(-180, 180))


class ReportIssueSchema(Schema):
    """Input of `report_issue`: strict, unknown fields refused."""

    class Meta:
        unknown = RAISE

    community_id = fields.String(required=True, validate=validate.Length(min=1, max=64))
    reporter_id = fields.String(required=True, validate=validate.Length(min=1, max=64))
    category = fields.String(required=True, validate=validate.OneOf(domain.CATEGORIES))
    title = fields.String(required=True, validate=validate.Length(min=2, max=120))
    description = fields.String(load_default="", validate=validate.Length(max=4000))
    location = fields.Nested(LocationSchema, required=True)
    submission_key = fields.String(load_default=None, allow_none=True, validate=validate.Length(min=8, max=128),
                                   metadata={"description": "The same key twice gives the same issue"})


class TimelineEntrySchema(Schema):
    at = fields.AwareDateTime()
    action = fields.String()
    actor_id = fields.String()
    status = fields.String()
    note = fields.String(allow_none=True)


class IssueSchema(Schema):
    """Output of the RPC methods."""

    id = fields.String()
    community_id = fields.String()
    reporter_id = fields.String()
    category = fields.String()
    title = fields.String()
    description = fields.String()
    location = fields.Nested(LocationSchema)
    status = fields.String()
    created_at = fields.AwareDateTime()
    timeline = fields.List(fields.Nested(TimelineEntrySchema))


class IssueReportedSchema(Schema):
    """`data` of the `issue_reported` event (v1): ids and the facts a reader needs to say what happened."""

    class Meta:
        unknown = RAISE

    issue_id = fields.String(required=True)
    community_id = fields.String(required=True)
    reporter_id = fields.String(required=True)
    category = fields.String(required=True)
    title = fields.String(required=True)
    building_id = fields.String(required=True)
    grid_id = fields.String(allow_none=True)


EVENT_SCHEMAS = {"issue_reported": IssueReportedSchema}
