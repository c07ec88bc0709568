"""The community directory: towns, communities, buildings, units with floor area, micro-grids."""
from mongoengine import (Document, FloatField, IntField, ListField, ObjectIdField,
                         StringField)

BUILDING_KINDS = ("residential", "clubhouse")


def _meta(collection, *indexes):
    return {"db_alias": "gateway", "collection": collection, "indexes": list(indexes)}


class Town(Document):
    """A town (镇) or street office above many communities."""

    meta = _meta("towns", {"fields": ["name"], "unique": True})
    name = StringField(required=True)
    name_en = StringField(required=True)
    district = StringField(required=True)
    city = StringField(required=True)


class Community(Document):
    """One residential compound (居民区), the tenant unit of the platform."""

    meta = _meta("communities", {"fields": ["town_id", "name"], "unique": True})
    town_id = ObjectIdField(required=True)
    name = StringField(required=True)
    name_en = StringField(required=True)


class Building(Document):
    meta = _meta("buildings", {"fields": ["community_id", "number"], "unique": True})
    community_id = ObjectIdField(required=True)
    number = IntField(required=True, min_value=1)
    name = StringField(required=True)
    kind = StringField(required=True, choices=BUILDING_KINDS)
    amenities = ListField(StringField())
    lat = FloatField(min_value=-90, max_value=90)   # where it stands (WGS-84), for Open311's lat/long
    lng = FloatField(min_value=-180, max_value=180)


class Unit(Document):
    """One home; its floor area weighs the owner's vote in the owners' assembly."""

    meta = _meta("units", {"fields": ["building_id", "number"], "unique": True}, "community_id")
    community_id = ObjectIdField(required=True)
    building_id = ObjectIdField(required=True)
    number = StringField(required=True)
    floor = IntField(required=True)
    floor_area_m2 = FloatField(required=True, min_value=1)


class Grid(Document):
    """A micro-grid (微网格): a few buildings looked after by a grid leader."""

    meta = _meta("grids", {"fields": ["community_id", "number"], "unique": True})
    community_id = ObjectIdField(required=True)
    number = IntField(required=True, min_value=1)
    name = StringField(required=True)
    name_en = StringField(required=True)
    building_ids = ListField(ObjectIdField())
