"""Owners' assembly votes, surveys and deliberation topics, as sent to and read from the issues service."""
from marshmallow import RAISE, Schema, fields, validate

from gateway.schemas.fields import Id, PageSchema

MATTERS = ("ordinary", "raise_maintenance_funds", "rebuild", "change_common_parts_use", "business_on_common_parts")
CHOICES = ("for", "against", "abstain")


class VoteInSchema(Schema):
    question = fields.String(required=True, validate=validate.Length(min=2, max=200))
    description = fields.String(load_default="", validate=validate.Length(max=4000))
    matter = fields.String(required=True, validate=validate.OneOf(MATTERS),
                           metadata={"description": "Article 278: ordinary, or one of the special matters (3/4)"})
    opens_at = fields.AwareDateTime(required=True)
    closes_at = fields.AwareDateTime(required=True)
    open_ballot = fields.Boolean(load_default=False, metadata={"description": "Staff may see how each unit voted"})
    building_ids = fields.List(Id(), load_default=None,
                               metadata={"description": "Only the units of these buildings; all units if absent"})


class BallotInSchema(Schema):
    choice = fields.String(required=True, validate=validate.OneOf(CHOICES))
    replaces = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=1),
                              metadata={"description": "To change a ballot: the version it replaces"})


class PaperBallotInSchema(BallotInSchema):
    unit_id = Id(required=True)


class VoteSchema(Schema):
    id = fields.String()
    community_id = fields.String()
    question = fields.String()
    description = fields.String()
    matter = fields.String()
    opens_at = fields.String(metadata={"format": "date-time"})
    closes_at = fields.String(metadata={"format": "date-time"})
    open_ballot = fields.Boolean()
    status = fields.String(metadata={"description": "scheduled, open or closed"})
    units_total = fields.Integer()
    area_total_m2 = fields.String()
    created_by = fields.String()
    result = fields.Dict(allow_none=True, metadata={"description": "The Article 278 tally with every figure it used"})


class BallotSchema(Schema):
    vote_id = fields.String()
    unit_id = fields.String()
    version = fields.Integer()
    choice = fields.String()
    cast_by = fields.String(allow_none=True)
    entered_by = fields.String(allow_none=True)
    cast_at = fields.String(metadata={"format": "date-time"})


class TurnoutSchema(Schema):
    vote_id = fields.String()
    units_total = fields.Integer()
    units_voted = fields.Integer()
    area_total_m2 = fields.String()
    area_voted_m2 = fields.String()
    voted_unit_ids = fields.List(fields.String())
    choices = fields.Dict(allow_none=True, metadata={"description": "Only on an open ballot"})


class QuestionSchema(Schema):
    class Meta:
        unknown = RAISE

    key = fields.String(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(("single", "multiple", "number", "text")))
    prompt = fields.String(required=True)
    options = fields.List(fields.String(), load_default=None, allow_none=True)
    required = fields.Boolean(load_default=False)
    min = fields.Float(load_default=None, allow_none=True)
    max = fields.Float(load_default=None, allow_none=True)


class TargetSchema(Schema):
    scope = fields.String(required=True, validate=validate.OneOf(("community", "buildings", "grids")))
    building_ids = fields.List(Id(), load_default=list)
    grid_ids = fields.List(Id(), load_default=list)


class SurveyInSchema(Schema):
    title = fields.String(required=True, validate=validate.Length(min=2, max=200))
    description = fields.String(load_default="", validate=validate.Length(max=4000))
    questions = fields.List(fields.Nested(QuestionSchema), required=True, validate=validate.Length(min=1, max=50))
    target = fields.Nested(TargetSchema, load_default=lambda: {"scope": "community", "building_ids": [], "grid_ids": []})
    per = fields.String(load_default="household", validate=validate.OneOf(("household", "person")))
    closes_at = fields.AwareDateTime(load_default=None, allow_none=True)


class SurveySchema(Schema):
    id = fields.String()
    community_id = fields.String()
    title = fields.String()
    description = fields.String()
    questions = fields.List(fields.Dict())
    target = fields.Dict()
    per = fields.String()
    closes_at = fields.String(allow_none=True, metadata={"format": "date-time"})
    created_by = fields.String()
    created_at = fields.String(metadata={"format": "date-time"})


class SurveyAnswerInSchema(Schema):
    answers = fields.Dict(keys=fields.String(), required=True)


class TopicInSchema(Schema):
    title = fields.String(required=True, validate=validate.Length(min=2, max=200))
    body = fields.String(load_default="", validate=validate.Length(max=8000))
    issue_ids = fields.List(fields.String(validate=validate.Length(min=1, max=64)), load_default=list,
                            metadata={"description": "The reports this topic grew out of"})


class CommentInSchema(Schema):
    text = fields.String(required=True, validate=validate.Length(min=1, max=2000))


class TopicAnswerInSchema(Schema):
    answer = fields.String(required=True, validate=validate.Length(min=1, max=8000))
    plan = fields.String(load_default="", validate=validate.Length(max=8000))
    replaces = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=1))


class TopicSchema(Schema):
    id = fields.String()
    community_id = fields.String()
    title = fields.String()
    body = fields.String()
    issue_ids = fields.List(fields.String())
    opened_by = fields.String()
    opened_at = fields.String(metadata={"format": "date-time"})
    supporters = fields.Integer()
    comments = fields.List(fields.Dict())
    answer = fields.Dict(allow_none=True)


class TopicListSchema(PageSchema):
    items = fields.List(fields.Nested(TopicSchema))


class ClusterSchema(Schema):
    category = fields.String()
    building_id = fields.String(allow_none=True)
    grid_id = fields.String(allow_none=True)
    count = fields.Integer()
    issue_ids = fields.List(fields.String())
    titles = fields.List(fields.String(), metadata={"description": "Up to five report titles"})


class ClusterListSchema(PageSchema):
    items = fields.List(fields.Nested(ClusterSchema))


class VoteListSchema(PageSchema):
    items = fields.List(fields.Nested(VoteSchema))


class SurveyListSchema(PageSchema):
    items = fields.List(fields.Nested(SurveySchema))
