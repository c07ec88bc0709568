"""Owners' assembly votes (业主大会表决), handed to the issues service."""
from flask.views import MethodView
from flask_smorest import Blueprint

from gateway import directory, roles, runtime
from gateway.api import PREFIX, protected, remote
from gateway.web import lists
from gateway.identity import guard, memberships
from gateway.models import Unit
from gateway.schemas.assembly import (BallotInSchema, BallotSchema, PaperBallotInSchema, TurnoutSchema,
                                      VoteInSchema, VoteListSchema, VoteSchema)
from gateway.web.problems import Problem, invalid

blp = Blueprint("votes", __name__, url_prefix=PREFIX, description="Owners' assembly votes (Civil Code Art. 278)")
VOTE_STAFF = (roles.SOCIAL_WORKER, roles.COMMUNITY_ADMIN, roles.OC_MEMBER)


def rpc(method, *args):
    return runtime.current().rpc.call("issues", method, *args)


def eligible_units(community, building_ids):
    """The units that vote, with their floor areas, from the directory."""
    grid_by_building = {b["id"]: b["grid_id"] for b in directory.community_detail(community)["buildings"]}
    units = Unit.objects(community_id=community.id)
    if building_ids is not None:
        unknown = [str(b) for b in building_ids if b not in grid_by_building]
        if unknown:
            raise invalid({"building_ids": [f"No such building in this community: {', '.join(unknown)}"]})
        units = units.filter(building_id__in=building_ids)
    return [{"unit_id": str(u.id), "building_id": str(u.building_id),
             "grid_id": str(grid_by_building.get(u.building_id) or "") or None,
             "floor_area_m2": f"{u.floor_area_m2:.2f}"} for u in units]


def vote_of_member(vote_id, *role_names):
    """The vote, once the caller is known to hold one of `role_names` (any role if none) in its community."""
    vote = rpc("get_vote", vote_id)
    guard.require_role(vote["community_id"], *role_names)
    return vote


@blp.route("/communities/<community_id>/votes")
class Votes(MethodView):
    @protected(blp)
    @remote(blp)
    @lists.paged(sorts=("opens_at", "closes_at", "question"), filters=("status", "matter"))
    @blp.response(200, VoteListSchema)
    def get(self, community_id):
        """The community's votes, newest first (members)"""
        community = directory.community_or_404(community_id)
        guard.require_role(community.id)
        return {"items": rpc("list_votes", str(community.id))}

    @protected(blp)
    @remote(blp)
    @blp.arguments(VoteInSchema)
    @blp.response(201, VoteSchema)
    def post(self, data, community_id):
        """Put a question to the owners' assembly (staff of the three parties but pm)"""
        community = directory.community_or_404(community_id)
        guard.require_role(community.id, *VOTE_STAFF)
        units = eligible_units(community, data.pop("building_ids"))
        if not units:
            raise invalid({"building_ids": ["No units vote in this selection."]})
        vote = rpc("create_vote", {**data, "opens_at": data["opens_at"].isoformat(),
                                   "closes_at": data["closes_at"].isoformat(), "community_id": str(community.id),
                                   "created_by": str(guard.authenticate().id), "units": units})
        return vote, 201, {"Location": f"{PREFIX}/votes/{vote['id']}"}


@blp.route("/votes/<vote_id>")
class Vote(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, VoteSchema)
    def get(self, vote_id):
        """A vote, where it stands, and its result with every figure once closed"""
        return vote_of_member(vote_id)


@blp.route("/votes/<vote_id>/ballots")
class Ballots(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(BallotInSchema)
    @blp.response(201, BallotSchema)
    def post(self, data, vote_id):
        """Cast (or, with `replaces`, change) my unit's ballot; owners only"""
        vote = vote_of_member(vote_id)
        home = memberships.find(guard.authenticate().id, vote["community_id"])
        if roles.OWNER not in home.roles or home.unit_id is None:
            raise Problem(403, "Only an owner of a unit may vote in the owners' assembly.")
        return rpc("cast_ballot", {**data, "vote_id": vote_id, "unit_id": str(home.unit_id),
                                   "account_id": str(guard.authenticate().id)}), 201


@blp.route("/votes/<vote_id>/my-ballot")
class MyBallot(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, BallotSchema)
    def get(self, vote_id):
        """My unit's current ballot"""
        vote = vote_of_member(vote_id)
        home = memberships.find(guard.authenticate().id, vote["community_id"])
        if roles.OWNER not in home.roles or home.unit_id is None:
            raise Problem(403, "Only an owner of a unit may vote in the owners' assembly.")
        ballot = rpc("my_ballot", vote_id, str(home.unit_id))
        if ballot is None:
            raise Problem(404, "Your unit has not voted.")
        return ballot


@blp.route("/votes/<vote_id>/paper-ballots")
class PaperBallots(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(PaperBallotInSchema)
    @blp.response(201, BallotSchema)
    def post(self, data, vote_id):
        """Enter a unit's paper ballot; records who entered it"""
        vote_of_member(vote_id, *VOTE_STAFF)
        return rpc("enter_paper_ballot", {**data, "unit_id": str(data["unit_id"]), "vote_id": vote_id,
                                          "account_id": str(guard.authenticate().id)}), 201


@blp.route("/votes/<vote_id>/turnout")
class Turnout(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, TurnoutSchema)
    def get(self, vote_id):
        """Live turnout and who has voted (how, only on an open ballot); staff only"""
        vote_of_member(vote_id, *VOTE_STAFF)
        return rpc("vote_turnout", vote_id)


@blp.route("/votes/<vote_id>/close")
class Close(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, VoteSchema)
    def post(self, vote_id):
        """Close the vote after its close time and tally it now (a timer does it otherwise)"""
        vote_of_member(vote_id, *VOTE_STAFF)
        return rpc("close_vote", vote_id, str(guard.authenticate().id))
