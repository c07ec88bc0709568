"""Reading Open311 parameters: each bad one is a 400 in the Open311 error format naming it."""
from datetime import datetime, timedelta, timezone

from gateway import directory
from gateway.models import Community
from gateway.open311 import services
from gateway.open311.formats import Open311Error

DEFAULT_DAYS = 90
STATUSES = ("open", "closed")


def jurisdiction(value):
    """The community a `jurisdiction_id` names; when omitted, the only community there is."""
    if not value:
        communities = list(Community.objects.limit(2))
        if len(communities) == 1:
            return communities[0]
        raise Open311Error(400, "jurisdiction_id is required: it is the id of a community.")
    oid = directory.object_id(value)
    community = Community.objects(id=oid).first() if oid else None
    if community is None:
        raise Open311Error(404, "No such jurisdiction.")
    return community


def service_code(value):
    if not value:
        raise Open311Error(400, "service_code is required.")
    if value not in services.SERVICES:
        raise Open311Error(404, "No such service_code: {service_code}.", service_code=value)
    return value


def listed(value, allowed, name):
    """A comma-separated parameter as a set, each part one of `allowed` (None when absent)."""
    if not value:
        return None
    parts = {part.strip() for part in value.split(",") if part.strip()}
    unknown = sorted(parts - set(allowed))
    if unknown:
        raise Open311Error(400, "{name} may only hold: {allowed}.", name=name, allowed=", ".join(allowed))
    return parts


def moment(value, name):
    """A W3C date-time (`2026-01-01T00:00:00Z`, or with an offset); one without a zone is UTC."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise Open311Error(400, "{name} must be a W3C date-time such as 2026-01-01T00:00:00Z.", name=name) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def number(value, name, low, high):
    if value in (None, ""):
        return None
    try:
        parsed = float(value)
    except ValueError:
        parsed = None
    if parsed is None or not low <= parsed <= high:
        raise Open311Error(400, "{name} must be a number from {low} to {high}.", name=name, low=low, high=high)
    return parsed


def window(args):
    """`(start, end)` of a list: the given dates, else the last 90 days."""
    end = moment(args.get("end_date"), "end_date") or datetime.now(timezone.utc)
    start = moment(args.get("start_date"), "start_date") or end - timedelta(days=DEFAULT_DAYS)
    if start > end:
        raise Open311Error(400, "start_date must not be after end_date.")
    return start, end


def page_size(value):
    size = number(value, "page_size", 1, 200)
    return int(size) if size else 50
