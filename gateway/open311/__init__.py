"""Open311 GeoReport v2 at /open311/v2/: the community's reports for outside civic tools."""
