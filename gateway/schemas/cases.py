"""Case handling (moves, ratings, joint meetings, routing, rates), as sent to and read from the issues service."""
from marshmallow import EXCLUDE, Schema, fields, validate
from webargs.fields import DelimitedList

from gateway.schemas.fields import Id, PageSchema
from gateway.schemas.issues import CATEGORIES, IssueSchema

PARTIES = ("rc", "pm", "oc")
ACTIONS = ("accept", "reject", "assign", "start", "resolve", "close", "reopen", "merge")
STATUSES = ("submitted", "accepted", "assigned", "in_progress", "resolved", "closed", "rejected", "merged",
            "reopened")


class MoveInSchema(Schema):
    note = fields.String(load_default=None, validate=validate.Length(min=1, max=1000),
                         metadata={"description": "Required to reject, reopen and reassign: the resident reads it"})
    party = fields.String(load_default=None, validate=validate.OneOf(PARTIES),
                          metadata={"description": "assign: rc, pm or oc (default: the routing table)"})
    handler_group = fields.String(load_default=None, validate=validate.Length(min=1, max=64))
    into_id = Id(load_default=None, metadata={"description": "merge: the case this one joins"})


class CaseSchema(IssueSchema):
    follower_ids = fields.List(fields.String())
    party = fields.String(allow_none=True)
    handler_group = fields.String(allow_none=True)
    respond_by = fields.String(allow_none=True, metadata={"format": "date-time"})
    resolve_by = fields.String(allow_none=True, metadata={"format": "date-time"})
    responded_at = fields.String(allow_none=True, metadata={"format": "date-time"})
    resolved_at = fields.String(allow_none=True, metadata={"format": "date-time"})
    rejection_reason = fields.String(allow_none=True)
    merged_into = fields.String(allow_none=True)
    reopen_count = fields.Integer()
    unreasonable = fields.Boolean()
    updated_at = fields.String(allow_none=True, metadata={
        "format": "date-time", "description": "Time of the latest step (lists carry it instead of the timeline)"})


class CaseListSchema(Schema):
    items = fields.List(fields.Nested(CaseSchema))
    next = fields.String(allow_none=True, metadata={"description": "Cursor of the next page (pass it as `cursor`)"})


class CaseQuerySchema(Schema):
    class Meta:
        unknown = EXCLUDE

    community_id = Id(required=True)
    status = fields.String(load_default=None, validate=validate.OneOf(STATUSES))
    category = fields.String(load_default=None, validate=validate.OneOf(CATEGORIES))
    party = fields.String(load_default=None, validate=validate.OneOf(PARTIES))
    grid_id = Id(load_default=None, metadata={"description": "Cases located in this micro-grid"})
    overdue = fields.Boolean(load_default=None, metadata={"description": "true: open cases past a time limit only"})
    limit = fields.Integer(load_default=50, validate=validate.Range(1, 200))
    before = fields.AwareDateTime(load_default=None, metadata={"description": "created_at of the last case seen"})
    cursor = fields.String(load_default=None, validate=validate.Length(max=200),
                           metadata={"description": "The `next` of the previous page (instead of `before`)"})
    sort = fields.String(load_default="-created_at", validate=validate.OneOf(("-created_at",)),
                         metadata={"description": "Cases come newest first, as the service pages them"})


class DuplicateQuerySchema(Schema):
    class Meta:
        unknown = EXCLUDE

    community_id = Id(required=True)
    category = fields.String(required=True, validate=validate.OneOf(CATEGORIES))
    building_id = Id(required=True)


class DuplicateSchema(Schema):
    id = fields.String()
    title = fields.String()
    status = fields.String()
    created_at = fields.String(metadata={"format": "date-time"})


class DuplicateListSchema(Schema):
    items = fields.List(fields.Nested(DuplicateSchema))


class RatingInSchema(Schema):
    score = fields.Integer(required=True, validate=validate.Range(1, 5))
    comment = fields.String(load_default=None, validate=validate.Length(max=1000))


class ClassificationInSchema(Schema):
    unreasonable = fields.Boolean(required=True)
    note = fields.String(required=True, validate=validate.Length(min=2, max=1000))


