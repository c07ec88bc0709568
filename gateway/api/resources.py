"""Resources of the 37° space: rooms, equipment, Tuesday service sessions, printers; their calendars."""
from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from gateway import roles
from gateway.api import PREFIX, protected, remote
from gateway.web import lists
from gateway.api.bookings import bookings_rpc, caller
from gateway.identity import guard
from gateway.schemas.bookings import KindQuerySchema, ResourceInSchema, ResourceListSchema, ResourceSchema

blp = Blueprint("resources", __name__, url_prefix=f"{PREFIX}/communities/<community_id>/resources",
                description="What residents can book in the 37° service space")


@blp.route("")
class Resources(MethodView):
    @protected(blp)
    @remote(blp)
    @lists.paged(sorts=("name", "kind"))
    @blp.arguments(KindQuerySchema, location="query")
    @blp.response(200, ResourceListSchema)
    def get(self, query, community_id):
        """The community's resources, with their rules (members)"""
        caller(community_id)
        return {"items": bookings_rpc("list_resources", community_id, query.get("kind"))}

    @protected(blp)
    @remote(blp)
    @blp.arguments(ResourceInSchema)
    @blp.response(201, ResourceSchema)
    def post(self, data, community_id):
        """Add a resource with its opening hours and rules (staff)"""
        guard.require_role(community_id, *roles.STAFF)
        return bookings_rpc("create_resource", {"community_id": community_id, **data}), 201


@blp.route("/<resource_id>")
class Resource(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, ResourceSchema)
    def get(self, community_id, resource_id):
        """One resource; a service session lists when volunteers are scheduled"""
        caller(community_id)
        return bookings_rpc("get_resource", resource_id, community_id)


@blp.route("/<resource_id>/calendar.ics")
class ResourceFeed(MethodView):
    @remote(blp)
    def get(self, community_id, resource_id):
        """When the resource is taken, as iCalendar (RFC 5545) for calendar apps: no login, no names or titles"""
        return Response(bookings_rpc("resource_calendar", resource_id, community_id), mimetype="text/calendar")
