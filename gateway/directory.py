"""Reading the community directory: communities, and where a home or a report is located."""
from bson import ObjectId
from bson.errors import InvalidId

from gateway.models import Building, Community, Grid, Town, Unit
from gateway.web.problems import Problem, invalid


def object_id(value):
    """`value` as an ObjectId, or None if it is not one."""
    try:
        return ObjectId(str(value))
    except (InvalidId, TypeError):
        return None


def community_or_404(community_id):
    oid = object_id(community_id)
    community = Community.objects(id=oid).first() if oid else None
    if community is None:
        raise Problem(404, "No such community.")
    return community


def communities():
    """Every community with its town."""
    towns = {town.id: town for town in Town.objects}
    return [(community, towns.get(community.town_id)) for community in Community.objects.order_by("name")]


def grid_of(building_id):
    grid = Grid.objects(building_ids=building_id).first()
    return grid.id if grid else None


def locate(community_id, building_id=None, unit_id=None, field_prefix=()):
    """The `{building_id, unit_id, grid_id}` of a place in a community, checked against the directory.

    A unit implies its building. A building or unit outside the community is a 422
    naming the field (nested under `field_prefix`).
    """
    unit = None
    if unit_id is not None:
        unit = Unit.objects(id=unit_id, community_id=community_id).first()
        if unit is None or (building_id is not None and unit.building_id != building_id):
            raise _misplaced(field_prefix, "unit_id", "No such unit in this community.")
        building_id = unit.building_id
    if building_id is not None and not Building.objects(id=building_id, community_id=community_id).count():
        raise _misplaced(field_prefix, "building_id", "No such building in this community.")
    return {"building_id": building_id, "unit_id": unit.id if unit else None,
            "grid_id": grid_of(building_id) if building_id else None}


def _misplaced(prefix, field, message):
    errors = {field: [message]}
    for key in reversed(prefix):
        errors = {key: errors}
    return invalid(errors)


def community_detail(community):
    """The community with its town, buildings, units (with floor area) and micro-grids."""
    grids = list(Grid.objects(community_id=community.id).order_by("number"))
    grid_by_building = {b: g.id for g in grids for b in g.building_ids}
    buildings = list(Building.objects(community_id=community.id).order_by("number"))
    order = {b.id: b.number for b in buildings}
    units = sorted(Unit.objects(community_id=community.id),
                   key=lambda u: (order.get(u.building_id, 0), u.floor, u.number))
    return {"id": community.id, "name": community.name, "name_en": community.name_en,
            "town": Town.objects(id=community.town_id).first(),
            "buildings": [{"id": b.id, "number": b.number, "name": b.name, "kind": b.kind,
                           "amenities": b.amenities, "grid_id": grid_by_building.get(b.id)}
                          for b in buildings],
            "units": units, "grids": grids}
