"""The notifications service's documents, in its own `notifications` database."""
from mongoengine import DateTimeField, DictField, Document, IntField, ListField, StringField

from services.common.documents import OutboxDocument
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


class Delivery(Document):
    """One message to one person on one outside channel; its id is (event, recipient, channel)."""

    id = StringField(primary_key=True)
    account_id = StringField(required=True)
    community_id = StringField()
    channel = StringField(required=True)  # "email" | "apprise"
    address = StringField(required=True)
    title = StringField(required=True)
    body = StringField()
    subject = DictField()
    event_id = StringField(required=True)
    status = StringField(required=True, default="queued")  # queued | held | sent | failed | digested
    attempts = IntField(default=0)
    due_at = DateTimeField(required=True)
    last_error = StringField()
    sent_at = DateTimeField()
    created_at = DateTimeField(required=True)
    meta = {**ALIAS, "collection": "deliveries",
            "indexes": [("status", "due_at"), ("community_id", "status"), "subject.id"]}


class DeliveryAttempt(Document):
    """A sender's claim on attempt N of a delivery: only the one who inserts it may send."""

    id = StringField(primary_key=True)  # "<delivery id>#<n>"
    delivery_id = StringField(required=True)
    at = DateTimeField(required=True)
    error = StringField()
    meta = {**ALIAS, "collection": "delivery_attempts"}


class Preferences(Document):
    """A person's own settings; only that person writes them, always as a whole."""

    id = StringField(primary_key=True)  # the account id
    channels = DictField()  # category -> ["email", "apprise"]; missing means in-app only
    apprise_url = StringField()
    quiet_hours = DictField()  # {"start": "22:00", "end": "07:00"} in Asia/Shanghai, or {}
    digest = ListField(StringField())  # categories gathered in the daily digest
    meta = {**ALIAS, "collection": "preferences"}


class Template(Document):
    """A community's own wording of one message kind in one language."""

    id = StringField(primary_key=True)  # "<community>:<kind>:<locale>"
    community_id = StringField(required=True)
    kind = StringField(required=True)
    locale = StringField(required=True)
    title = StringField(required=True)
    body = StringField(required=True)
    edited_by = StringField()
    edited_at = DateTimeField()
    meta = {**ALIAS, "collection": "templates"}


class Announcement(OutboxDocument):
    """A staff notice to an audience; its events sit in its own outbox."""

    id = StringField(primary_key=True)
    community_id = StringField(required=True)
    author_id = StringField(required=True)
    title = StringField(required=True)
    body = StringField(required=True)
    audience = DictField()
    priority = StringField(required=True)
    channels = ListField(StringField())
    created_at = DateTimeField(required=True)
    meta = {**ALIAS, "collection": "announcements"}


class VolunteerSkill(Document):
    """Who can do what, from volunteers' `volunteer_registered` and `skill_verified`; insert-only."""

    id = StringField(primary_key=True)  # "<community>:<volunteer>:<skill>"
    community_id = StringField(required=True)
    volunteer_id = StringField(required=True)
    skill = StringField(required=True)
    meta = {**ALIAS, "collection": "volunteer_skills", "indexes": [("community_id", "skill")]}
