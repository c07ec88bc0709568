"""When a reminder of something that starts at a set time is due (shared by shifts and bookings)."""
from datetime import timedelta

REMINDERS = (("day_before", timedelta(hours=24)), ("hour_before", timedelta(hours=1)))
AHEAD = REMINDERS[0][1]  # a sweep looks this far ahead


def due_reminders(starts_at, now):
    """The reminders due at `now` for something starting at `starts_at` (none once it started)."""
    if now >= starts_at:
        return []
    due = [name for name, ahead in REMINDERS if now >= starts_at - ahead]
    return due[-1:]  # only the nearest: booking 30 min before gets no "day before"
