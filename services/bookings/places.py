"""Entrypoints of the life-circle guide: places, walking distance from a building, GeoJSON."""
from bson import ObjectId
from mongoengine import NotUniqueError
from nameko.rpc import rpc

from services.bookings import exceptions, geo
from services.bookings.dependencies import Space
from services.bookings.models import Place
from services.bookings.schemas import CreatePlaceSchema, NearbySchema
from services.common.errors import load


class LifeCircle:
    """Mixed into BookingsService; its dependencies are the service's."""

    space = Space()

    @rpc
    def create_place(self, payload):
        data = load(CreatePlaceSchema(), payload)
        try:
            place = Place(id=ObjectId(), **data).save(force_insert=True)
        except NotUniqueError:
            raise exceptions.Conflict(f"this community already has a place {data['key']}") from None
        return dump_place(place)

    @rpc
    def nearby_places(self, query):
        """Places within `max_minutes` walk of (lat, lng), nearest first, with metres and minutes."""
        q = load(NearbySchema(), query)
        found = []
        for place in self.space.places(q["community_id"], q["category"]):
            metres, minutes = geo.walking(q["lat"], q["lng"], place.lat, place.lng)
            if minutes <= q["max_minutes"]:
                found.append({**dump_place(place), "walk_m": metres, "walk_minutes": minutes})
        return sorted(found, key=lambda p: p["walk_m"])

    @rpc
    def places_geojson(self, community_id, category=None):
        return geo.feature_collection([dump_place(p) for p in self.space.places(community_id, category)])


def dump_place(place):
    return {"id": str(place.id), "community_id": place.community_id, "key": place.key, "name": place.name,
            "name_en": place.name_en, "category": place.category, "address": place.address,
            "hours": place.hours, "lat": place.lat, "lng": place.lng}
