"""Deliberation hall (红色议事厅) topics, comments, support and official answers."""
from mongoengine import DateTimeField, Document, IntField, ListField, StringField

from services.common.documents import OutboxDocument


class Topic(OutboxDocument):
    """A matter put to the deliberation hall, by staff or out of a cluster of reports."""

    community_id = StringField(required=True)
    title = StringField(required=True)
    body = StringField()
    issue_ids = ListField(StringField())  # the reports it grew out of
    opened_by = StringField(required=True)
    opened_at = DateTimeField(required=True)

    meta = {"db_alias": "issues", "collection": "topics", "indexes": [("community_id", "-opened_at")]}


class TopicComment(Document):
    topic_id = StringField(required=True)
    account_id = StringField(required=True)
    text = StringField(required=True)
    at = DateTimeField(required=True)

    meta = {"db_alias": "issues", "collection": "topic_comments", "indexes": [("topic_id", "at")]}


class TopicSupport(Document):
    """One person's support of a topic; the `_id` makes it count once."""

    id = StringField(primary_key=True)  # "<topic>:<account>"
    topic_id = StringField(required=True)
    account_id = StringField(required=True)
    at = DateTimeField(required=True)

    meta = {"db_alias": "issues", "collection": "topic_supports", "indexes": ["topic_id"]}


class TopicAnswer(Document):
    """One version of the staff's official answer and plan; the highest version is current."""

    id = StringField(primary_key=True)  # "<topic>:<version>"
    topic_id = StringField(required=True)
    version = IntField(required=True, min_value=1)
    answer = StringField(required=True)
    plan = StringField()
    answered_by = StringField(required=True)
    at = DateTimeField(required=True)

    meta = {"db_alias": "issues", "collection": "topic_answers", "indexes": ["topic_id"]}
