"""Joint handling, routing and the three rates of a community's cases, and the town view."""
from flask.views import MethodView
from flask_smorest import Blueprint

from gateway import directory, roles
from gateway.api import PREFIX, protected, remote
from gateway.api.issues import CASE_STAFF, RC_STAFF, rpc
from gateway.identity import guard
from gateway.models import Community, Membership
from gateway.schemas.cases import (ActionItemInSchema, ActionItemSchema, LimitInSchema, MeetingInSchema,
                                   MeetingSchema, MinutesInSchema, RatesQuerySchema, RatesSchema, RouteInSchema,
                                   RoutingSchema)
from gateway.web import etags
from gateway.web.problems import Problem

blp = Blueprint("cases", __name__, url_prefix=PREFIX,
                description="Joint meetings (四联), routing and time limits, the three rates")


def me():
    return str(guard.authenticate().id)


def meeting_of(meeting_id, community_id, *role_names):
    guard.require_role(community_id, *role_names)
    return rpc("get_joint_meeting", meeting_id, community_id)


@blp.route("/joint-meetings")
class Meetings(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(MeetingInSchema)
    @blp.response(201, MeetingSchema)
    def post(self, data):
        """Call rc, pm and oc to a joint meeting about open cases (rc staff)"""
        guard.require_role(data["community_id"], *RC_STAFF)
        meeting = rpc("schedule_joint_meeting", {
            **data, "community_id": str(data["community_id"]), "actor_id": me(),
            "starts_at": data["starts_at"].isoformat(), "issue_ids": [str(i) for i in data["issue_ids"]]})
        return meeting, 201, {"Location": f"{PREFIX}/communities/{meeting['community_id']}/joint-meetings/{meeting['id']}"}


@blp.route("/communities/<community_id>/joint-meetings/<meeting_id>")
class Meeting(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, MeetingSchema, headers=etags.HEADERS)
    def get(self, community_id, meeting_id):
        """A joint meeting with its agenda, minutes and action items, with its ETag (staff)"""
        return etags.tagged(meeting_of(meeting_id, community_id, *CASE_STAFF), MeetingSchema())


@blp.route("/communities/<community_id>/joint-meetings/<meeting_id>/minutes")
class Minutes(MethodView):
    @protected(blp)
    @remote(blp)
    @etags.documented(blp)
    @blp.arguments(MinutesInSchema)
    @blp.response(200, MeetingSchema, headers=etags.HEADERS)
    def put(self, data, community_id, meeting_id):
        """Record the meeting's minutes (rc staff; If-Match optional)"""
        guard.require_role(community_id, *RC_STAFF)
        etags.check(lambda: meeting_of(meeting_id, community_id), MeetingSchema())
        return etags.tagged(rpc("record_minutes", {"meeting_id": meeting_id, "community_id": community_id,
                                                   "actor_id": me(), **data}), MeetingSchema())


@blp.route("/communities/<community_id>/joint-meetings/<meeting_id>/action-items")
class ActionItems(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(ActionItemInSchema)
    @blp.response(201, ActionItemSchema)
    def post(self, data, community_id, meeting_id):
        """Give one party a task or a volunteer patrol about an agenda case, due by a date (rc staff)"""
        guard.require_role(community_id, *RC_STAFF)
        return rpc("add_action_item", {**data, "meeting_id": meeting_id, "community_id": community_id,
                                       "actor_id": me(), "issue_id": str(data["issue_id"]),
                                       "due_at": data["due_at"].isoformat()}), 201


@blp.route("/communities/<community_id>/action-items/<item_id>/done")
class ActionItemDone(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, ActionItemSchema)
    def post(self, community_id, item_id):
        """Mark an action item done (staff of the three parties)"""
        guard.require_role(community_id, *CASE_STAFF)
        return rpc("complete_action_item", {"action_item_id": item_id, "community_id": community_id,
                                            "actor_id": me()})


@blp.route("/communities/<community_id>/case-routing")
class Routing(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, RoutingSchema, headers=etags.HEADERS)
    def get(self, community_id):
        """The routing table (category × micro-grid → party) and time limits, with its ETag (staff)"""
        guard.require_role(community_id, *CASE_STAFF)
        return etags.tagged(rpc("get_routing", community_id), RoutingSchema())

    @protected(blp)
    @remote(blp)
    @etags.documented(blp)
    @blp.arguments(RouteInSchema)
    @blp.response(200, RoutingSchema, headers=etags.HEADERS)
    def put(self, data, community_id):
        """Route a category (or *) in a micro-grid (or *) to a party and handler group (community admin)

        If-Match (optional) is the ETag of GET on this path.
        """
        guard.require_role(community_id, roles.COMMUNITY_ADMIN)
        etags.check(lambda: rpc("get_routing", community_id), RoutingSchema())
        return etags.tagged(rpc("set_route", {**data, "community_id": community_id}), RoutingSchema())


@blp.route("/communities/<community_id>/case-limits")
class Limits(MethodView):
    @protected(blp)
    @remote(blp)
    @etags.documented(blp)
    @blp.arguments(LimitInSchema)
    @blp.response(200, RoutingSchema, headers=etags.HEADERS)
    def put(self, data, community_id):
        """Set a category's time limits: respond within hours, resolve within working days (community admin)

        If-Match (optional) is the ETag of GET /communities/<id>/case-routing.
        """
        guard.require_role(community_id, roles.COMMUNITY_ADMIN)
        etags.check(lambda: rpc("get_routing", community_id), RoutingSchema())
        return etags.tagged(rpc("set_time_limit", {**data, "community_id": community_id}), RoutingSchema())


@blp.route("/communities/<community_id>/case-rates")
class CommunityRates(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(RatesQuerySchema, location="query")
    @blp.response(200, RatesSchema)
    def get(self, query, community_id):
        """Response, resolution and satisfaction rates, overdue cases and median hours (staff)"""
        guard.require_role(community_id, *CASE_STAFF, roles.TOWN_ADMIN)
        return rpc("case_rates", rates_query([community_id], query))


@blp.route("/towns/<town_id>/case-rates")
class TownRates(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(RatesQuerySchema, location="query")
    @blp.response(200, RatesSchema)
    def get(self, query, town_id):
        """The town view: the three rates of every community of the town (town admins)"""
        town = directory.object_id(town_id)
        ids = [str(c.id) for c in Community.objects(town_id=town)] if town else []
        if not ids:
            raise Problem(404, "No such town.")
        if not Membership.objects(account_id=guard.authenticate().id, community_id__in=ids,
                                  roles=roles.TOWN_ADMIN).first():
            raise Problem(403, "Only the town's admins see the town view.")
        return rpc("case_rates", rates_query(ids, query))


def rates_query(community_ids, query):
    return {"community_ids": community_ids, "by": query["by"],
            **{k: query[k].isoformat() for k in ("since", "until") if query[k]}}

