"""The per-process memory of who a caller is: a role taken away stops working, and how soon."""
from bson import ObjectId

from gateway import roles
from gateway.identity.recall import BOUND_SECONDS, Recall, recall
from gateway.models import Account, Membership


def roles_url(community, account_id):
    return f"/api/v1/communities/{community['id']}/members/{account_id}/roles"


def set_roles(client, community, headers, account_id, granted):
    return client.put(roles_url(community, account_id), json={"roles": granted}, headers=headers)


def test_a_role_taken_away_in_this_process_stops_working_on_the_next_request(client, community, resident,
                                                                             demo_login):
    admin = demo_login(roles.COMMUNITY_ADMIN)
    assert set_roles(client, community, admin, resident["id"], ["resident", "community_admin"]).status_code == 200
    assert set_roles(client, community, resident["headers"], resident["id"],
                     ["resident", "community_admin"]).status_code == 200  # remembered as an admin now
    assert set_roles(client, community, admin, resident["id"], ["resident"]).status_code == 200
    assert set_roles(client, community, resident["headers"], resident["id"], ["resident"]).status_code == 403


def test_a_role_taken_away_by_another_process_stops_working_within_the_bound(client, community, resident,
                                                                             demo_login, monkeypatch):
    admin = demo_login(roles.COMMUNITY_ADMIN)
    assert set_roles(client, community, admin, resident["id"], ["resident", "community_admin"]).status_code == 200
    now = [1000.0]
    monkeypatch.setattr(recall, "clock", lambda: now[0])

    def probe():  # an admin-only call that changes nothing: a non-member's roles are a 404
        return set_roles(client, community, resident["headers"], "0" * 24, ["owner"]).status_code
    assert probe() == 404
    key = Membership.key(resident["id"], community["id"])
    Membership._get_collection().update_one({"_id": key}, {"$set": {"roles": ["resident"]}})  # another worker
    now[0] += BOUND_SECONDS - 1
    assert probe() == 404
    now[0] += 2
    assert probe() == 403


def test_a_remembered_document_is_a_fresh_copy_each_time(community, resident, client):
    memory = Recall()
    first = memory.get(Account, ObjectId(resident["id"]))
    first.display_name = "改过的名字"
    assert memory.get(Account, ObjectId(resident["id"])).display_name == "测试居民"


def test_nothing_stored_is_remembered_as_absent_only_within_the_bound(community, client):
    now = [0.0]
    memory = Recall(bound=5, clock=lambda: now[0])
    key = f"{ObjectId()}:{community['id']}"
    assert memory.get(Membership, key) is None
    Membership._get_collection().insert_one({"_id": key, "account_id": ObjectId(),
                                             "community_id": ObjectId(community["id"]), "roles": ["resident"]})
    try:
        assert memory.get(Membership, key) is None
        now[0] = 6
        assert memory.get(Membership, key).roles == ["resident"]
    finally:
        Membership._get_collection().delete_one({"_id": key})
