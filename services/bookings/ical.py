"""RFC 5545 calendars of bookings, made with the icalendar library."""
from datetime import datetime, timezone

from icalendar import Calendar, Event

PRODID = "-//Linli 邻里//bookings//ZH"


def calendar(name, bookings, now=None):
    """A VCALENDAR with one VEVENT per booking (dicts with id, title, starts_at, ends_at, status)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Shanghai")
    stamp = now or datetime.now(timezone.utc)
    for booking in bookings:
        event = Event()
        event.add("uid", f"{booking['id']}@linli")
        event.add("dtstamp", stamp)
        event.add("dtstart", booking["starts_at"])
        event.add("dtend", booking["ends_at"])
        event.add("summary", booking["title"])
        event.add("status", "CONFIRMED" if booking["status"] != "requested" else "TENTATIVE")
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")
