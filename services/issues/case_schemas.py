"""RPC input of case handling: strict, unknown fields refused."""
from marshmallow import RAISE, Schema, fields, validate

from services.issues import domain

Id = lambda **kw: fields.String(validate=validate.Length(min=1, max=64), **kw)  # noqa: E731


class Strict(Schema):
    class Meta:
        unknown = RAISE


class MoveSchema(Strict):
    """Who moves which case of which community, with an optional note."""

    issue_id = Id(required=True)
    community_id = Id(required=True)
    actor_id = Id(required=True)
    note = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=1000))


class ReasonedMoveSchema(MoveSchema):
    """A move the resident must be given a reason for (reject, reopen, reassign)."""

    note = fields.String(required=True, validate=validate.Length(min=2, max=1000))


class AssignSchema(MoveSchema):
    """Assign to a party and handler group; both default to the community's routing table."""

    party = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(domain.PARTIES))
    handler_group = fields.String(load_default=None, allow_none=True, validate=validate.Length(min=1, max=64))


class MergeSchema(MoveSchema):
    into_id = Id(required=True)


class JoinSchema(Strict):
    issue_id = Id(required=True)
    community_id = Id(required=True)
    account_id = Id(required=True)


class RouteSchema(Strict):
    community_id = Id(required=True)
    category = fields.String(required=True, validate=validate.OneOf((domain.ANY, *domain.CATEGORIES)))
    grid_id = Id(required=True, metadata={"description": "a micro-grid id, or * for any"})
    party = fields.String(required=True, validate=validate.OneOf(domain.PARTIES))
    handler_group = Id(required=True)


class LimitSchema(Strict):
    community_id = Id(required=True)
    category = fields.String(required=True, validate=validate.OneOf(domain.CATEGORIES))
    respond_hours = fields.Integer(required=True, validate=validate.Range(1, 24 * 30))
    resolve_working_days = fields.Integer(required=True, validate=validate.Range(1, 90))


class DuplicateQuerySchema(Strict):
    community_id = Id(required=True)
    category = fields.String(required=True, validate=validate.OneOf(domain.CATEGORIES))
    location = fields.Dict(required=True)


class ListSchema(Strict):
    community_id = Id(required=True)
    status = fields.String(load_default=None, allow_none=True,
                           validate=validate.OneOf(tuple(domain.TRANSITIONS)))
    category = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(domain.CATEGORIES))
    party = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(domain.PARTIES))
    grid_id = fields.String(load_default=None, allow_none=True, validate=validate.Length(min=1, max=64))
    overdue = fields.Boolean(load_default=None, allow_none=True,
                             metadata={"description": "true: only open cases past a limit; false: only the others"})
    limit = fields.Integer(load_default=50, validate=validate.Range(1, 200))
    before = fields.AwareDateTime(load_default=None, allow_none=True)


class RateSchema(Strict):
    issue_id = Id(required=True)
    community_id = Id(required=True)
    account_id = Id(required=True)
    score = fields.Integer(required=True, validate=validate.Range(1, 5))
    comment = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=1000))


class ClassifySchema(MoveSchema):
    unreasonable = fields.Boolean(required=True)


class RatesQuerySchema(Strict):
    community_ids = fields.List(Id(), required=True, validate=validate.Length(min=1, max=500))
    by = fields.String(load_default="community", validate=validate.OneOf(domain.DIMENSIONS))
    since = fields.AwareDateTime(load_default=None, allow_none=True)
    until = fields.AwareDateTime(load_default=None, allow_none=True)


class PatrolSchema(Strict):
    days = fields.Integer(required=True, validate=validate.Range(1, 31))
    people_per_evening = fields.Integer(required=True, validate=validate.Range(1, 20))


class ScheduleMeetingSchema(Strict):
    community_id = Id(required=True)
    actor_id = Id(required=True)
    title = fields.String(required=True, validate=validate.Length(min=2, max=120))
    starts_at = fields.AwareDateTime(required=True)
    place = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=120))
    issue_ids = fields.List(Id(), required=True, validate=validate.Length(min=1, max=20))
    parties = fields.List(fields.String(validate=validate.OneOf(domain.PARTIES)),
                          load_default=list(domain.PARTIES), validate=validate.Length(min=2, max=3))


class MinutesSchema(Strict):
    meeting_id = Id(required=True)
    community_id = Id(required=True)
    actor_id = Id(required=True)
    minutes = fields.String(required=True, validate=validate.Length(min=1, max=20000))


class ActionItemInSchema(Strict):
    meeting_id = Id(required=True)
    community_id = Id(required=True)
    actor_id = Id(required=True)
    issue_id = Id(required=True)
    party = fields.String(required=True, validate=validate.OneOf(domain.PARTIES))
    title = fields.String(required=True, validate=validate.Length(min=2, max=120))
    due_at = fields.AwareDateTime(required=True)
    kind = fields.String(load_default="task", validate=validate.OneOf(("task", "patrol")))
    patrol = fields.Nested(PatrolSchema, load_default=None, allow_none=True)


class CompleteItemSchema(Strict):
    action_item_id = Id(required=True)
    community_id = Id(required=True)
    actor_id = Id(required=True)


class MyListSchema(Strict):
    account_id = Id(required=True)
    status = fields.List(fields.String(validate=validate.OneOf(tuple(domain.TRANSITIONS))), load_default=list)
    limit = fields.Integer(load_default=20, validate=validate.Range(1, 100))
    offset = fields.Integer(load_default=0, validate=validate.Range(0, 100000))
