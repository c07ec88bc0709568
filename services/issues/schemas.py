"""marshmallow schemas at the issues service's edges."""
import base64
import binascii

from marshmallow import EXCLUDE, RAISE, Schema, ValidationError, fields, post_load, validate

from services.issues import domain


class LocationSchema(Schema):
    class Meta:
        unknown = RAISE

    building_id = fields.String(required=True, validate=validate.Length(min=1, max=64))
    unit_id = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=64))
    grid_id = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=64))
    lat = fields.Float(load_default=None, allow_none=True, validate=validate.Range(-90, 90))
    lng = fields.Float(load_default=None, allow_none=True, validate=validate.Range(-180, 180))


class PhotoInSchema(Schema):
    """A photo sent with a report: its type and its bytes in base64; loads as `{content_type, raw}`."""

    class Meta:
        unknown = RAISE

    content_type = fields.String(required=True, validate=validate.OneOf(tuple(domain.PHOTO_TYPES)))
    data = fields.String(required=True, validate=validate.Length(min=4))

    @post_load
    def decode(self, photo, **kwargs):
        try:
            raw = base64.b64decode(photo["data"], validate=True)
        except (binascii.Error, ValueError):
            raise ValidationError({"data": ["Not valid base64."]}) from None
        if problem := domain.photo_problem(photo["content_type"], raw):
            raise ValidationError({"data": [problem]})
        return {"content_type": photo["content_type"], "raw": raw}


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
    photos = fields.List(fields.Nested(PhotoInSchema), load_default=list,
                         validate=validate.Length(max=domain.MAX_PHOTOS))


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
    follower_ids = fields.List(fields.String())
    category = fields.String()
    title = fields.String()
    description = fields.String()
    location = fields.Nested(LocationSchema)
    status = fields.String()
    created_at = fields.AwareDateTime()
    timeline = fields.List(fields.Nested(TimelineEntrySchema))
    party = fields.String(allow_none=True)
    handler_group = fields.String(allow_none=True)
    respond_by = fields.AwareDateTime(allow_none=True)
    resolve_by = fields.AwareDateTime(allow_none=True)
    responded_at = fields.AwareDateTime(allow_none=True)
    resolved_at = fields.AwareDateTime(allow_none=True)
    rejection_reason = fields.String(allow_none=True)
    merged_into = fields.String(allow_none=True)
    reopen_count = fields.Integer()
    unreasonable = fields.Boolean()
    photos = fields.List(fields.Dict(), metadata={"description": "[{n, content_type, size}]"})


class EventData(Schema):
    """Base of every outgoing event's `data`: strict, and always naming its community."""

    class Meta:
        unknown = RAISE

    community_id = fields.String(required=True)


class IssueReportedSchema(EventData):
    """`data` of the `issue_reported` event (v1): ids and the facts a reader needs to say what happened."""

    issue_id = fields.String(required=True)
    reporter_id = fields.String(required=True)
    category = fields.String(required=True)
    title = fields.String(required=True)
    building_id = fields.String(required=True)
    grid_id = fields.String(allow_none=True)


class CaseEventSchema(EventData):
    """`data` of every event about a move of a case (v1): who is told is `follower_ids`."""

    issue_id = fields.String(required=True)
    reporter_id = fields.String(required=True)
    follower_ids = fields.List(fields.String(), required=True)
    title = fields.String(required=True)
    category = fields.String(required=True)
    grid_id = fields.String(allow_none=True)
    status = fields.String(required=True)
    previous_status = fields.String(required=True)
    action = fields.String(required=True)
    actor_id = fields.String(required=True)
    note = fields.String(allow_none=True)
    at = fields.String(required=True)
    party = fields.String(allow_none=True)
    handler_group = fields.String(allow_none=True)


class IssueAssignedSchema(CaseEventSchema):
    party = fields.String(required=True)
    handler_group = fields.String(required=True)


class IssueStatusChangedSchema(CaseEventSchema):
    merged_into = fields.String(allow_none=True)


class IssueOverdueSchema(EventData):
    """`data` of `issue_overdue` (v1): a limit passed; `escalate_to_roles` are told."""

    issue_id = fields.String(required=True)
    title = fields.String(required=True)
    category = fields.String(required=True)
    limit = fields.String(required=True, validate=validate.OneOf(("respond", "resolve")))
    due_at = fields.String(required=True)
    party = fields.String(allow_none=True)
    follower_ids = fields.List(fields.String(), required=True)
    escalate_to_roles = fields.List(fields.String(), required=True)


class IssueRatedSchema(EventData):
    """`data` of `issue_rated` (v1)."""

    issue_id = fields.String(required=True)
    title = fields.String(required=True)
    account_id = fields.String(required=True)
    score = fields.Integer(required=True)
    reopens = fields.Boolean(required=True)
    party = fields.String(allow_none=True)


class JointMeetingScheduledSchema(EventData):
    """`data` of `joint_meeting_scheduled` (v1): the three parties meet about these cases."""

    meeting_id = fields.String(required=True)
    title = fields.String(required=True)
    starts_at = fields.String(required=True)
    place = fields.String(allow_none=True)
    issue_ids = fields.List(fields.String(), required=True)
    parties = fields.List(fields.String(), required=True)
    follower_ids = fields.List(fields.String(), required=True)


class PatrolOutSchema(Schema):
    class Meta:
        unknown = RAISE

    days = fields.Integer(required=True)
    people_per_evening = fields.Integer(required=True)


class ActionItemAssignedSchema(EventData):
    """`data` of `action_item_assigned` (v1), the fixed contract volunteers reads."""

    action_item_id = fields.String(required=True)
    meeting_id = fields.String(required=True)
    issue_id = fields.String(required=True)
    party = fields.String(required=True)
    title = fields.String(required=True)
    due_at = fields.String(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(("task", "patrol")))
    patrol = fields.Nested(PatrolOutSchema, required=True, allow_none=True)


class ActivityCompletedData(Schema):
    """Tolerant reader of volunteers' `activity_completed`."""

    class Meta:
        unknown = EXCLUDE

    activity_id = fields.String(required=True)
    community_id = fields.String(required=True)
    kind = fields.String(load_default=None, allow_none=True)
    source = fields.Dict(load_default=None, allow_none=True)


EVENT_SCHEMAS = {"issue_reported": IssueReportedSchema, "issue_accepted": CaseEventSchema,
                 "issue_assigned": IssueAssignedSchema, "issue_status_changed": IssueStatusChangedSchema,
                 "issue_resolved": CaseEventSchema, "issue_overdue": IssueOverdueSchema,
                 "issue_rated": IssueRatedSchema, "joint_meeting_scheduled": JointMeetingScheduledSchema,
                 "action_item_assigned": ActionItemAssignedSchema}
