"""Volunteer profiles, skill verification, hours, certificates and recognition."""
import base64

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from gateway import directory, roles, runtime
from gateway.api import PREFIX, protected, remote
from gateway.identity import guard
from gateway.schemas.volunteers import HoursQuerySchema, TeamInSchema, VolunteerInSchema, YearQuerySchema
from gateway.web import etags, lists
from gateway.web.problems import Problem

blp = Blueprint("volunteers", __name__, url_prefix=f"{PREFIX}/communities/<community_id>",
                description="Volunteers and their hours")


def call(method, *args):
    return runtime.current().rpc.call("volunteers", method, *args)


def me():
    return str(guard.authenticate().id)


def self_or_staff(community_id, account_id):
    """403 unless the caller is `account_id` (a member) or staff of the community."""
    if account_id == me():
        guard.require_role(community_id)
    else:
        guard.require_role(community_id, *roles.STAFF)


@blp.route("/volunteers")
class Volunteers(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(VolunteerInSchema)
    @blp.response(201)
    def post(self, data, community_id):
        """Register myself as a volunteer of this community (skills needing verification wait for staff)"""
        guard.require_role(community_id)
        return call("register_volunteer", {**data, "community_id": community_id, "account_id": me()}), 201

    @protected(blp)
    @remote(blp)
    @lists.paged(sorts=("display_name", "registered_at"), filters=("party_member", "building_id", "grid_id"),
                 key="account_id")
    @blp.response(200)
    def get(self, community_id):
        """The community's volunteers: for staff"""
        guard.require_role(community_id, *roles.STAFF)
        return {"items": call("list_volunteers", community_id)}


@blp.route("/volunteers/<account_id>")
class Volunteer(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, headers=etags.HEADERS)
    def get(self, community_id, account_id):
        """One volunteer's profile, with its ETag: for the volunteer and staff"""
        self_or_staff(community_id, account_id)
        return etags.tagged(call("get_volunteer", community_id, account_id))

    @protected(blp)
    @remote(blp)
    @etags.documented(blp)
    @blp.arguments(VolunteerInSchema)
    @blp.response(200, headers=etags.HEADERS)
    def put(self, data, community_id, account_id):
        """Change my profile: skills, home, weekly availability (verified skills stay verified; If-Match optional)"""
        if account_id != me():
            raise Problem(403, "Only the volunteer may change their profile.")
        guard.require_role(community_id)
        etags.check(lambda: call("get_volunteer", community_id, account_id))
        return etags.tagged(call("update_volunteer", {**data, "community_id": community_id, "account_id": account_id}))


@blp.route("/volunteers/<account_id>/skills/<skill>/verification")
class Verification(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200)
    def post(self, community_id, account_id, skill):
        """Staff confirm a volunteer's skill (licence or certificate seen): it counts from now on"""
        guard.require_role(community_id, *roles.STAFF)
        return call("verify_skill", {"community_id": community_id, "account_id": account_id, "skill": skill,
                                     "verified_by": me()})


@blp.route("/hours")
class Hours(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(HoursQuerySchema, location="query")
    @blp.response(200)
    def get(self, query, community_id):
        """Hours from the ledger, per volunteer, team and period: staff, or a volunteer for themself"""
        if query["volunteer_id"] != me():
            guard.require_role(community_id, *roles.STAFF)
        guard.require_role(community_id)
        payload = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in query.items()}
        return call("hours", {**payload, "community_id": community_id})


@blp.route("/volunteers/<account_id>/certificate")
class Certificate(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(YearQuerySchema, location="query")
    @blp.response(200, content_type="application/pdf")
    def get(self, query, community_id, account_id):
        """A year's certificate of service as a PDF"""
        self_or_staff(community_id, account_id)
        name = directory.community_or_404(community_id).name
        answer = call("certificate", community_id, account_id, query["year"], name)
        return Response(base64.b64decode(answer["pdf"]), mimetype="application/pdf", headers={
            "Content-Disposition": f'attachment; filename="{answer["filename"]}"'})


@blp.route("/recognition")
class Recognition(MethodView):
    @protected(blp)
    @remote(blp)
    @lists.paged(sorts=("seconds", "display_name"), key="volunteer_id")
    @blp.arguments(YearQuerySchema, location="query")
    @blp.response(200)
    def get(self, query, community_id):
        """The community's volunteers by hours served in a year, most first"""
        guard.require_role(community_id)
        return {"items": call("recognition", community_id, query["year"])}



@blp.route("/volunteers/<account_id>/signups")
class VolunteerSignUps(MethodView):
    @protected(blp)
    @remote(blp)
    @lists.paged(sorts=("starts_at",), filters=("status", "skill", "activity_id"))
    @blp.response(200)
    def get(self, community_id, account_id):
        """A volunteer's coming shifts: for the volunteer and staff"""
        self_or_staff(community_id, account_id)
        return {"items": [s for s in call("my_signups", account_id) if s["community_id"] == community_id]}


@blp.route("/teams")
class Teams(MethodView):
    @protected(blp)
    @remote(blp)
    @lists.paged(sorts=("name",))
    @blp.response(200)
    def get(self, community_id):
        """The community's volunteer teams (a building's, the Tuesday team, a patrol team)"""
        guard.require_role(community_id)
        return {"items": call("list_teams", community_id)}

    @protected(blp)
    @remote(blp)
    @blp.arguments(TeamInSchema)
    @blp.response(201)
    def post(self, data, community_id):
        """Staff form a team; activities may name it, and hours add up per team"""
        guard.require_role(community_id, *roles.STAFF)
        return call("create_team", {**data, "community_id": community_id}), 201
