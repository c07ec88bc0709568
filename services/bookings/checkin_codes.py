"""Check-in codes: unique per community and local start day, claimed by a unique insert, found by `_id`.

A code is the claim `<community>:<YYYY-MM-DD>:<code>` in `check_in_codes`, owned by the booking's id. Two
bookings of one community starting the same (Asia/Shanghai) day never share a code, so a code typed at the
kiosk names one booking without scanning the community's bookings. A claim whose booking does not exist or
carries another code (a replayed request that lost to the first delivery) counts as absent.
"""
import secrets
from datetime import datetime, timezone

from nameko.rpc import rpc

from services.bookings import domain, exceptions
from services.bookings.dependencies import Space
from services.bookings.schemas import CodeCheckInSchema
from services.common.errors import load

ATTEMPTS = 20  # a collision needs a day with thousands of bookings; 20 misses in a row means something is wrong


def new_code():
    return f"{secrets.randbelow(10 ** 6):06d}"


def code_key(community_id, day, code):
    return f"{community_id}:{day.isoformat()}:{code}"


def claim_code(book, booking):
    """Give `booking` a code no other booking of its community and start day holds; its claim's `_id`."""
    day = domain.local_day(booking.starts_at)
    for _ in range(ATTEMPTS):
        code = new_code()
        if book.take(code_key(booking.community_id, day, code), str(booking.id)):
            booking.check_in_code = code
            return code_key(booking.community_id, day, code)
    raise exceptions.Conflict("no free check-in code was found for that day; please try again")


class CodeCheckIn:
    """Mixed into BookingsService: check-in by code alone, as the kiosk does it."""

    space = Space()

    @rpc
    def check_in_by_code(self, payload):
        """Check in the community's confirmed booking with this code whose check-in is open now."""
        req = load(CodeCheckInSchema(), payload)
        now = datetime.now(timezone.utc)
        open_now = [b for b in self._holding(req["community_id"], req["code"], now)
                    if domain.may_check_in(b.starts_at, b.ends_at, now)]
        ready = [b for b in open_now if b.status == domain.CONFIRMED]
        if ready:
            return self._check_in(ready[0], {"actor_id": req["actor_id"]})
        if any(b.status == domain.CHECKED_IN for b in open_now):
            raise exceptions.Conflict("the booking with this code is already checked in")
        raise exceptions.NotFound("no booking with this code can be checked in now "
                                  "(check-in opens 30 minutes before the start)")

    def _holding(self, community_id, code, now):
        """The bookings that hold this code on the days whose check-in may be open now, read by `_id`."""
        found = []
        for day in domain.check_in_days(now):
            owner = self.space.codes.owner_of(code_key(community_id, day, code))
            booking = owner and self.space.booking_or_none(owner)
            if booking and booking.check_in_code == code and booking.community_id == community_id:
                found.append(booking)
        return found
