"""The membership projection every service keeps, on the real broker and store."""
from datetime import datetime, timezone

import pytest
from nameko.rpc import rpc
from nameko.testing.services import entrypoint_hook

from services.common import people
from services.common.errors import InvalidInput
from services.common.handlers import event_handler
from services.common.membership import MembershipProjection
from services.common.people import membership_model

Versions = membership_model("projector")


class Projector:
    name = "projector"
    members = MembershipProjection(Versions)

    @event_handler("gateway", "membership_granted")
    def on_membership_granted(self, body):
        self.members.record(body)

    @rpc
    def member_roles(self, account_id, community_id):
        return self.members.roles(account_id, community_id)


@pytest.fixture
def projector(start_service):
    return start_service(Projector)


def roles_of(container, account_id, community_id="c1"):
    with entrypoint_hook(container, "member_roles") as member_roles:
        return member_roles(account_id, community_id)


def test_the_latest_grant_is_the_membership(projector, grant):
    grant("projector", "a1", ["resident"])
    grant("projector", "a1", ["resident", "volunteer"])
    assert roles_of(projector, "a1") == ["resident", "volunteer"]


def test_a_stranger_to_the_community_has_no_roles(projector, grant):
    grant("projector", "a1", ["resident"], community_id="c2")
    assert roles_of(projector, "a1") == []


def test_the_same_grant_event_twice_is_kept_once(projector, database):
    data = {"account_id": "a1", "community_id": "c1", "roles": []}
    at = datetime.now(timezone.utc)
    assert people.record(Versions, "event-1", at, data) is True
    assert people.record(Versions, "event-1", at, data) is False
    assert database("projector").membership_versions.count_documents({}) == 1


def test_a_bad_query_is_refused(projector):
    with pytest.raises(InvalidInput):
        roles_of(projector, "", "c1")
