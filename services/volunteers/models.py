"""The volunteers service's documents, in its own `volunteers` database.

Contention is arbitrated by inserts under unique `_id`s (FerretDB has no atomic updates):
a seat is `<shift>:<skill>:<index>`, a sign-up key `<shift>:<volunteer>`, a check-in
`<signup>:in`, a reminder `<shift>:<volunteer>:<reminder>`, a ledger entry its source.
"""
from mongoengine import (BooleanField, DateTimeField, DictField, Document, IntField, ListField,
                         StringField)

from services.common.documents import OutboxDocument
from services.common.people import membership_model

MembershipVersion = membership_model("volunteers")
ALIAS = "volunteers"


class Volunteer(OutboxDocument):
    """A profile: `_id` is `<community>:<account>`; skills {name: {verified, verified_by, at}}."""

    id = StringField(primary_key=True)
    community_id = StringField(required=True)
    account_id = StringField(required=True)
    display_name = StringField()
    skills = DictField()
    party_member = BooleanField(default=False)
    building_id = StringField()
    grid_id = StringField()
    availability = ListField(DictField())  # [{weekday 1-7, start "HH:MM", end "HH:MM"}] local time
    max_shifts_per_week = IntField(default=3)
    registered_at = DateTimeField(required=True)
    meta = {"db_alias": ALIAS, "collection": "volunteers", "indexes": ["community_id"]}


class SkillVerification(OutboxDocument):
    """`<community>:<account>:<skill>`: staff saw the licence; inserted once, never rewritten."""

    id = StringField(primary_key=True)
    community_id = StringField(required=True)
    account_id = StringField(required=True)
    skill = StringField(required=True)
    verified_by = StringField(required=True)
    at = DateTimeField(required=True)
    meta = {"db_alias": ALIAS, "collection": "skill_verifications", "indexes": ["community_id"]}


class Team(Document):
    community_id = StringField(required=True)
    name = StringField(required=True)
    kind = StringField(required=True)
    member_ids = ListField(StringField())
    meta = {"db_alias": ALIAS, "collection": "teams", "indexes": ["community_id"]}


class Activity(OutboxDocument):
    id = StringField(primary_key=True)
    community_id = StringField(required=True)
    kind = StringField(required=True)
    title = StringField(required=True)
    place = StringField(required=True)
    team_id = StringField()
    lead_id = StringField()
    source = DictField()  # {type: "action_item", id} when another service asked for it
    shift_count = IntField(default=0)
    created_at = DateTimeField(required=True)
    meta = {"db_alias": ALIAS, "collection": "activities", "indexes": ["community_id"]}


class Shift(OutboxDocument):
    id = StringField(primary_key=True)
    activity_id = StringField(required=True)
    community_id = StringField(required=True)
    activity_kind = StringField(required=True)
    title = StringField(required=True)
    place = StringField(required=True)
    starts_at = DateTimeField(required=True)
    ends_at = DateTimeField(required=True)
    needs = DictField(required=True)  # {skill: people}
    lead_id = StringField()
    team_id = StringField()
    meta = {"db_alias": ALIAS, "collection": "shifts",
            "indexes": [("community_id", "starts_at"), "activity_id"]}


class Seat(Document):
    """One taken seat; the unique `_id` `<shift>:<skill>:<index>` is what never overfills."""

    id = StringField(primary_key=True)
    shift_id = StringField(required=True)
    skill = StringField(required=True)
    volunteer_id = StringField(required=True)
    signup_id = StringField()
    taken_at = DateTimeField()
    meta = {"db_alias": ALIAS, "collection": "seats", "indexes": ["shift_id"]}


class SignupKey(Document):
    """`<shift>:<volunteer>`: one live sign-up per volunteer and shift."""

    id = StringField(primary_key=True)
    shift_id = StringField(required=True)
    signup_id = StringField(required=True)
    taken_at = DateTimeField()
    meta = {"db_alias": ALIAS, "collection": "signup_keys"}


class Signup(OutboxDocument):
    """A volunteer's place on a shift; a fresh `_id` each time (one may withdraw and come back)."""

    id = StringField(primary_key=True)
    shift_id = StringField(required=True)
    activity_id = StringField(required=True)
    community_id = StringField(required=True)
    volunteer_id = StringField(required=True)
    skill = StringField(required=True)
    seat_id = StringField(required=True)
    starts_at = DateTimeField(required=True)
    ends_at = DateTimeField(required=True)
    signed_up_at = DateTimeField(required=True)
    meta = {"db_alias": ALIAS, "collection": "signups",
            "indexes": ["shift_id", ("volunteer_id", "starts_at")]}


class Mark(OutboxDocument):
    """A once-only fact about a sign-up or shift, its `_id` the arbiter: `<signup>:withdrawn`,
    `<signup>:in`, `<signup>:out`, `<signup>:no_show`, `<shift>:<volunteer>:<reminder>`,
    `<shift>:done`, `<activity>:completed`."""

    id = StringField(primary_key=True)
    kind = StringField(required=True)
    signup_id = StringField()
    shift_id = StringField()
    activity_id = StringField()
    volunteer_id = StringField()
    actor_id = StringField()
    at = DateTimeField(required=True)
    late = BooleanField()
    note = StringField()
    photos = ListField(StringField())
    meta = {"db_alias": ALIAS, "collection": "marks", "indexes": ["shift_id", "signup_id", "kind"]}


class Waitlisted(Document):
    """`<shift>:<volunteer>`: waiting for a seat of `skill`, first come first served."""

    id = StringField(primary_key=True)
    shift_id = StringField(required=True)
    volunteer_id = StringField(required=True)
    skill = StringField(required=True)
    at = DateTimeField(required=True)
    meta = {"db_alias": ALIAS, "collection": "waitlist", "indexes": ["shift_id"]}


class HoursEntry(Document):
    """Append-only ledger; `_id` is its source (`shift:<signup>`, `booking:<id>`), so never twice."""

    id = StringField(primary_key=True)
    community_id = StringField(required=True)
    volunteer_id = StringField(required=True)
    kind = StringField(required=True)  # "shift": seconds worked; "service": a resident served
    seconds = IntField(default=0)
    served = IntField(default=0)
    shift_id = StringField()
    activity_id = StringField()
    team_id = StringField()
    at = DateTimeField(required=True)  # when the work started: the period it counts in
    meta = {"db_alias": ALIAS, "collection": "hours",
            "indexes": [("community_id", "at"), ("volunteer_id", "at")]}


class Invitation(OutboxDocument):
    """`<shift>:<volunteer>`: one invitation per volunteer and shift."""

    id = StringField(primary_key=True)
    shift_id = StringField(required=True)
    volunteer_id = StringField(required=True)
    skill = StringField(required=True)
    invited_by = StringField()
    at = DateTimeField(required=True)
    meta = {"db_alias": ALIAS, "collection": "invitations"}
