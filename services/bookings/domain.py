"""Pure booking rules: time slots, opening hours, closures and the limits of a resource.

Times are stored in UTC; rules (opening hours, closures) speak Asia/Shanghai local time.
No nameko or Mongo here: every function takes plain values and answers plain values.
"""
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Asia/Shanghai")
SLOT = timedelta(minutes=15)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
KINDS = ("room", "equipment", "service", "printer")
SERVICE_SKILLS = {"haircut": "hairdressing", "legal_advice": "legal_advice", "blood_pressure": "nursing"}

REQUESTED, CONFIRMED, DECLINED, CANCELLED = "requested", "confirmed", "declined", "cancelled"
CHECKED_IN, NO_SHOW, RETURNED = "checked_in", "no_show", "returned"
OFFERED, EXPIRED = "offered", "expired"  # a waitlisted resident's held offer, and one not taken in time
ACTIVE = (REQUESTED, CONFIRMED, OFFERED)
STAFF = ("social_worker", "community_admin", "pm_staff", "oc_member", "town_admin")
FINAL = (DECLINED, CANCELLED, NO_SHOW, RETURNED, EXPIRED)


class Refused(ValueError):
    """A booking the rules do not allow; `field` names what is wrong."""

    def __init__(self, field_name, message):
        super().__init__(message)
        self.field = field_name
        self.message = message


@dataclass(frozen=True)
class Rules:
    """A resource's booking rules; hours are local "HH:MM-HH:MM" ranges per weekday.

    Ranges and closures are strings, not pairs: FerretDB stores no nested arrays.
    """

    hours: dict = field(default_factory=dict)  # {"tue": ["09:00-11:30", "14:00-17:00"]}
    closures: tuple = ()  # local dates "2026-10-01" or inclusive ranges "2026-10-01/2026-10-07"
    min_minutes: int = 15
    max_minutes: int = 240
    notice_minutes: int = 0
    horizon_days: int = 60
    buffer_minutes: int = 0
    capacity: int = 1
    roles: tuple = ()  # empty: any member of the community
    approval: bool = False
    cancel_hours: int = 0
    grace_minutes: int = 15
    max_per_week: int = None  # per resident and resource, no-shows included
    max_hours_per_month: int = None  # per resident and resource, in quarter hours, no-shows included


