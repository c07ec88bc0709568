"""Entrypoints of the waitlist: join in order, be offered freed time held for a while, accept or let it lapse.

Order is first come, first served: an entry's `_id` ends in a sequence number, and the
number is won by inserting it (a unique `_id`); each entry is offered at most once
(`<entry>:offered` in `booking_steps`), and the offer itself holds the slots like a booking.
"""
import os
from datetime import datetime, timedelta, timezone

from mongoengine import NotUniqueError
from nameko.rpc import rpc
from nameko.timer import timer

from services.bookings import domain, exceptions
from services.bookings.checkin_codes import claim_code
from services.bookings.claims import Taken
from services.bookings.dependencies import Space
from services.bookings.models import WaitlistEntry
from services.bookings.reservations import new_booking
from services.bookings.schemas import ActSchema
from services.common.errors import load

HOLD = timedelta(minutes=float(os.environ.get("LINLI_WAITLIST_HOLD_MINUTES", "30")))
EXPIRY_INTERVAL = float(os.environ.get("LINLI_WAITLIST_INTERVAL", "60"))


def utcnow():
    return datetime.now(timezone.utc)


class Waitlist:
    """Mixed into BookingsService (with Reservations)."""

    space = Space()

    @rpc
    def join_waitlist(self, payload):
        req, resource, _, _ = self._allowed(payload)
        span = f"{resource.id}:{domain.slot_key(req['starts_at'])}-{domain.slot_key(req['ends_at'])}"
        if not self.space.limits.take(f"wait:{span}:{req['account_id']}", "waitlist"):
            raise exceptions.Conflict("you are already waiting for this time")
        position = WaitlistEntry.objects(span=span).count()  # not id__startswith: FerretDB refuses its regex flag
        while True:  # the first free number wins; a concurrent joiner takes the next
            entry = WaitlistEntry(id=f"{span}:{position:06d}", span=span, community_id=resource.community_id,
                                  resource_id=str(resource.id), account_id=req["account_id"], roles=req["roles"],
                                  starts_at=req["starts_at"], ends_at=req["ends_at"], created_at=utcnow())
            try:
                entry.save(force_insert=True)
                return {"id": entry.id, "position": position + 1, "resource_id": entry.resource_id}
            except NotUniqueError:
                position += 1

    @rpc
    def accept_offer(self, payload):
        act = load(ActSchema(), payload)
        booking = self.space.booking(act["booking_id"])
        if booking.account_id != act["actor_id"]:
            raise exceptions.Forbidden("only the resident it was offered to accepts it")
        if booking.status != domain.OFFERED or domain.utc(booking.hold_until) < utcnow():
            raise exceptions.Conflict("this offer is no longer open")
        self._step(booking, "decision")
        return self._move(booking, domain.CONFIRMED, act, "booking_confirmed")

    @timer(interval=EXPIRY_INTERVAL)
    def expire_offers(self):
        """Offers not accepted in time lapse; the time goes to the next in line."""
        lapsed = 0
        for booking in self.space.bookings(status=domain.OFFERED, hold_until__lt=utcnow()):
            if self.space.steps.take(f"{booking.id}:decision", "timer"):
                self._release(booking, quota=True)
                self._move(booking, domain.EXPIRED, {"actor_id": "timer", "reason": "offer_expired"},
                           "booking_cancelled")
                self._offer_freed(booking)
                lapsed += 1
        return lapsed

    def _offer_freed(self, freed):
        """Offer freed time to the first waiting resident whose wish it now fits, in order."""
        resource = self.space.resource(freed.resource_id)
        rules = domain.rules_from(resource.rules)
        windows = self.space.windows(str(resource.id)) if resource.kind == "service" else None
        for entry in WaitlistEntry.objects(resource_id=freed.resource_id).order_by("id"):
            if entry.starts_at <= utcnow() or not domain.overlaps(entry.starts_at, entry.ends_at,
                                                                    freed.starts_at, freed.ends_at):
                continue
            if not self.space.steps.take(f"{entry.id}:offered", "waitlist"):
                continue  # offered before
            if self._offer(entry, resource, rules, windows):
                return entry
        return None

    def _offer(self, entry, resource, rules, windows):
        booking = new_booking(resource, {"account_id": entry.account_id, "starts_at": entry.starts_at,
                                         "ends_at": entry.ends_at, "quantity": 1, "title": None}, domain.OFFERED)
        booking.hold_until = utcnow() + HOLD
        try:
            self._claim_time(booking, resource, rules, windows)
        except Taken:
            return False
        try:
            claim_code(self.space.codes, booking)
        except exceptions.Conflict:  # no free code that day (practically never): no offer rather than no code
            self.space.slots.release(booking.claims)
            return False
        self.outbox.save(booking, self._event("waitlist_offered", booking,
                                              hold_until=booking.hold_until.isoformat().replace("+00:00", "Z")))
        return True
