"""I/O of the owners' assembly votes behind a few verbs; conflicts are unique inserts."""
from bson import ObjectId
from bson.errors import InvalidId
from mongoengine import NotUniqueError
from nameko.extensions import DependencyProvider

from services.common import people
from services.common.store import Store
from services.issues.assembly_exceptions import ballot_already_cast, vote_not_found
from services.issues.assembly_models import (Ballot, EligibleUnit, MembershipVersion, Vote,
                                             VoteOpening, VoteResult)


class VoteRepository:
    def create(self, units, **fields):
        vote = Vote(id=ObjectId(), units=[EligibleUnit(**u) for u in units], **fields)
        return vote.save(force_insert=True)

    def get(self, vote_id):
        try:
            vote = Vote.objects(id=ObjectId(vote_id)).first()
        except InvalidId:
            vote = None
        if vote is None:
            raise vote_not_found(vote_id)
        return vote

    def of_community(self, community_id):
        return list(Vote.objects(community_id=community_id).order_by("-opens_at"))

    def membership(self, account_id, community_id):
        """The account's current membership of the community, or None."""
        found = people.current(MembershipVersion, account_id=account_id, community_id=community_id)
        return found[0] if found else None

    def insert_ballot(self, vote_id, unit_id, version, **fields):
        """Store one ballot version; a version already taken is a conflict, nothing is written."""
        ballot = Ballot(id=f"{vote_id}:{unit_id}:{version}", vote_id=vote_id, unit_id=unit_id,
                        version=version, **fields)
        try:
            return ballot.save(force_insert=True)
        except NotUniqueError:
            raise ballot_already_cast(unit_id, version) from None

    def ballots(self, vote_id):
        return list(Ballot.objects(vote_id=vote_id).as_pymongo())

    def result(self, vote_id):
        return VoteResult.objects(id=vote_id).first()

    def opened(self, vote_id):
        return VoteOpening.objects(id=vote_id).count() > 0

    def due(self, now):
        """Votes whose opening or closing may be due: opened at or before `now`, not yet closed.

        Without their eligible units (hundreds per vote): the timer asks every second and
        needs the units only for the rare vote it opens or closes (`get` then).
        """
        closed = set(VoteResult.objects.scalar("id"))
        return [v for v in Vote.objects(opens_at__lte=now).exclude("units") if str(v.id) not in closed]


class Votes(DependencyProvider):
    """The service's votes, ballots and results, on its own connection."""

    store = Store()

    def get_dependency(self, worker_ctx):
        return VoteRepository()
