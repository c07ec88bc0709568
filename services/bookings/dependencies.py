"""I/O of the bookings service behind a few verbs."""
from bson import ObjectId
from bson.errors import InvalidId
from nameko.extensions import DependencyProvider

from services.bookings import exceptions
from services.bookings.claims import ClaimBook
from services.bookings.models import Booking, Coupon, CouponClaim, Place, Resource, ServiceWindow
from services.common.store import Store


def _object_id(value):
    try:
        return ObjectId(value)
    except (InvalidId, TypeError):
        return None


class Ledger:
    """The service's documents and its claim books, for one worker."""

    def __init__(self, db):
        self.slots = ClaimBook(db["slot_claims"])
        self.limits = ClaimBook(db["limits"])
        self.steps = ClaimBook(db["booking_steps"])
        self.seats = ClaimBook(db["coupon_seats"])
        self.redemptions = ClaimBook(db["redemptions"])
        self.codes = ClaimBook(db["check_in_codes"])

    def resource(self, resource_id, community_id=None):
        """The resource, in that community when one is named, else NotFound."""
        found = Resource.objects(id=_object_id(resource_id)).first() if _object_id(resource_id) else None
        if found is None or (community_id is not None and found.community_id != community_id):
            raise exceptions.resource_not_found(resource_id)
        return found

    def resources(self, community_id, kind=None):
        query = {"community_id": community_id, **({"kind": kind} if kind else {})}
        return list(Resource.objects(**query).order_by("kind", "key"))

    def booking(self, booking_id):
        found = self.booking_or_none(booking_id)
        if found is None:
            raise exceptions.booking_not_found(booking_id)
        return found

    def booking_or_none(self, booking_id):
        return Booking.objects(id=_object_id(booking_id)).first() if _object_id(booking_id) else None

    def bookings(self, **query):
        return list(Booking.objects(**query).order_by("starts_at"))

    def windows(self, resource_id):
        return list(ServiceWindow.objects(resource_id=resource_id).order_by("starts_at", "id"))

    def coupon(self, coupon_id, community_id=None):
        found = Coupon.objects(id=_object_id(coupon_id)).first() if _object_id(coupon_id) else None
        if found is None or (community_id is not None and found.community_id != community_id):
            raise exceptions.coupon_not_found(coupon_id)
        return found

    def claim(self, code):
        found = CouponClaim.objects(id=code).first()
        if found is None:
            raise exceptions.coupon_not_found(code)
        return found

    def places(self, community_id, category=None):
        query = {"community_id": community_id, **({"category": category} if category else {})}
        return list(Place.objects(**query).order_by("key"))


class Space(DependencyProvider):
    """The 37° space's ledger on the service's own connection."""

    store = Store()

    def get_dependency(self, worker_ctx):
        return Ledger(self.store.db)
