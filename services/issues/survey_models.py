"""Surveys and their answers, in the issues service's own database."""
from mongoengine import DateTimeField, DictField, ListField, StringField

from mongoengine import Document

from services.common.documents import OutboxDocument
from services.issues import surveying


class Survey(OutboxDocument):
    """A questionnaire put to a community, some buildings or some grids; stored published."""

    community_id = StringField(required=True)
    title = StringField(required=True)
    description = StringField()
    questions = ListField(DictField(), required=True)
    target = DictField(required=True)  # {scope, building_ids, grid_ids}
    per = StringField(required=True, choices=(surveying.HOUSEHOLD, surveying.PERSON))
    closes_at = DateTimeField()
    created_by = StringField(required=True)
    created_at = DateTimeField(required=True)

    meta = {"db_alias": "issues", "collection": "surveys", "indexes": [("community_id", "-created_at")]}


class SurveyAnswer(Document):
    """One household's or person's answers; the `_id` makes it the only one."""

    id = StringField(primary_key=True)  # "<survey>:unit:<unit>" or "<survey>:account:<account>"
    survey_id = StringField(required=True)
    account_id = StringField(required=True)
    unit_id = StringField()
    building_id = StringField()
    grid_id = StringField()
    answers = DictField()
    submitted_at = DateTimeField(required=True)

    meta = {"db_alias": "issues", "collection": "survey_answers", "indexes": ["survey_id"]}
