"""Errors the bookings service's RPC methods raise (mapped to HTTP by the gateway)."""
from services.common.errors import Conflict, Forbidden, InvalidInput, NotFound  # noqa: F401  (re-exported)


class ResourceNotFound(NotFound):
    def __init__(self, resource_id):
        super().__init__(f"no resource {resource_id} in this community", resource_id=resource_id)


class BookingNotFound(NotFound):
    def __init__(self, booking_id):
        super().__init__(f"no booking {booking_id}", booking_id=booking_id)


class CouponNotFound(NotFound):
    def __init__(self, what):
        super().__init__(f"no coupon {what}", coupon=what)


class SlotTaken(Conflict):
    def __init__(self, resource_id):
        super().__init__("this time is already fully booked (名额已满)", resource_id=resource_id)


class Refused(InvalidInput):
    """A booking rule says no; `errors` names the field, like a schema error."""

    def __init__(self, field, message):
        super().__init__({field: [message]})
