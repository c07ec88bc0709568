"""Pure rules of delivery: which outside channels, when, how often to retry, and to whom."""
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Asia/Shanghai")
PRIORITIES = ("low", "normal", "critical")
OUTSIDE = ("email", "apprise")
PARTIES = ("social_worker", "community_admin", "pm_staff", "oc_member")
SKILLS = ("hairdressing", "legal_advice", "nursing", "it", "drawing", "first_aid")
DIGEST_AT = time(20, 0)  # the daily digest goes out at 20:00 Shanghai time


def outside_channels(priority, category, preferences, contacts):
    """The outside channels a message goes through; critical ones reach every contact point."""
    reachable = [channel for channel in OUTSIDE if contacts.get(channel)]
    if priority == "critical":
        return reachable
    chosen = (preferences.get("channels") or {}).get(category, ())
    return [channel for channel in reachable if channel in chosen]


def held_for_digest(priority, category, preferences):
    """Low-priority messages of a category the person gathers wait for the daily digest."""
    return priority == "low" and category in (preferences.get("digest") or ())


def parse_clock(text):
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def in_quiet_hours(clock, start, end):
    if start <= end:
        return start <= clock < end
    return clock >= start or clock < end  # the quiet spans midnight


def due_at(now, priority, quiet_hours):
    """When an outside message may go: now, or when the person's quiet hours end; critical: now."""
    if priority == "critical" or not quiet_hours:
        return now
    start, end = parse_clock(quiet_hours["start"]), parse_clock(quiet_hours["end"])
    local = now.astimezone(LOCAL)
    if not in_quiet_hours(local.timetz().replace(tzinfo=None), start, end):
        return now
    wake = datetime.combine(local.date(), end, tzinfo=LOCAL)
    if wake <= local:
        wake += timedelta(days=1)
    return wake.astimezone(now.tzinfo)


def next_digest(now):
    """The next daily digest time after `now`."""
    local = now.astimezone(LOCAL)
    at = datetime.combine(local.date(), DIGEST_AT, tzinfo=LOCAL)
    if at <= local:
        at += timedelta(days=1)
    return at.astimezone(now.tzinfo)


def backoff(attempt, base, cap, jitter):
    """Seconds before the retry after failed attempt `attempt` (1-based): exponential, jittered.

    `jitter` is a number in [0, 1); the wait lies between half and all of the exponential step.
    """
    step = min(cap, base * 2 ** (attempt - 1))
    return step * (0.5 + jitter / 2)


def audience(spec, memberships, skilled=()):
    """Account ids of a community's current memberships that an audience spec names.

    spec keys (any combination, united): account_ids, roles, parties (bool), building_ids,
    grid_ids, skills (the volunteers with one of them: `skilled`); an empty spec names no one.
    """
    roles = set(spec.get("roles") or ()) | (set(PARTIES) if spec.get("parties") else set())
    buildings, grids = set(spec.get("building_ids") or ()), set(spec.get("grid_ids") or ())
    chosen = set(spec.get("account_ids") or ()) | set(skilled)
    for m in memberships:
        if (roles & set(m.get("roles") or ()) or m.get("building_id") in buildings
                or m.get("grid_id") in grids):
            chosen.add(m["account_id"])
    return sorted(chosen)
