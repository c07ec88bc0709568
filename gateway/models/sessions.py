"""Refresh-token sessions: one per login, revocable; each refresh token is spent once."""
from mongoengine import DateTimeField, Document, ObjectIdField, StringField

from gateway.models.accounts import stored_now


class Session(Document):
    """A logged-in device; every token of it stops working once `revoked_at` is set."""

    meta = {"db_alias": "gateway", "collection": "sessions", "indexes": ["account_id"]}
    id = StringField(primary_key=True)
    account_id = ObjectIdField(required=True)
    created_at = DateTimeField(required=True, default=stored_now)
    revoked_at = DateTimeField()
    user_agent = StringField(max_length=300)


class SpentToken(Document):
    """A refresh token already exchanged; a second insert of its `jti` exposes a replay."""

    meta = {"db_alias": "gateway", "collection": "spent_refresh_tokens"}
    id = StringField(primary_key=True)
    session_id = StringField(required=True)
    spent_at = DateTimeField(required=True, default=stored_now)
