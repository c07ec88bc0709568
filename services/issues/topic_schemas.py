"""marshmallow schemas at the edges of the deliberation hall."""
from marshmallow import RAISE, Schema, fields, validate

from services.issues.schemas import EVENT_SCHEMAS

ID = validate.Length(min=1, max=64)


class Strict(Schema):
    class Meta:
        unknown = RAISE


class OpenTopicSchema(Strict):
    community_id = fields.String(required=True, validate=ID)
    opened_by = fields.String(required=True, validate=ID)
    title = fields.String(required=True, validate=validate.Length(min=2, max=200))
    body = fields.String(load_default="", validate=validate.Length(max=8000))
    issue_ids = fields.List(fields.String(validate=ID), load_default=list, validate=validate.Length(max=200))


class CommentInSchema(Strict):
    topic_id = fields.String(required=True, validate=ID)
    account_id = fields.String(required=True, validate=ID)
    text = fields.String(required=True, validate=validate.Length(min=1, max=2000))


class AnswerInSchema(Strict):
    topic_id = fields.String(required=True, validate=ID)
    account_id = fields.String(required=True, validate=ID)
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
    opened_at = fields.AwareDateTime()
    supporters = fields.Integer()
    comments = fields.List(fields.Dict())
    answer = fields.Dict(allow_none=True)


class TopicOpenedSchema(Strict):
    """`data` of `topic_opened` (v1)."""

    topic_id = fields.String(required=True)
    community_id = fields.String(required=True)
    title = fields.String(required=True)
    opened_by = fields.String(required=True)
    issue_ids = fields.List(fields.String(), required=True)


TOPIC_EVENT_SCHEMAS = {"topic_opened": TopicOpenedSchema}
EVENT_SCHEMAS.update(TOPIC_EVENT_SCHEMAS)  # the issues service's one registry of outgoing events
