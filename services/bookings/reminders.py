"""The sweep of confirmed bookings: each booker is reminded the day before and an hour before, once each,
and bookings not checked in within their grace period become no-shows; one read of the bookings for both."""
import os
from datetime import datetime, timezone

from mongoengine import NotUniqueError
from nameko.rpc import rpc
from nameko.timer import timer

from services.bookings import domain
from services.bookings.models import Booking, ReminderMark
from services.common.dependencies import EventOutbox
from services.common.reminders import AHEAD, due_reminders

SWEEP_INTERVAL = float(os.environ.get("LINLI_REMINDER_INTERVAL", "20"))
FACTS = ("id", "community_id", "resource_id", "resource_name", "resource_kind", "account_id",
         "starts_at", "ends_at", "shift_id", "volunteer_id")


class Reminders:
    """Mixed into BookingsService (with Reservations' `_event` and `_release_no_shows`)."""

    outbox = EventOutbox()

    @timer(interval=SWEEP_INTERVAL)
    def sweep_confirmed(self):
        """One read of the confirmed bookings starting before the reminders' horizon: due reminders, then no-shows."""
        moment = datetime.now(timezone.utc)
        confirmed = Booking.objects(status=domain.CONFIRMED, starts_at__lte=moment + AHEAD).order_by("starts_at")
        upcoming, started = [], []
        for booking in confirmed:
            (upcoming if domain.utc(booking.starts_at) > moment else started).append(booking)
        sent = sum(self._remind(booking, moment) for booking in upcoming)
        return sent, self._release_no_shows(started, moment)

    @rpc
    def send_due_reminders(self, now=None):
        """Emit each due `booking_reminder_due` exactly once (a unique mark per booking and reminder)."""
        moment = domain.utc(datetime.fromisoformat(now)) if now else datetime.now(timezone.utc)
        upcoming = Booking.objects(status=domain.CONFIRMED, starts_at__gt=moment,
                                   starts_at__lte=moment + AHEAD).only(*FACTS)  # one scan, few fields
        return sum(self._remind(booking, moment) for booking in upcoming)

    def _remind(self, booking, moment):
        sent = 0
        for reminder in due_reminders(domain.utc(booking.starts_at), moment):
            mark = ReminderMark(id=f"{booking.id}:{reminder}", booking_id=str(booking.id), reminder=reminder, at=moment)
            try:
                self.outbox.save(mark, self._event("booking_reminder_due", booking, reminder=reminder))
                sent += 1
            except NotUniqueError:
                pass  # sent already, by an earlier or a concurrent sweep
        return sent
