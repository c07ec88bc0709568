"""Shift templates, pure: local wall-clock rules in Asia/Shanghai, generated shifts in UTC."""
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Asia/Shanghai")


def at_local(day, hhmm, tz=LOCAL):
    """The UTC instant of local wall-clock `hhmm` on `day`."""
    hour, minute = (int(part) for part in hhmm.split(":"))
    return datetime.combine(day, time(hour, minute), tzinfo=tz).astimezone(timezone.utc)


def span(day, start, end, tz=LOCAL):
    """(starts_at, ends_at) in UTC; an end before the start runs past midnight."""
    starts_at, ends_at = at_local(day, start, tz), at_local(day, end, tz)
    if ends_at <= starts_at:
        ends_at = at_local(day + timedelta(days=1), end, tz)
    return starts_at, ends_at


def weekly(weekday, start, end, needs, first_day, weeks):
    """`weeks` shifts on ISO `weekday` (1 = Monday) from `first_day` on: 'every Tuesday 09:00-11:30'."""
    offset = (weekday - first_day.isoweekday()) % 7
    day = first_day + timedelta(days=offset)
    return [shift(day + timedelta(weeks=n), start, end, needs) for n in range(weeks)]


def rota(first_day, days, start, end, people):
    """A patrol rota: one shift an evening for `days` days, `people` of any skill each."""
    return [shift(first_day + timedelta(days=n), start, end, {"general": people}) for n in range(days)]


def shift(day, start, end, needs):
    starts_at, ends_at = span(day, start, end)
    return {"starts_at": starts_at, "ends_at": ends_at, "needs": dict(needs), "local_date": day.isoformat()}


def generate(template):
    """The shifts of a template dict (`kind` weekly or rota), as `weekly`/`rota` make them."""
    first_day = template["first_day"]
    if isinstance(first_day, str):
        first_day = date.fromisoformat(first_day)
    if template["kind"] == "weekly":
        return weekly(template["weekday"], template["start"], template["end"], template["needs"],
                      first_day, template["weeks"])
    return rota(first_day, template["days"], template["start"], template["end"], template["people"])
