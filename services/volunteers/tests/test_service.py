"""The volunteers service keeps its own membership projection, fed by the gateway's events."""
from nameko.testing.services import entrypoint_hook

from services.volunteers.service import VolunteersService


def test_the_communitys_volunteers_are_listed(start_service, grant):
    volunteers = start_service(VolunteersService)
    grant("volunteers", "a1", ["resident", "volunteer"])
    grant("volunteers", "a2", ["resident"])
    with entrypoint_hook(volunteers, "volunteers_of") as volunteers_of:
        assert volunteers_of("c1") == ["a1"]
    with entrypoint_hook(volunteers, "member_roles") as member_roles:
        assert member_roles("a2", "c1") == ["resident"]
