"""Documents of the owners' assembly votes, in the issues service's own database.

Every contention is settled by an insert under a unique key: a ballot version per
(vote, unit, version), the opening and the result of a vote once each by its id.
"""
from mongoengine import (BooleanField, DateTimeField, DictField, Document, EmbeddedDocument,
                         EmbeddedDocumentListField, IntField, StringField)

from services.common.documents import OutboxDocument
from services.common.people import membership_model
from services.issues import tally

MembershipVersion = membership_model("issues")


class EligibleUnit(EmbeddedDocument):
    """A unit as the directory gave it when the vote was created: the service's own copy."""

    unit_id = StringField(required=True)
    building_id = StringField()
    grid_id = StringField()
    area_centi = IntField(required=True, min_value=1)  # floor area in 0.01 m²


class Vote(Document):
    """A question put to the owners' assembly."""

    community_id = StringField(required=True)
    question = StringField(required=True)
    description = StringField()
    matter = StringField(required=True, choices=tally.MATTERS)
    opens_at = DateTimeField(required=True)
    closes_at = DateTimeField(required=True)
    open_ballot = BooleanField(default=False)  # the community chose that staff may see how each unit voted
    units = EmbeddedDocumentListField(EligibleUnit)
    created_by = StringField(required=True)
    created_at = DateTimeField(required=True)

    meta = {"db_alias": "issues", "collection": "votes",
            "indexes": [("community_id", "-opens_at"), "closes_at"]}


class Ballot(Document):
    """One version of one unit's ballot; the highest version is the unit's choice."""

    id = StringField(primary_key=True)  # "<vote>:<unit>:<version>"
    vote_id = StringField(required=True)
    unit_id = StringField(required=True)
    version = IntField(required=True, min_value=1)
    choice = StringField(required=True, choices=tally.CHOICES)
    cast_by = StringField()  # the owner who cast it online
    entered_by = StringField()  # the staff member who entered a paper ballot
    cast_at = DateTimeField(required=True)

    meta = {"db_alias": "issues", "collection": "ballots",
            "indexes": [{"fields": ["vote_id", "unit_id", "version"], "unique": True}]}


class VoteOpening(OutboxDocument):
    """That a vote opened; its `_id` is the vote's, so it is announced once."""

    id = StringField(primary_key=True)
    opened_at = DateTimeField(required=True)

    meta = {"db_alias": "issues", "collection": "vote_openings"}


class VoteResult(OutboxDocument):
    """The tally of a closed vote; its `_id` is the vote's, so a vote closes once."""

    id = StringField(primary_key=True)
    community_id = StringField(required=True)
    closed_at = DateTimeField(required=True)
    closed_by = StringField(required=True)  # an account id, or "timer"
    figures = DictField(required=True)

    meta = {"db_alias": "issues", "collection": "vote_results"}
