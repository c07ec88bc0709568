"""The bookings service's documents, in its own `bookings` database.

Contention is never settled here by updates: seats of time (`slot_claims`), coupon quota
seats and per-resident limits are separate documents inserted under unique `_id`s by
`dependencies.py`; these classes hold what the winners then own.
"""
from mongoengine import (BooleanField, DateTimeField, DictField, Document, FloatField, IntField,
                         ListField, StringField)

from services.bookings import domain
from services.common.documents import OutboxDocument
from services.common.people import membership_model

MembershipVersion = membership_model("bookings")


class Resource(Document):
    """Something residents reserve: a room, equipment, a service session or a printer."""

    community_id = StringField(required=True)
    key = StringField(required=True)  # stable per community, e.g. "lounge"; the seed's idempotency key
    kind = StringField(required=True, choices=domain.KINDS)
    name = StringField(required=True)
    name_en = StringField()
    skill = StringField()  # service sessions: the volunteer skill that opens slots
    rules = DictField()
    created_at = DateTimeField(required=True)

    meta = {"db_alias": "bookings", "collection": "resources",
            "indexes": [{"fields": ["community_id", "key"], "unique": True}]}


class Booking(OutboxDocument):
    """One reservation of a resource by a resident, with its events."""

    community_id = StringField(required=True)
    resource_id = StringField(required=True)
    resource_name = StringField(required=True)
    resource_kind = StringField(required=True)
    account_id = StringField(required=True)
    starts_at = DateTimeField(required=True)
    ends_at = DateTimeField(required=True)
    quantity = IntField(default=1)
    title = StringField()
    status = StringField(required=True)
    claims = ListField(StringField())
    shift_id = StringField()
    volunteer_id = StringField()
    check_in_code = StringField(required=True)
    reason = StringField()
    hold_until = DateTimeField()  # an offer to a waitlisted resident lapses then
    created_at = DateTimeField(required=True)
    history = ListField(DictField())

    meta = {"db_alias": "bookings", "collection": "bookings",
            "indexes": [("resource_id", "starts_at"), ("account_id", "starts_at"), ("status", "starts_at")]}


class WaitlistEntry(Document):
    """A resident waiting for a time; `_id` ends in a sequence number won by a unique insert (first come, first served)."""

    id = StringField(primary_key=True)  # <span>:<000042>
    span = StringField(required=True)  # <resource>:<start slot>-<end slot>
    community_id = StringField(required=True)
    resource_id = StringField(required=True)
    account_id = StringField(required=True)
    roles = ListField(StringField())
    starts_at = DateTimeField(required=True)
    ends_at = DateTimeField(required=True)
    created_at = DateTimeField(required=True)

    meta = {"db_alias": "bookings", "collection": "waitlist", "indexes": ["resource_id", "span"]}


class ServiceWindow(Document):
    """A volunteer scheduled for a service session: its slots exist only while this does."""

    id = StringField(primary_key=True)  # <shift_id>:<volunteer_id>
    community_id = StringField(required=True)
    resource_id = StringField(required=True)
    shift_id = StringField(required=True)
    volunteer_id = StringField(required=True)
    skill = StringField(required=True)
    starts_at = DateTimeField(required=True)
    ends_at = DateTimeField(required=True)

    meta = {"db_alias": "bookings", "collection": "service_windows", "indexes": ["resource_id"]}


class Coupon(Document):
    """A wall shop's offer: a total quota, a per-resident limit and a validity window."""

    community_id = StringField(required=True)
    shop_id = StringField(required=True)
    shop_name = StringField(required=True)
    title = StringField(required=True)
    quota = IntField(required=True, min_value=1)
    per_resident = IntField(required=True, min_value=1)
    valid_from = DateTimeField(required=True)
    valid_until = DateTimeField(required=True)
    created_at = DateTimeField(required=True)

    meta = {"db_alias": "bookings", "collection": "coupons", "indexes": ["community_id"]}


class CouponClaim(OutboxDocument):
    """One claimed coupon; its `_id` is the code the resident shows."""

    id = StringField(primary_key=True)
    coupon_id = StringField(required=True)
    community_id = StringField(required=True)
    account_id = StringField(required=True)
    seat = StringField(required=True)
    limit_key = StringField(required=True)
    claimed_at = DateTimeField(required=True)
    redeemed = BooleanField(default=False)
    redeemed_at = DateTimeField()

    meta = {"db_alias": "bookings", "collection": "coupon_claims", "indexes": ["coupon_id", "account_id"]}


class Place(Document):
    """A place of the 15-minute life circle; coordinates are plain numbers (no 2dsphere on FerretDB)."""

    community_id = StringField(required=True)
    key = StringField(required=True)
    name = StringField(required=True)
    name_en = StringField()
    category = StringField(required=True)
    address = StringField(required=True)
    hours = StringField()
    lat = FloatField(required=True)
    lng = FloatField(required=True)

    meta = {"db_alias": "bookings", "collection": "places",
            "indexes": [{"fields": ["community_id", "key"], "unique": True}]}


class ReminderMark(OutboxDocument):
    """A reminder sent, saved with its event; its `_id` `<booking>:<reminder>` makes it once only."""

    id = StringField(primary_key=True)
    booking_id = StringField(required=True)
    reminder = StringField(required=True)
    at = DateTimeField(required=True)

    meta = {"db_alias": "bookings", "collection": "reminders"}
