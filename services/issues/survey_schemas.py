"""marshmallow schemas at the edges of surveys."""
from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates_schema

from services.issues import surveying
from services.issues.schemas import EVENT_SCHEMAS

ID = validate.Length(min=1, max=64)


class Strict(Schema):
    class Meta:
        unknown = RAISE


class QuestionSchema(Strict):
    key = fields.String(required=True, validate=validate.Regexp(r"\A[a-z][a-z0-9_]{0,31}\Z"))
    kind = fields.String(required=True, validate=validate.OneOf(surveying.KINDS))
    prompt = fields.String(required=True, validate=validate.Length(min=1, max=300))
    options = fields.List(fields.String(validate=validate.Length(min=1, max=100)), load_default=None,
                          allow_none=True, validate=validate.Length(max=30))
    required = fields.Boolean(load_default=False)
    min = fields.Float(load_default=None, allow_none=True)
    max = fields.Float(load_default=None, allow_none=True)

    @validates_schema
    def check(self, data, **kwargs):
        choice = data["kind"] in (surveying.SINGLE, surveying.MULTIPLE)
        options = data.get("options") or []
        if choice and (len(options) < 2 or len(set(options)) != len(options)):
            raise ValidationError("a choice question needs at least two distinct options", "options")
        if not choice and options:
            raise ValidationError("only choice questions have options", "options")


class TargetSchema(Strict):
    scope = fields.String(required=True, validate=validate.OneOf((surveying.COMMUNITY, surveying.BUILDINGS,
                                                                   surveying.GRIDS)))
    building_ids = fields.List(fields.String(validate=ID), load_default=list)
    grid_ids = fields.List(fields.String(validate=ID), load_default=list)

    @validates_schema
    def check(self, data, **kwargs):
        for scope in (surveying.BUILDINGS, surveying.GRIDS):
            if data["scope"] == scope and not data[f"{scope[:-1]}_ids"]:
                raise ValidationError(f"name at least one of the {scope}", f"{scope[:-1]}_ids")


class CreateSurveySchema(Strict):
    community_id = fields.String(required=True, validate=ID)
    created_by = fields.String(required=True, validate=ID)
    title = fields.String(required=True, validate=validate.Length(min=2, max=200))
    description = fields.String(load_default="", validate=validate.Length(max=4000))
    questions = fields.List(fields.Nested(QuestionSchema), required=True, validate=validate.Length(min=1, max=50))
    target = fields.Nested(TargetSchema, load_default=lambda: {"scope": surveying.COMMUNITY})
    per = fields.String(load_default=surveying.HOUSEHOLD, validate=validate.OneOf((surveying.HOUSEHOLD,
                                                                                 surveying.PERSON)))
    closes_at = fields.AwareDateTime(load_default=None, allow_none=True)

    @validates_schema
    def check(self, data, **kwargs):
        keys = [q["key"] for q in data["questions"]]
        if len(set(keys)) != len(keys):
            raise ValidationError("two questions share a key", "questions")


class AnswerInSchema(Strict):
    survey_id = fields.String(required=True, validate=ID)
    account_id = fields.String(required=True, validate=ID)
    answers = fields.Dict(keys=fields.String(), required=True)


class SurveySchema(Schema):
    id = fields.String()
    community_id = fields.String()
    title = fields.String()
    description = fields.String()
    questions = fields.List(fields.Dict())
    target = fields.Dict()
    per = fields.String()
    closes_at = fields.AwareDateTime(allow_none=True)
    created_by = fields.String()
    created_at = fields.AwareDateTime()


class SurveyPublishedSchema(Strict):
    """`data` of `survey_published` (v1)."""

    survey_id = fields.String(required=True)
    community_id = fields.String(required=True)
    title = fields.String(required=True)
    per = fields.String(required=True)
    scope = fields.String(required=True)
    building_ids = fields.List(fields.String(), required=True)
    grid_ids = fields.List(fields.String(), required=True)
    closes_at = fields.String(allow_none=True, required=True)


SURVEY_EVENT_SCHEMAS = {"survey_published": SurveyPublishedSchema}
EVENT_SCHEMAS.update(SURVEY_EVENT_SCHEMAS)  # the issues service's one registry of outgoing events
