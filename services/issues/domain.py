"""Pure rules of a resident report: states and moves, routing, time limits, duplicates, rates.

Time limits are counted in Asia/Shanghai: "within N working days" skips weekends and the
public holidays of China, and counts the weekend days China makes working days.
"""
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

import math
import statistics

import holidays

CATEGORIES = ("parking", "non_motor_vehicles", "noise", "sanitation", "repairs",
              "safety", "greenery", "elevators", "other")

SUBMITTED, ACCEPTED, ASSIGNED, IN_PROGRESS = "submitted", "accepted", "assigned", "in_progress"
RESOLVED, CLOSED, REJECTED, MERGED, REOPENED = "resolved", "closed", "rejected", "merged", "reopened"

TRANSITIONS = {
    SUBMITTED: {ACCEPTED, REJECTED, MERGED},
    ACCEPTED: {ASSIGNED, REJECTED, MERGED},
    ASSIGNED: {IN_PROGRESS, ASSIGNED, MERGED},
    IN_PROGRESS: {RESOLVED, ASSIGNED},
    RESOLVED: {CLOSED, REOPENED},
    REOPENED: {ASSIGNED, IN_PROGRESS},
    CLOSED: set(),
    REJECTED: set(),
    MERGED: set(),
}


class IllegalTransition(ValueError):
    pass


def check_transition(current, target):
    """Raise unless a case in state `current` may move to `target`."""
    if target not in TRANSITIONS.get(current, set()):
        raise IllegalTransition(f"cannot move a case from {current} to {target}")


def timeline_entry(action, actor_id, status, note=None, at=None):
    """One line of a case's history: who did what, when, leaving it in which state."""
    return {"at": at or datetime.now(timezone.utc), "action": action, "actor_id": actor_id,
            "status": status, "note": note}


# --- who acts on a move -------------------------------------------------------------------

PARTIES = ("rc", "pm", "oc")
OPEN = frozenset({SUBMITTED, ACCEPTED, ASSIGNED, IN_PROGRESS, REOPENED})
FINAL = frozenset({CLOSED, REJECTED, MERGED})


def next_seq(timeline):
    """The sequence number the next timeline entry takes: the key a move is arbitrated on."""
    return len(timeline)


def add_followers(followers, *account_ids):
    """Followers in first-seen order, each once."""
    return list(dict.fromkeys([*followers, *(a for a in account_ids if a)]))


# --- routing and time limits -------------------------------------------------------------

SHANGHAI = ZoneInfo("Asia/Shanghai")
ANY = "*"

# Built-in routing when a community has no rule: property management keeps the buildings and
# grounds running; the residents' committee takes what needs persuasion and order.
DEFAULT_PARTY = {"repairs": "pm", "elevators": "pm", "sanitation": "pm", "greenery": "pm",
                 "safety": "pm", "parking": "rc", "non_motor_vehicles": "rc", "noise": "rc",
                 "other": "rc"}
DEFAULT_GROUP = {"rc": "rc-duty", "pm": "pm-service-desk", "oc": "oc-committee"}


@dataclass(frozen=True)
class Route:
    party: str
    handler_group: str


@dataclass(frozen=True)
class Limits:
    respond_hours: int = 24
    resolve_working_days: int = 5


DEFAULT_LIMITS = {"elevators": Limits(2, 2), "safety": Limits(2, 3), "repairs": Limits(24, 5)}


def route(rules, category, grid_id):
    """The most specific rule for (category, grid): exact, category only, grid only, catch-all, built-in.

    `rules` maps (category or ANY, grid_id or ANY) to a Route.
    """
    for key in ((category, grid_id), (category, ANY), (ANY, grid_id), (ANY, ANY)):
        if key in rules:
            return rules[key]
    party = DEFAULT_PARTY.get(category, "rc")
    return Route(party, DEFAULT_GROUP[party])


def limits_for(configured, category):
    """The community's limits for a category, else the built-in ones."""
    return configured.get(category) or DEFAULT_LIMITS.get(category) or Limits()


@lru_cache(maxsize=16)
def _calendar(year):
    return holidays.China(years=(year - 1, year, year + 1))


def is_working_day(day):
    """True on a Chinese working day: weekdays that are no holiday, plus adjusted weekend workdays."""
    return _calendar(day.year).is_working_day(day)


def respond_by(reported_at, limits):
    """The moment a response is due: plain hours on the clock."""
    return reported_at + timedelta(hours=limits.respond_hours)


def resolve_by(reported_at, limits):
    """The end (Shanghai midnight) of the Nth working day after the day of the report."""
    day = reported_at.astimezone(SHANGHAI).date()
    left = limits.resolve_working_days
    while left > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            left -= 1
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=SHANGHAI)
    return end.astimezone(reported_at.tzinfo)


def overdue_limits(status, now, respond_due, resolve_due, responded):
    """Which limits (`respond`, `resolve`) a case in `status` has passed at `now`."""
    passed = []
    if not responded and status in OPEN and now > respond_due:
        passed.append("respond")
    if status in OPEN and now > resolve_due:
        passed.append("resolve")
    return passed