def utc(moment):
    """An aware datetime in UTC; a naive one is taken to be UTC already."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def aligned(moment):
    return utc(moment).timestamp() % SLOT.total_seconds() == 0


def slots(starts_at, ends_at):
    """The 15-minute slot starts covering [starts_at, ends_at), as UTC datetimes."""
    moment, end = utc(starts_at), utc(ends_at)
    out = []
    while moment < end:
        out.append(moment)
        moment += SLOT
    return out


def slot_key(moment):
    return utc(moment).strftime("%Y-%m-%dT%H:%MZ")


def claimed_span(starts_at, ends_at, rules):
    """What a booking holds: its own time plus the buffer after it."""
    return starts_at, ends_at + timedelta(minutes=rules.buffer_minutes)


def _clock(text):
    hour, minute = text.split(":")
    return time(int(hour), int(minute)) if text != "24:00" else time(23, 59, 59, 999999)


def within_hours(rules, starts_at, ends_at):
    """True if [starts_at, ends_at) lies inside one opening range of its local day."""
    start, end = utc(starts_at).astimezone(LOCAL), utc(ends_at).astimezone(LOCAL)
    day = WEEKDAYS[start.weekday()]
    for opening in rules.hours.get(day, ()):
        opens, closes = opening.split("-")
        begin = datetime.combine(start.date(), _clock(opens), LOCAL)
        finish = datetime.combine(start.date(), _clock(closes), LOCAL)
        if closes == "24:00":
            finish = datetime.combine(start.date() + timedelta(days=1), time(0), LOCAL)
        if begin <= start and end <= finish:
            return True
    return False


def closed_on(rules, local_day):
    for closure in rules.closures:
        first, _, last = str(closure).partition("/")
        if date.fromisoformat(first) <= local_day <= date.fromisoformat(last or first):
            return True
    return False


def check_booking(rules, starts_at, ends_at, now, roles, quantity=1, windows=None):
    """Raise Refused unless these rules allow booking [starts_at, ends_at) now by someone holding `roles`.

    `windows` (for service sessions) are the (start, end) spans a volunteer is scheduled;
    when given they replace the opening hours.
    """
    starts_at, ends_at, now = utc(starts_at), utc(ends_at), utc(now)
    if rules.roles and not set(rules.roles) & set(roles):
        raise Refused("roles", "this resource may not be booked with your roles")
    if not (aligned(starts_at) and aligned(ends_at)):
        raise Refused("starts_at", "bookings start and end on a quarter hour")
    if ends_at <= starts_at:
        raise Refused("ends_at", "a booking ends after it starts")
    if starts_at < now:
        raise Refused("starts_at", "this time is in the past")
    length = (ends_at - starts_at) / timedelta(minutes=1)
    if length < rules.min_minutes:
        raise Refused("ends_at", f"a booking lasts at least {rules.min_minutes} minutes")
    if length > rules.max_minutes:
        raise Refused("ends_at", f"a booking lasts at most {rules.max_minutes} minutes")
    if starts_at < now + timedelta(minutes=rules.notice_minutes):
        raise Refused("starts_at", f"book at least {rules.notice_minutes} minutes ahead")
    if starts_at > now + timedelta(days=rules.horizon_days):
        raise Refused("starts_at", f"book at most {rules.horizon_days} days ahead")
    if not 1 <= quantity <= rules.capacity:
        raise Refused("quantity", f"between 1 and {rules.capacity} may be booked")
    if closed_on(rules, starts_at.astimezone(LOCAL).date()):
        raise Refused("starts_at", "the resource is closed that day")
    if windows is not None:
        if not any(utc(a) <= starts_at and ends_at <= utc(b) for a, b in windows):
            raise Refused("starts_at", "no volunteer is scheduled for this time")
    elif rules.hours and not within_hours(rules, starts_at, ends_at):  # no hours set: always open
        raise Refused("starts_at", "outside the opening hours")


def rules_from(stored):
    """Rules from a resource's stored dict (lists back to tuples)."""
    known = {k: v for k, v in stored.items() if k in Rules.__dataclass_fields__}
    known["closures"] = tuple(known.get("closures", ()))
    known["roles"] = tuple(known.get("roles", ()))
    return Rules(**known)


def is_staff(roles):
    return bool(set(roles) & set(STAFF))


def initial_status(rules, roles):
    """Bookings of resources that need approval wait for staff, unless staff book them."""
    return REQUESTED if rules.approval and not is_staff(roles) else CONFIRMED


def may_cancel(rules, starts_at, now):
    return utc(now) <= utc(starts_at) - timedelta(hours=rules.cancel_hours)


def no_show_due(rules, starts_at, now):
    """True once the check-in grace period after the start has passed."""
    return utc(now) > utc(starts_at) + timedelta(minutes=rules.grace_minutes)


def may_check_in(starts_at, ends_at, now, early=timedelta(minutes=30)):
    return utc(starts_at) - early <= utc(now) < utc(ends_at)


def local_day(moment):
    """The Asia/Shanghai date of a stored (UTC) time."""
    return utc(moment).astimezone(LOCAL).date()


def check_in_days(now):
    """The local start days of every booking whose check-in may be open now: yesterday's may run past midnight,
    tomorrow's opens 30 minutes before (a 00:15 start opens at 23:45)."""
    today = local_day(now)
    return [today - timedelta(days=1), today, today + timedelta(days=1)]


def overlaps(a_start, a_end, b_start, b_end):
    return utc(a_start) < utc(b_end) and utc(b_start) < utc(a_end)


def week_key(moment):
    """The local ISO week a booking counts in for quotas, e.g. 2026-W49."""
    year, week, _ = utc(moment).astimezone(LOCAL).isocalendar()
    return f"{year}-W{week:02d}"


def month_key(moment):
    return utc(moment).astimezone(LOCAL).strftime("%Y-%m")


def recurrence(starts_at, ends_at, every_days, count):
    """The occurrences of a weekly (every 7 days) or other regular booking, in local time."""
    start, end = utc(starts_at).astimezone(LOCAL), utc(ends_at).astimezone(LOCAL)
    step = timedelta(days=every_days)
    return [(utc(start + step * i), utc(end + step * i)) for i in range(count)]
