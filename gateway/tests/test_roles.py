"""Roles per community: who may change them, what the guard lets through, what is announced."""
import pytest

from gateway import roles
from gateway.identity import guard
from gateway.web.problems import Problem


def roles_url(community, account_id):
    return f"/api/v1/communities/{community['id']}/members/{account_id}/roles"


def test_a_community_admin_changes_a_members_roles_and_it_is_announced(client, community, resident,
                                                                        demo_login, events):
    response = client.put(roles_url(community, resident["id"]), json={"roles": ["owner", "resident"]},
                          headers=demo_login(roles.COMMUNITY_ADMIN) | {"X-Request-Id": "grant-1"})
    assert response.status_code == 200
    assert response.get_json()["roles"] == ["resident", "owner"]
    _, _, event = events.wait_for(lambda e: e["type"] == "membership_granted" and e["requestid"] == "grant-1")
    assert event["data"]["roles"] == ["resident", "owner"]
    assert event["data"]["unit_id"] == community["unit"]["id"]  # the home is kept
    me = client.get("/api/v1/me", headers=resident["headers"]).get_json()
    assert me["memberships"][0]["roles"] == ["resident", "owner"]


@pytest.mark.parametrize("role", [roles.RESIDENT, roles.SOCIAL_WORKER, roles.GRID_LEADER])
def test_only_a_community_admin_may_change_roles(client, community, resident, demo_login, role):
    response = client.put(roles_url(community, resident["id"]), json={"roles": ["community_admin"]},
                          headers=demo_login(role))
    assert response.status_code == 403
    assert response.mimetype == "application/problem+json"


def test_changing_roles_needs_a_login(client, community, resident):
    assert client.put(roles_url(community, resident["id"]), json={"roles": ["owner"]}).status_code == 401


def test_an_unknown_role_is_a_422_naming_the_field(client, community, resident, demo_login):
    response = client.put(roles_url(community, resident["id"]), json={"roles": ["emperor"]},
                          headers=demo_login(roles.COMMUNITY_ADMIN))
    assert response.status_code == 422
    assert "roles" in response.get_json()["errors"]


def test_roles_of_a_non_member_are_a_404(client, community, demo_login):
    response = client.put(roles_url(community, "0" * 24), json={"roles": ["owner"]},
                          headers=demo_login(roles.COMMUNITY_ADMIN))
    assert response.status_code == 404


def test_the_guard_checks_roles_in_the_right_community(app, community, demo_login):
    headers = demo_login(roles.SOCIAL_WORKER)
    with app.test_request_context(headers=headers):
        assert guard.has_role(community["id"], *roles.STAFF)
        assert guard.has_role(community["id"])
        assert not guard.has_role(community["id"], roles.COMMUNITY_ADMIN)
        assert not guard.has_role("0" * 24)
        with pytest.raises(Problem) as refused:
            guard.require_role(community["id"], roles.SHOP)
        assert refused.value.status == 403