# --- duplicates ---------------------------------------------------------------------------

NEAR_METRES = 80


def distance_m(a, b):
    """Metres between two (lat, lng) points; an equirectangular estimate, fine within a community."""
    lat = math.radians((a[0] + b[0]) / 2)
    dx = math.radians(b[1] - a[1]) * math.cos(lat)
    dy = math.radians(b[0] - a[0])
    return 6_371_000 * math.hypot(dx, dy)


def is_near(here, there):
    """Same building, or map points within NEAR_METRES of each other."""
    if here.get("building_id") and here.get("building_id") == there.get("building_id"):
        return True
    points = [(p.get("lat"), p.get("lng")) for p in (here, there)]
    if any(None in point for point in points):
        return False
    return distance_m(*points) <= NEAR_METRES


def duplicate_candidates(category, location, cases):
    """Open cases of the same category near `location`, newest first: offered as "me too"."""
    found = [c for c in cases if c["category"] == category and c["status"] in OPEN
             and is_near(location, c["location"])]
    return sorted(found, key=lambda c: c["created_at"], reverse=True)


# --- rating ---------------------------------------------------------------------------------

SATISFIED_FROM = 4  # a score of 4 or 5 counts as satisfied
UNHAPPY_UP_TO = 2   # a score of 1 or 2 reopens the case, once
MAX_REOPENS = 1


def reopens_on(score, status, reopen_count):
    """True if this rating reopens the case: unhappy, resolved, not reopened before."""
    return score <= UNHAPPY_UP_TO and status == RESOLVED and reopen_count < MAX_REOPENS


# --- the three rates ------------------------------------------------------------------------


def _hours(start, end):
    return (end - start).total_seconds() / 3600


def is_overdue(case, now):
    """True if the case answered or resolved late, or is still open past a limit."""
    late_response = (case.get("responded_at") or now) > case["respond_by"]
    finished = case.get("resolved_at") or (now if case["status"] in OPEN else None)
    return late_response or (finished is not None and finished > case["resolve_by"])


def rates(cases, scores_by_case, now):
    """Response, resolution and satisfaction rates, overdue count and median hours.

    `cases` are dicts (created_at, responded_at, resolved_at, respond_by, resolve_by,
    status, unreasonable); merged and unreasonable cases are left out, and so are their
    ratings (`scores_by_case`: case id -> scores 1–5). A rate with nothing to count is None.
    """
    counted = [c for c in cases if not c.get("unreasonable") and c["status"] != MERGED]
    scores = [s for c in counted for s in scores_by_case.get(c["id"], ())]
    on_time = [c for c in counted if c.get("responded_at") and c["responded_at"] <= c["respond_by"]]
    resolved = [c for c in counted if c.get("resolved_at")]
    return {
        "cases": len(counted),
        "response_rate": _share(len(on_time), len(counted)),
        "resolution_rate": _share(len(resolved), len(counted)),
        "satisfaction_rate": _share(sum(1 for s in scores if s >= SATISFIED_FROM), len(scores)),
        "ratings": len(scores),
        "overdue": sum(1 for c in counted if is_overdue(c, now)),
        "median_response_hours": _median([_hours(c["created_at"], c["responded_at"])
                                          for c in counted if c.get("responded_at")]),
        "median_resolution_hours": _median([_hours(c["created_at"], c["resolved_at"]) for c in resolved]),
        "unreasonable": sum(1 for c in cases if c.get("unreasonable")),
    }


def _share(part, whole):
    return round(part / whole, 4) if whole else None


def _median(values):
    return round(statistics.median(values), 2) if values else None


DIMENSIONS = ("community", "party", "category", "grid")


def rates_by(dimension, cases, scores_by_case, now):
    """`rates` per value of a dimension (community_id, party, category or grid_id)."""
    key = {"community": "community_id", "grid": "grid_id"}.get(dimension, dimension)
    groups = {}
    for case in cases:
        groups.setdefault(case.get(key) or "", []).append(case)
    return [{dimension: value, **rates(group, scores_by_case, now)} for value, group in sorted(groups.items())]


# --- photos ---------------------------------------------------------------------------------

PHOTO_TYPES = {"image/jpeg": (b"\xff\xd8\xff",), "image/png": (b"\x89PNG\r\n\x1a\n",), "image/webp": (b"RIFF",)}
MAX_PHOTOS, MAX_PHOTO_BYTES = 4, 2 * 1024 * 1024


def photo_problem(content_type, raw):
    """What is wrong with a report's photo (its declared type, its bytes, its size), or None."""
    signatures = PHOTO_TYPES.get(content_type)
    if signatures is None:
        return f"type must be one of {', '.join(PHOTO_TYPES)}"
    if not raw:
        return "the photo is empty"
    if len(raw) > MAX_PHOTO_BYTES:
        return f"a photo may be at most {MAX_PHOTO_BYTES // (1024 * 1024)} MB"
    if not raw.startswith(signatures) or (content_type == "image/webp" and raw[8:12] != b"WEBP"):
        return f"the bytes are not a {content_type} image"
    return None
