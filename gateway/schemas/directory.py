"""The community directory as the API shows it."""
from marshmallow import Schema, fields

from gateway.schemas.fields import Id, PageSchema


class TownSchema(Schema):
    id = Id()
    name = fields.String()
    name_en = fields.String()
    district = fields.String()
    city = fields.String()


class CommunitySummarySchema(Schema):
    id = Id()
    name = fields.String()
    name_en = fields.String()
    town = fields.Nested(TownSchema)


class CommunityListSchema(PageSchema):
    items = fields.List(fields.Nested(CommunitySummarySchema))


class UnitSchema(Schema):
    id = Id()
    building_id = Id()
    number = fields.String()
    floor = fields.Integer()
    floor_area_m2 = fields.Float()


class BuildingSchema(Schema):
    id = Id()
    number = fields.Integer()
    name = fields.String()
    kind = fields.String(metadata={"description": "residential or clubhouse"})
    amenities = fields.List(fields.String())
    grid_id = Id(allow_none=True)


class GridSchema(Schema):
    id = Id()
    number = fields.Integer()
    name = fields.String()
    name_en = fields.String()
    building_ids = fields.List(Id())


class CommunityDetailSchema(CommunitySummarySchema):
    buildings = fields.List(fields.Nested(BuildingSchema))
    units = fields.List(fields.Nested(UnitSchema), metadata={"description": "By building, floor, number"})
    grids = fields.List(fields.Nested(GridSchema))
