"""Where an Open311 request is: lat/long, `address_id` or `address_string`, mapped onto a building."""
import math
import re

from gateway import directory
from gateway.models import Building
from gateway.open311.formats import Open311Error

NEAR_METRES = 150
NUMBER = re.compile(r"(\d{1,4})")


def metres(lat1, lng1, lat2, lng2):
    """Distance on the ground; an equirectangular estimate is exact enough inside a compound."""
    x = math.radians(lng2 - lng1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6_371_000 * math.hypot(x, y)


def nearest(buildings, lat, lng, limit=NEAR_METRES):
    """The building nearest the point, if one with coordinates is within `limit` metres."""
    placed = [(metres(lat, lng, b.lat, b.lng), b.number, b) for b in buildings if b.lat is not None]
    best = min(placed, default=None, key=lambda entry: entry[:2])
    return best[2] if best and best[0] <= limit else None


def by_address(buildings, text):
    """The building a free-text address names: its name, or the first number in it (`20号楼`, `Bldg 20`)."""
    text = (text or "").strip()
    for building in buildings:
        if building.name == text:
            return building
    match = NUMBER.search(text)
    numbered = {b.number: b for b in buildings}
    return numbered.get(int(match.group(1))) if match else None


def locate(community_id, lat=None, lng=None, address_id=None, address_string=None):
    """The building of the request, or a 400 saying what location the request needs."""
    buildings = list(Building.objects(community_id=community_id))
    building = None
    if address_id:
        oid = directory.object_id(address_id)
        building = next((b for b in buildings if b.id == oid), None)
    elif lat is not None and lng is not None:
        building = nearest(buildings, lat, lng)
    elif address_string:
        building = by_address(buildings, address_string)
    if building is None:
        raise Open311Error(400, "Give a location in this community: lat and long within {metres} m of "
                                "a building, address_id (a building id) or address_string naming a building.",
                           metres=NEAR_METRES)
    return building
