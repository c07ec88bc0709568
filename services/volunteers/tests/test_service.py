"""The volunteers service keeps its own projection of memberships, on the real broker and store."""
import eventlet
import pytest
from nameko.standalone.events import event_dispatcher
from nameko.testing.services import entrypoint_hook

from services.common.envelope import make_event
from services.common.errors import InvalidInput
from services.volunteers.service import VolunteersService


@pytest.fixture
def service(container_factory, linli_config):
    container = container_factory(VolunteersService, linli_config)
    container.start()
    return container


@pytest.fixture
def grant(linli_config, database):
    send = event_dispatcher(linli_config)

    def grant(account_id, roles, community_id="c1"):
        before = database("volunteers").membership_versions.count_documents({})
        send("gateway", "membership_granted", make_event("gateway", "membership_granted", {
            "account_id": account_id, "community_id": community_id, "roles": roles,
            "building_id": "b1", "unit_id": None, "grid_id": "g1"}))
        with eventlet.Timeout(5):
            while database("volunteers").membership_versions.count_documents({}) == before:
                eventlet.sleep(0.05)
    return grant


def roles_of(container, account_id, community_id="c1"):
    with entrypoint_hook(container, "member_roles") as member_roles:
        return member_roles(account_id, community_id)


def test_the_latest_grant_is_the_membership(service, grant):
    grant("a1", ["resident"])
    grant("a1", ["resident", "volunteer"])
    assert roles_of(service, "a1") == ["resident", "volunteer"]


def test_a_stranger_has_no_roles(service, grant):
    grant("a1", ["resident"], community_id="c2")
    assert roles_of(service, "a1") == []


def test_a_bad_query_is_refused(service):
    with pytest.raises(InvalidInput):
        roles_of(service, "", "c1")


def test_the_communitys_volunteers_are_listed(service, grant):
    grant("a1", ["resident", "volunteer"])
    grant("a2", ["resident"])
    with entrypoint_hook(service, "volunteers_of") as volunteers_of:
        assert volunteers_of("c1") == ["a1"]
