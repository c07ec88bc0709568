"""Claims whose owner was never written (a crash between the claims and the booking or coupon write)
are given back after a grace period, so a crash can block a seat only for a while."""
import os
from datetime import datetime, timedelta, timezone

from bson import ObjectId
from bson.errors import InvalidId
from nameko.rpc import rpc
from nameko.timer import timer

from services.bookings.dependencies import Space
from services.bookings.models import Booking, CouponClaim

GRACE = timedelta(seconds=float(os.environ.get("LINLI_CLAIM_GRACE", "120")))
SWEEP_INTERVAL = float(os.environ.get("LINLI_SWEEP_INTERVAL", "300"))


def _booking_exists(owner):
    try:
        return Booking.objects(id=ObjectId(owner)).count() > 0
    except (InvalidId, TypeError):
        return False


class Sweeper:
    """Mixed into BookingsService."""

    space = Space()

    @timer(interval=SWEEP_INTERVAL)
    @rpc
    def sweep_orphan_claims(self):
        """Delete seats held longer than the grace period by an owner that does not exist; returns how many."""
        before = datetime.now(timezone.utc) - GRACE
        swept = 0
        for book, exists in ((self.space.slots, _booking_exists), (self.space.codes, _booking_exists),
                             (self.space.seats, lambda code: CouponClaim.objects(id=code).count() > 0)):
            owners = {c["owner"] for c in book.collection.find({"at": {"$lt": before}}, {"owner": 1})}
            for owner in owners:
                if not exists(owner):
                    swept += book.collection.delete_many({"owner": owner, "at": {"$lt": before}}).deleted_count
        return swept
