"""Pure rules of casting ballots: the window, who may cast for a unit, the latest choice."""
from datetime import timedelta, timezone

SCHEDULED, OPEN, CLOSED = "scheduled", "open", "closed"
# Closing waits this long past the close time, so a ballot accepted a moment before the
# close time has surely been stored before the tally reads the ballots.
CLOSE_GRACE = timedelta(seconds=2)
# Who runs an owners' vote (enters paper ballots, closes it): not property management, a party to it.
STAFF = ("social_worker", "community_admin", "oc_member")
HALL_STAFF = ("social_worker", "community_admin", "oc_member", "pm_staff")  # the three parties
OWNER = "owner"


def stored(moment):
    """`moment` in UTC at the store's millisecond precision, so what is answered is what is kept."""
    moment = moment.astimezone(timezone.utc)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def phase(opens_at, closes_at, now, closed=False):
    """Where a vote stands at `now`."""
    if closed or now >= closes_at:
        return CLOSED
    return OPEN if now >= opens_at else SCHEDULED


def closable(closes_at, now):
    return now >= closes_at + CLOSE_GRACE


def owns(membership, unit_id):
    """True if a current membership makes its holder an owner of `unit_id`."""
    return bool(membership) and OWNER in membership.get("roles", ()) and membership.get("unit_id") == unit_id


def is_staff(membership, roles=STAFF):
    return bool(membership) and bool(set(membership.get("roles", ())) & set(roles))


def next_version(replaces):
    """The version a ballot takes: 1 when first cast, one past the version it replaces."""
    return 1 if replaces is None else replaces + 1


def latest(ballots):
    """The current ballot of each unit (the highest version wins), from ballot dicts."""
    current = {}
    for ballot in ballots:
        held = current.get(ballot["unit_id"])
        if held is None or ballot["version"] > held["version"]:
            current[ballot["unit_id"]] = ballot
    return current


def turnout(units, current):
    """Live turnout: how many eligible units, and how much area, have a ballot."""
    voted = [u for u in units if u in current]
    return {"units_total": len(units), "units_voted": len(voted),
            "area_total_centi": sum(units.values()), "area_voted_centi": sum(units[u] for u in voted)}
