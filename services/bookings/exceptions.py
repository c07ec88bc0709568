"""Errors the bookings service's RPC methods raise (mapped to HTTP by the gateway).

The gateway maps errors by their class name, so these helpers build the four kit classes
(InvalidInput 422, NotFound 404, Conflict 409, Forbidden 403) rather than subclasses.
"""
from services.common.errors import Conflict, Forbidden, InvalidInput, NotFound  # noqa: F401  (re-exported)


def resource_not_found(resource_id):
    return NotFound(f"no resource {resource_id} in this community", resource_id=resource_id)


def booking_not_found(booking_id):
    return NotFound(f"no booking {booking_id}", booking_id=booking_id)


def coupon_not_found(what):
    return NotFound(f"no coupon {what}", coupon=what)


def slot_taken(resource_id):
    return Conflict("this time is already fully booked (名额已满)", resource_id=resource_id)


def refused(field, message):
    """A booking rule says no; `errors` names the field, like a schema error."""
    return InvalidInput({field: [message]})
