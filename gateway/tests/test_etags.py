"""ETag / If-Match on a member's roles: a stale If-Match is refused with 412 and changes nothing."""
from gateway.web import etags


def roles_url(community, resident):
    return f"/api/v1/communities/{community['id']}/members/{resident['id']}/roles"


def test_a_read_answers_an_etag_that_a_matching_update_accepts(client, community, resident, demo_login):
    admin = demo_login("community_admin")
    read = client.get(roles_url(community, resident), headers=admin)
    assert read.status_code == 200 and read.headers["ETag"].startswith('"')
    changed = client.put(roles_url(community, resident), json={"roles": ["resident", "volunteer"]},
                         headers={**admin, "If-Match": read.headers["ETag"]})
    assert changed.status_code == 200 and changed.headers["ETag"] != read.headers["ETag"]
    assert client.get(roles_url(community, resident), headers=admin).headers["ETag"] == changed.headers["ETag"]


def test_an_update_based_on_a_stale_version_gets_412_and_changes_nothing(client, community, resident, demo_login):
    admin = demo_login("community_admin")
    stale = client.get(roles_url(community, resident), headers=admin).headers["ETag"]
    assert client.put(roles_url(community, resident), json={"roles": ["resident", "owner"]},
                      headers={**admin, "If-Match": stale}).status_code == 200
    refused = client.put(roles_url(community, resident), json={"roles": ["resident", "grid_leader"]},
                         headers={**admin, "If-Match": stale, "Accept-Language": "en"})
    assert refused.status_code == 412 and refused.mimetype == "application/problem+json"
    assert "If-Match" in refused.get_json()["detail"]
    assert set(client.get(roles_url(community, resident), headers=admin).get_json()["roles"]) == {"resident", "owner"}


def test_if_match_is_optional_and_a_star_matches_any_version(client, community, resident, demo_login):
    admin = demo_login("community_admin")
    assert client.put(roles_url(community, resident), json={"roles": ["resident"]}, headers=admin).status_code == 200
    assert client.put(roles_url(community, resident), json={"roles": ["resident", "volunteer"]},
                      headers={**admin, "If-Match": "*"}).status_code == 200


def test_the_tag_is_the_same_for_the_same_representation_whatever_the_key_order():
    assert etags.tag({"a": 1, "b": [1, 2]}) == etags.tag({"b": [1, 2], "a": 1})
    assert etags.tag({"a": 1}) != etags.tag({"a": 2})