class PatrolSchema(Schema):
    days = fields.Integer(required=True, validate=validate.Range(1, 31))
    people_per_evening = fields.Integer(required=True, validate=validate.Range(1, 20))


class MeetingInSchema(Schema):
    community_id = Id(required=True)
    title = fields.String(required=True, validate=validate.Length(min=2, max=120))
    starts_at = fields.AwareDateTime(required=True)
    place = fields.String(load_default=None, validate=validate.Length(max=120))
    issue_ids = fields.List(Id(), required=True, validate=validate.Length(min=1, max=20))
    parties = fields.List(fields.String(validate=validate.OneOf(PARTIES)), load_default=list(PARTIES),
                          validate=validate.Length(min=2, max=3))


class MinutesInSchema(Schema):
    minutes = fields.String(required=True, validate=validate.Length(min=1, max=20000))


class ActionItemInSchema(Schema):
    issue_id = Id(required=True)
    party = fields.String(required=True, validate=validate.OneOf(PARTIES))
    title = fields.String(required=True, validate=validate.Length(min=2, max=120))
    due_at = fields.AwareDateTime(required=True)
    kind = fields.String(load_default="task", validate=validate.OneOf(("task", "patrol")))
    patrol = fields.Nested(PatrolSchema, load_default=None)


class ActionItemSchema(Schema):
    id = fields.String()
    meeting_id = fields.String()
    issue_id = fields.String()
    party = fields.String()
    title = fields.String()
    due_at = fields.String(metadata={"format": "date-time"})
    kind = fields.String()
    patrol = fields.Nested(PatrolSchema, allow_none=True)
    done_at = fields.String(allow_none=True, metadata={"format": "date-time"})
    done_by = fields.String(allow_none=True)


class ActionItemListSchema(PageSchema):
    items = fields.List(fields.Nested(ActionItemSchema))


class MeetingSchema(Schema):
    id = fields.String()
    community_id = fields.String()
    title = fields.String()
    starts_at = fields.String(metadata={"format": "date-time"})
    place = fields.String(allow_none=True)
    agenda = fields.List(fields.String())
    parties = fields.List(fields.String())
    minutes = fields.String(allow_none=True)
    scheduled_by = fields.String()
    action_items = fields.List(fields.Nested(ActionItemSchema))


class RouteInSchema(Schema):
    category = fields.String(required=True, validate=validate.OneOf(("*", *CATEGORIES)))
    grid_id = fields.String(required=True, validate=validate.Length(min=1, max=64),
                            metadata={"description": "a micro-grid id, or * for every grid"})
    party = fields.String(required=True, validate=validate.OneOf(PARTIES))
    handler_group = fields.String(required=True, validate=validate.Length(min=1, max=64))


class LimitInSchema(Schema):
    category = fields.String(required=True, validate=validate.OneOf(CATEGORIES))
    respond_hours = fields.Integer(required=True, validate=validate.Range(1, 24 * 30))
    resolve_working_days = fields.Integer(required=True, validate=validate.Range(1, 90))


class RoutingSchema(Schema):
    routes = fields.List(fields.Dict())
    limits = fields.List(fields.Dict())


class RatesQuerySchema(Schema):
    class Meta:
        unknown = EXCLUDE

    by = fields.String(load_default="community", validate=validate.OneOf(("community", "party", "category", "grid")))
    since = fields.AwareDateTime(load_default=None)
    until = fields.AwareDateTime(load_default=None)


class RatesSchema(Schema):
    by = fields.String()
    total = fields.Dict(metadata={"description": "cases, response_rate, resolution_rate, satisfaction_rate, "
                                                 "ratings, overdue, median_response_hours, "
                                                 "median_resolution_hours, unreasonable"})
    groups = fields.List(fields.Dict())


class MyCaseQuerySchema(Schema):
    class Meta:
        unknown = EXCLUDE

    status = DelimitedList(fields.String(validate=validate.OneOf(STATUSES)), load_default=list,
                           metadata={"description": "Only cases in these states (`status=a,b`)"})
    limit = fields.Integer(load_default=20, validate=validate.Range(1, 100))
    cursor = fields.String(load_default=None, validate=validate.Regexp(r"^\d{1,6}$", error="Not a cursor this list gave."),
                           metadata={"description": "The `next` of the previous page"})
