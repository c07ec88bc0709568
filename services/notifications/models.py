"""The notifications service's documents, in its own `notifications` database."""
from mongoengine import DateTimeField, DictField, Document, StringField

from services.common.people import membership_model

ALIAS = {"db_alias": "notifications"}


class Recipient(Document):
    """Projection of an account from `account_registered`: how to reach the person."""

    id = StringField(primary_key=True)
    display_name = StringField()
    locale = StringField(default="zh-CN")
    email = StringField()
    phone = StringField()
    meta = {**ALIAS, "collection": "recipients"}


MembershipVersion = membership_model("notifications")


class InboxItem(Document):
    """A message in a person's in-app inbox; its id is (event, recipient, channel)."""

    id = StringField(primary_key=True)
    account_id = StringField(required=True)
    community_id = StringField()
    kind = StringField(required=True)
    title = StringField(required=True)
    body = StringField()
    subject = DictField()
    event_id = StringField(required=True)
    created_at = DateTimeField(required=True)
    read_at = DateTimeField()
    meta = {**ALIAS, "collection": "inbox", "indexes": [("account_id", "-created_at")]}
