"""Staff actions are audited: who, what, when, from where; readable by staff, editable by no one."""
from gateway.tests.conftest import fresh_phone


def audit(client, community, headers, **params):
    return client.get(f"/api/v1/communities/{community['id']}/audit", headers=headers, query_string=params)


def test_a_role_change_by_the_community_admin_is_audited(client, community, demo_login, resident):
    admin = demo_login("community_admin")
    changed = client.put(f"/api/v1/communities/{community['id']}/members/{resident['id']}/roles",
                         json={"roles": ["resident", "volunteer"]}, headers={**admin, "X-Request-Id": "audit-1"},
                         environ_base={"REMOTE_ADDR": "10.1.2.3"})
    assert changed.status_code == 200, changed.get_json()
    [entry] = [e for e in audit(client, community, admin).get_json()["items"] if e["request_id"] == "audit-1"]
    assert entry["method"] == "PUT" and entry["status"] == 200
    assert entry["route"] == "/api/v1/communities/<community_id>/members/<account_id>/roles"
    assert entry["address"] == "10.1.2.3" and "community_admin" in entry["roles"]


def test_residents_actions_are_not_staff_actions(client, community, demo_login, register):
    admin = demo_login("community_admin")
    before = len(audit(client, community, admin, limit=200).get_json()["items"])
    register(phone=fresh_phone())
    assert len(audit(client, community, admin, limit=200).get_json()["items"]) == before


def test_residents_may_not_read_the_audit_log(client, community, resident):
    assert audit(client, community, resident["headers"]).status_code == 403


def test_no_one_can_change_or_delete_the_log(client, community, demo_login):
    admin = demo_login("community_admin")
    for method in (client.put, client.patch, client.delete, client.post):
        assert method(f"/api/v1/communities/{community['id']}/audit", headers=admin, json={}).status_code == 405
