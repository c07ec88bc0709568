"""The issues service's documents, in its own `issues` database."""
from mongoengine import (DateTimeField, DictField, EmbeddedDocument, EmbeddedDocumentField,
                         FloatField, ListField, StringField)

from services.common.documents import OutboxDocument
from services.issues import domain


class Location(EmbeddedDocument):
    building_id = StringField(required=True)
    unit_id = StringField()
    grid_id = StringField()
    lat = FloatField()
    lng = FloatField()


class Issue(OutboxDocument):
    """A resident's report and everything done about it."""

    community_id = StringField(required=True)
    reporter_id = StringField(required=True)
    category = StringField(required=True, choices=domain.CATEGORIES)
    title = StringField(required=True, max_length=120)
    description = StringField(max_length=4000)
    location = EmbeddedDocumentField(Location, required=True)
    status = StringField(required=True, default=domain.SUBMITTED)
    created_at = DateTimeField(required=True)
    timeline = ListField(DictField())
    submission_key = StringField(required=True)  # one report per submission, also when a request is redelivered

    meta = {
        "db_alias": "issues",
        "collection": "issues",
        "indexes": [("community_id", "status", "-created_at"), ("reporter_id", "-created_at"),
                    {"fields": ["submission_key"], "unique": True}],
    }
