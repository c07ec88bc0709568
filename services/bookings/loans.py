"""Entrypoints of loans: equipment picked up (checked in) is returned, or reported overdue once."""
import os
from datetime import datetime, timezone

from nameko.rpc import rpc
from nameko.timer import timer

from services.bookings import domain, exceptions
from services.bookings.dependencies import Space
from services.bookings.schemas import ActSchema
from services.common.errors import load

OVERDUE_INTERVAL = float(os.environ.get("LINLI_OVERDUE_INTERVAL", "300"))


class Loans:
    """Mixed into BookingsService (with Reservations); a loan is a checked-in equipment booking."""

    space = Space()

    @rpc
    def return_loan(self, payload):
        act = load(ActSchema(), payload)
        booking = self.space.booking(act["booking_id"])
        if booking.account_id != act["actor_id"] and not domain.is_staff(act["roles"]):
            raise exceptions.Forbidden("the borrower or staff record a return")
        if booking.resource_kind != "equipment" or booking.status != domain.CHECKED_IN:
            raise exceptions.Conflict(f"a {booking.status} booking is not a loan on the way back")
        self._step(booking, "return")
        now = datetime.now(timezone.utc)
        later = [c for c in booking.claims if claim_slot(c) >= now]
        self.space.slots.release(later)  # returned early: the rest of the time is free again
        booking.claims = [c for c in booking.claims if c not in later]
        return self._move(booking, domain.RETURNED, act, "loan_returned")

    @timer(interval=OVERDUE_INTERVAL)
    def report_overdue_loans(self):
        """Equipment not returned by its due time is reported once (`loan_overdue`)."""
        now, reported = datetime.now(timezone.utc), 0
        for booking in self.space.bookings(status=domain.CHECKED_IN, resource_kind="equipment", ends_at__lt=now):
            if self.space.steps.take(f"{booking.id}:overdue", "timer"):
                self.outbox.save(booking, self._event("loan_overdue", booking))
                reported += 1
        return reported


def claim_slot(claim_id):
    """The slot start a claim `<resource>:<seat>:<YYYY-MM-DDTHH:MMZ>` holds."""
    return datetime.strptime(claim_id[-17:], "%Y-%m-%dT%H:%MZ").replace(tzinfo=timezone.utc)
