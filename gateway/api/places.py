"""The 15-minute life circle: places near the community, by category and walking time, and as GeoJSON."""
from flask.views import MethodView
from flask_smorest import Blueprint

from gateway.api import PREFIX, remote
from gateway.api.bookings import bookings_rpc
from gateway import directory
from gateway.web import lists
from gateway.schemas.bookings import PlaceListSchema, PlaceQuerySchema

blp = Blueprint("places", __name__, url_prefix=f"{PREFIX}/communities/<community_id>",
                description="The life-circle guide (社区生活圈)")


@blp.route("/places")
class Places(MethodView):
    @remote(blp)
    @lists.paged(sorts=("walk_m", "name", "category"))
    @blp.arguments(PlaceQuerySchema, location="query")
    @blp.response(200, PlaceListSchema)
    def get(self, query, community_id):
        """Places within a walk (default 15 minutes from the 37° space, or from lat/lng), nearest first"""
        directory.community_or_404(community_id)
        return {"items": bookings_rpc("nearby_places", {"community_id": community_id, **query})}


@blp.route("/places.geojson")
class PlacesGeoJson(MethodView):
    @remote(blp)
    @blp.arguments(PlaceQuerySchema, location="query")
    def get(self, query, community_id):
        """Every place of the guide as a GeoJSON FeatureCollection"""
        directory.community_or_404(community_id)
        return bookings_rpc("places_geojson", community_id, query.get("category"))
