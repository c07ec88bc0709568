"""Entrypoints of the owners' assembly votes (业主大会表决) under Civil Code Article 278."""
from datetime import datetime, timezone

from mongoengine import NotUniqueError
from nameko.rpc import rpc
from nameko.timer import timer

from services.common.dependencies import EventOutbox
from services.common.errors import InvalidInput, load
from services.common.handlers import event_handler
from services.common.membership import MembershipProjection
from services.issues import tally, voting
from services.issues.assembly_dependencies import Votes
from services.issues.assembly_exceptions import not_eligible, vote_not_open, vote_still_open
from services.issues.assembly_models import MembershipVersion, VoteOpening, VoteResult
from services.issues.assembly_schemas import (BallotInSchema, BallotSchema, CreateVoteSchema,
                                              VoteClosedSchema, VoteOpenedSchema, VoteSchema)


def utcnow():
    return datetime.now(timezone.utc)


class OwnersAssembly:
    """Mixed into IssuesService; its dependencies are the service's."""

    votes = Votes()
    members = MembershipProjection(MembershipVersion)
    outbox = EventOutbox()

    @event_handler("gateway", "membership_granted")
    def on_membership_granted(self, body):
        self.members.record(body)

    @rpc
    def create_vote(self, payload):
        data = load(CreateVoteSchema(), payload)
        data.update({k: voting.stored(data[k]) for k in ("opens_at", "closes_at")})
        if data["closes_at"] <= utcnow():
            raise InvalidInput({"closes_at": ["must be in the future"]})
        units = [{"unit_id": u["unit_id"], "building_id": u["building_id"], "grid_id": u["grid_id"],
                  "area_centi": tally.centi_m2(u["floor_area_m2"])} for u in data.pop("units")]
        vote = self.votes.create(units, **data, created_at=utcnow())
        if vote.opens_at <= utcnow():
            self._open_vote(vote)
        return self._dump_vote(vote)

    @rpc
    def get_vote(self, vote_id):
        return self._dump_vote(self.votes.get(vote_id))

    @rpc
    def list_votes(self, community_id):
        """The community's votes, newest first."""
        return [self._dump_vote(vote) for vote in self.votes.of_community(community_id)]

    @rpc
    def cast_ballot(self, payload):
        """An owner's ballot for their own unit."""
        data = load(BallotInSchema(), payload)
        vote = self._vote_taking_ballots(data)
        if not voting.owns(self.votes.membership(data["account_id"], vote.community_id), data["unit_id"]):
            raise not_eligible("only an owner of this unit in this community may cast its ballot",
                              unit_id=data["unit_id"])
        return self._insert_ballot(data, cast_by=data["account_id"])

    @rpc
    def enter_paper_ballot(self, payload):
        """A paper ballot, entered by staff; `account_id` records who entered it."""
        data = load(BallotInSchema(), payload)
        vote = self._vote_taking_ballots(data)
        if not voting.is_staff(self.votes.membership(data["account_id"], vote.community_id)):
            raise not_eligible("only the community's staff may enter paper ballots")
        return self._insert_ballot(data, entered_by=data["account_id"])

    @rpc
    def my_ballot(self, vote_id, unit_id):
        """The current ballot of one unit (for its owner), or None."""
        current = voting.latest(self.votes.ballots(str(self.votes.get(vote_id).id))).get(unit_id)
        return None if current is None else BallotSchema().dump(current)

    @rpc
    def vote_turnout(self, vote_id):
        """Live turnout and which units have voted; how each voted only on an open ballot."""
        vote = self.votes.get(vote_id)
        units = {u.unit_id: u.area_centi for u in vote.units}
        current = voting.latest(self.votes.ballots(str(vote.id)))
        figures = voting.turnout(units, current)
        return {"vote_id": str(vote.id), "units_total": figures["units_total"],
                "units_voted": figures["units_voted"],
                "area_total_m2": tally.m2(figures["area_total_centi"]),
                "area_voted_m2": tally.m2(figures["area_voted_centi"]),
                "voted_unit_ids": sorted(u for u in current if u in units),
                "choices": ({u: b["choice"] for u, b in current.items()} if vote.open_ballot else None)}

    @rpc
    def close_vote(self, vote_id, closed_by):
        vote = self.votes.get(vote_id)
        if not voting.closable(vote.closes_at, utcnow()):
            raise vote_still_open(vote_id, (vote.closes_at + voting.CLOSE_GRACE).isoformat())
        self._close_vote(vote, closed_by)
        return self._dump_vote(vote)

    @timer(interval=1)
    def open_and_close_due_votes(self):
        now = utcnow()
        for due in self.votes.due(now):
            closing = voting.closable(due.closes_at, now)
            if not closing and self.votes.opened(str(due.id)):
                continue  # open and running: the usual case, nothing to do
            vote = self.votes.get(str(due.id))
            self._open_vote(vote)
            if closing:
                self._close_vote(vote, "timer")

    def _vote_taking_ballots(self, data):
        vote = self.votes.get(data["vote_id"])
        status = self._vote_status(vote)
        if status != voting.OPEN:
            raise vote_not_open(data["vote_id"], status)
        if data["unit_id"] not in {u.unit_id for u in vote.units}:
            raise not_eligible("this unit is not eligible in this vote", unit_id=data["unit_id"])
        return vote

    def _insert_ballot(self, data, **who):
        ballot = self.votes.insert_ballot(data["vote_id"], data["unit_id"], voting.next_version(data["replaces"]),
                                          choice=data["choice"], cast_at=utcnow(), **who)
        return BallotSchema().dump({"cast_by": None, "entered_by": None, **ballot.to_mongo().to_dict()})

    def _open_vote(self, vote):
        """Announce the opening once: the opening's id is the vote's."""
        if self.votes.opened(str(vote.id)):
            return
        event = self.outbox.event("vote_opened", VoteOpenedSchema().load({
            "vote_id": str(vote.id), "community_id": vote.community_id, "title": vote.question,
            "matter": vote.matter, "opens_at": vote.opens_at.isoformat(),
            "closes_at": vote.closes_at.isoformat(), "units_total": len(vote.units)}), subject=str(vote.id))
        try:
            self.outbox.save(VoteOpening(id=str(vote.id), opened_at=utcnow()), event)
        except NotUniqueError:
            pass  # opened by another worker

    def _close_vote(self, vote, closed_by):
        """Tally and announce once: the result's id is the vote's, a second close keeps the first."""
        if self.votes.result(str(vote.id)):
            return  # spares an outbox marker; the unique insert below is what arbitrates
        units = {u.unit_id: u.area_centi for u in vote.units}
        choices = {u: b["choice"] for u, b in voting.latest(self.votes.ballots(str(vote.id))).items()}
        figures = tally.tally(vote.matter, units, choices)
        now = utcnow()
        event = self.outbox.event("vote_closed", VoteClosedSchema().load({
            "vote_id": str(vote.id), "community_id": vote.community_id, "title": vote.question,
            "matter": vote.matter, "outcome": figures["outcome"], "closed_at": now.isoformat(),
            "figures": figures}), subject=str(vote.id))
        try:
            self.outbox.save(VoteResult(id=str(vote.id), community_id=vote.community_id, closed_at=now,
                                        closed_by=closed_by, figures=figures), event)
        except NotUniqueError:
            pass  # closed by another worker or the timer

    def _vote_status(self, vote):
        return voting.phase(vote.opens_at, vote.closes_at, utcnow())

    def _dump_vote(self, vote):
        result = self.votes.result(str(vote.id))
        return VoteSchema().dump({
            **vote.to_mongo().to_dict(), "id": str(vote.id),
            "status": voting.CLOSED if result else self._vote_status(vote),
            "units_total": len(vote.units), "area_total_m2": tally.m2(sum(u.area_centi for u in vote.units)),
            "result": result.figures if result else None})
