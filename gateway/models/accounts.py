"""People: accounts, their unique login names, and their memberships of communities."""
from mongoengine import DateTimeField, Document, ListField, ObjectIdField, StringField

from gateway import roles
from services.common.documents import OutboxDocument
from services.common.envelope import utcnow

LOCALES = ("zh-CN", "en")


def stored_now():
    """Now, to the millisecond MongoDB keeps, so an answer shows what a later read will."""
    moment = utcnow()
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


class Account(OutboxDocument):
    meta = {"db_alias": "gateway", "collection": "accounts"}
    display_name = StringField(required=True, max_length=40)
    locale = StringField(required=True, choices=LOCALES, default="zh-CN")
    email = StringField()
    phone = StringField()
    password_hash = StringField(required=True)
    created_at = DateTimeField(required=True, default=stored_now)


class LoginClaim(Document):
    """A login name (`phone:…` or `email:…`) taken by one account: the `_id` arbitrates."""

    meta = {"db_alias": "gateway", "collection": "login_claims"}
    id = StringField(primary_key=True)
    account_id = ObjectIdField(required=True)
    created_at = DateTimeField(required=True, default=stored_now)

    @staticmethod
    def key(kind, value):
        return f"{kind}:{value}"


class Membership(OutboxDocument):
    """One account in one community: its roles and its home; `_id` is `<account>:<community>`."""

    meta = {"db_alias": "gateway", "collection": "memberships",
            "indexes": ["account_id", "community_id"]}
    id = StringField(primary_key=True)
    account_id = ObjectIdField(required=True)
    community_id = ObjectIdField(required=True)
    roles = ListField(StringField(choices=roles.ALL), required=True)
    building_id = ObjectIdField()
    unit_id = ObjectIdField()
    grid_id = ObjectIdField()
    updated_at = DateTimeField(required=True, default=stored_now)

    @staticmethod
    def key(account_id, community_id):
        return f"{account_id}:{community_id}"
