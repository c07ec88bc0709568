"""Walking distance in the life circle: great-circle distance times a walking factor, in Python."""
from math import asin, cos, radians, sin, sqrt

EARTH_RADIUS_M = 6_371_000
WALKING_FACTOR = 1.3  # streets are not straight lines
WALKING_M_PER_MIN = 75  # about 4.5 km/h, an elderly resident's pace
LIFE_CIRCLE_MINUTES = 15
SPACE_37 = (31.2443, 121.3948)  # the 37° service space: where distances start when no point is given


def haversine_m(lat1, lng1, lat2, lng2):
    """Great-circle distance between two points, in metres."""
    phi1, phi2 = radians(lat1), radians(lat2)
    dphi, dlmb = phi2 - phi1, radians(lng2 - lng1)
    a = sin(dphi / 2) ** 2 + cos(phi1) * cos(phi2) * sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_M * asin(sqrt(a))


def walking(lat1, lng1, lat2, lng2):
    """(metres, minutes) to walk from one point to the other."""
    metres = haversine_m(lat1, lng1, lat2, lng2) * WALKING_FACTOR
    return round(metres), round(metres / WALKING_M_PER_MIN, 1)


def feature(place):
    """A place as a GeoJSON Feature (coordinates are [lng, lat])."""
    properties = {k: v for k, v in place.items() if k not in ("lat", "lng")}
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [place["lng"], place["lat"]]},
            "properties": properties}


def feature_collection(places):
    return {"type": "FeatureCollection", "features": [feature(p) for p in places]}
