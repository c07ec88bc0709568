"""Votes, surveys and topics at the gateway's edge: what it refuses before any service is asked.

The calls that reach the issues service are tested end to end (tests/e2e/test_parking_story.py).
"""
import pytest

PROBLEM = "application/problem+json"


def vote_body(**overrides):
    return {"question": "停车改革", "matter": "change_common_parts_use", "opens_at": "2026-12-01T09:00:00+08:00",
            "closes_at": "2026-12-08T18:00:00+08:00", **overrides}


@pytest.mark.parametrize("path", ["votes", "surveys", "topics"])
def test_creating_needs_a_login(client, community, path):
    response = client.post(f"/api/v1/communities/{community['id']}/{path}", json={})
    assert response.status_code == 401 and response.mimetype == PROBLEM


@pytest.mark.parametrize("path,body", [
    ("votes", vote_body()),
    ("surveys", {"title": "停车需求", "questions": [{"key": "cars", "kind": "number", "prompt": "几辆车"}]}),
    ("topics", {"title": "电瓶车停放"}),
])
def test_a_resident_may_not_put_votes_surveys_or_topics(client, community, resident, path, body):
    response = client.post(f"/api/v1/communities/{community['id']}/{path}", json=body, headers=resident["headers"])
    assert response.status_code == 403 and response.mimetype == PROBLEM


def test_property_management_does_not_run_an_owners_vote(client, community, demo_login):
    response = client.post(f"/api/v1/communities/{community['id']}/votes", json=vote_body(),
                           headers=demo_login("pm_staff"))
    assert response.status_code == 403


@pytest.mark.parametrize("field,value", [("matter", "coup"), ("opens_at", "next tuesday"),
                                         ("closes_at", "2026-12-08T18:00:00"), ("building_ids", ["nope"])])
def test_a_bad_vote_is_a_422_naming_the_field(client, community, demo_login, field, value):
    response = client.post(f"/api/v1/communities/{community['id']}/votes", json=vote_body(**{field: value}),
                           headers=demo_login("oc_member"))
    assert response.status_code == 422 and field in response.get_json()["errors"]


def test_a_vote_on_a_building_of_another_community_is_a_422(client, community, demo_login):
    response = client.post(f"/api/v1/communities/{community['id']}/votes",
                           json=vote_body(building_ids=["0" * 24]), headers=demo_login("oc_member"))
    assert response.status_code == 422 and "building_ids" in response.get_json()["errors"]


def test_a_survey_aimed_at_a_grid_outside_the_community_is_a_422(client, community, demo_login):
    response = client.post(f"/api/v1/communities/{community['id']}/surveys", headers=demo_login("social_worker"),
                           json={"title": "停车需求", "questions": [{"key": "cars", "kind": "number", "prompt": "几辆车"}],
                                 "target": {"scope": "grids", "grid_ids": ["0" * 24]}})
    assert response.status_code == 422 and "target" in response.get_json()["errors"]


def test_a_ballot_with_an_unknown_choice_is_a_422(client, resident):
    response = client.post(f"/api/v1/votes/{'0' * 24}/ballots", json={"choice": "maybe"}, headers=resident["headers"])
    assert response.status_code == 422 and "choice" in response.get_json()["errors"]


def test_only_staff_see_the_clusters_of_reports(client, community, resident):
    response = client.get(f"/api/v1/communities/{community['id']}/report-clusters", headers=resident["headers"])
    assert response.status_code == 403 and response.mimetype == PROBLEM


@pytest.mark.parametrize("path", ["votes", "surveys", "topics"])
def test_listing_needs_a_login(client, community, path):
    assert client.get(f"/api/v1/communities/{community['id']}/{path}").status_code == 401
