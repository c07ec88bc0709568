"""The bookings service keeps its own membership projection, fed by the gateway's events."""
from nameko.testing.services import entrypoint_hook

from services.bookings.service import BookingsService


def test_a_granted_role_is_known_to_bookings(start_service, grant):
    bookings = start_service(BookingsService)
    grant("bookings", "a1", ["resident", "owner"])
    with entrypoint_hook(bookings, "member_roles") as member_roles:
        assert member_roles("a1", "c1") == ["owner", "resident"]
