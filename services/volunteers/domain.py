"""Pure rules of volunteering: skills, seats, clashes, the weekly limit, withdrawal and hours."""
from datetime import timedelta, timezone

SKILLS = ("hairdressing", "legal_advice", "nursing", "it", "drawing", "first_aid")
# Skills that count only once staff have checked a licence or certificate.
NEEDS_VERIFICATION = frozenset({"hairdressing", "legal_advice", "nursing", "first_aid"})
GENERAL = "general"  # a seat anyone may take (patrols, clean-ups)

ACTIVITY_KINDS = ("tuesday_services", "cleanup", "patrol", "event")
TEAM_KINDS = ("building", "grid", "tuesday_services", "patrol", "other")

MAX_SHIFTS_PER_WEEK = 3
WITHDRAW_HOURS = 24  # later withdrawals alert staff to find cover


class RuleBroken(ValueError):
    """A sign-up rule refused the request; `reason` is a stable machine key."""

    def __init__(self, reason, message):
        super().__init__(message)
        self.reason = reason


def counting_skills(skills):
    """The skills that count: verified ones, and those that need no verification."""
    return {name for name, s in skills.items() if s.get("verified") or name not in NEEDS_VERIFICATION}


def check_skill(skill, skills):
    """Raise unless a volunteer with `skills` may take a seat of `skill`."""
    if skill != GENERAL and skill not in counting_skills(skills):
        raise RuleBroken("skill_missing", f"a seat of {skill} needs that skill, verified by staff")


def overlaps(a_start, a_end, b_start, b_end):
    return a_start < b_end and b_start < a_end


def check_clash(starts_at, ends_at, other_shifts):
    """Raise if the volunteer already has a shift overlapping [starts_at, ends_at)."""
    for other in other_shifts:
        if overlaps(starts_at, ends_at, other["starts_at"], other["ends_at"]):
            raise RuleBroken("clash", f"clashes with shift {other['id']} at the same time")


def week_of(moment, tz):
    """The (ISO year, week) of `moment` in local time."""
    return moment.astimezone(tz).isocalendar()[:2]


def check_weekly_limit(starts_at, other_starts, tz, limit=MAX_SHIFTS_PER_WEEK):
    """Raise if the volunteer already has `limit` shifts in that local week."""
    week = week_of(starts_at, tz)
    if sum(1 for s in other_starts if week_of(s, tz) == week) >= limit:
        raise RuleBroken("weekly_limit", f"at most {limit} shifts a week")


def seat_ids(shift_id, skill, needed):
    """The unique keys of a shift's seats of one skill, tried in order."""
    return [f"{shift_id}:{skill}:{index}" for index in range(needed)]


def is_late(starts_at, now, hours=WITHDRAW_HOURS):
    """A withdrawal within `hours` of the start leaves staff to find cover."""
    return now > starts_at - timedelta(hours=hours)


def worked_seconds(checked_in_at, checked_out_at):
    """Seconds credited from the actual times; never negative."""
    return max(0, int((checked_out_at - checked_in_at).total_seconds()))


def missing(needs, taken):
    """Seats still open per skill: `needs` {skill: n} minus `taken` {skill: n}."""
    gaps = {skill: n - taken.get(skill, 0) for skill, n in needs.items()}
    return {skill: n for skill, n in gaps.items() if n > 0}


def available(availability, starts_at, ends_at, tz):
    """True if a weekly availability [{weekday, start, end}] covers the shift in local time."""
    local_start, local_end = starts_at.astimezone(tz), ends_at.astimezone(tz)
    for window in availability:
        if window["weekday"] == local_start.isoweekday() and local_end.date() == local_start.date() \
                and window["start"] <= local_start.strftime("%H:%M") \
                and local_end.strftime("%H:%M") <= window["end"]:
            return True
    return False


def hours(seconds):
    return round(seconds / 3600, 2)


def utc(moment):
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
