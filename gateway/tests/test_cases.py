"""Case-handling endpoints at the edge: who may call them and what bad input gets, before any service is asked.

The calls that reach the issues service are tested end to end in tests/e2e/test_ebike_story.py.
"""
import pytest

from gateway import roles
from gateway.tests.broker import StandInService


def test_a_resident_may_not_list_the_communitys_cases_or_read_its_rates(client, community, resident):
    for url in (f"/api/v1/issues?community_id={community['id']}",
                f"/api/v1/communities/{community['id']}/case-rates",
                f"/api/v1/communities/{community['id']}/case-routing"):
        response = client.get(url, headers=resident["headers"])
        assert response.status_code == 403, url
        assert response.mimetype == "application/problem+json"


@pytest.mark.parametrize("role", [roles.RESIDENT, roles.SOCIAL_WORKER, roles.PM_STAFF])
def test_only_the_community_admin_sets_routing_and_time_limits(client, community, demo_login, role):
    url = f"/api/v1/communities/{community['id']}/case-routing"
    body = {"category": "parking", "grid_id": "*", "party": "oc", "handler_group": "oc-parking"}
    assert client.put(url, json=body, headers=demo_login(role)).status_code == 403
    limits = {"category": "parking", "respond_hours": 4, "resolve_working_days": 3}
    assert client.put(f"/api/v1/communities/{community['id']}/case-limits", json=limits,
                      headers=demo_login(role)).status_code == 403


@pytest.mark.parametrize("body,field", [
    ({"category": "aliens", "grid_id": "*", "party": "oc", "handler_group": "g"}, "category"),
    ({"category": "parking", "grid_id": "*", "party": "police", "handler_group": "g"}, "party"),
    ({"category": "parking", "grid_id": "*", "party": "oc"}, "handler_group"),
])
def test_a_bad_routing_rule_is_a_422_naming_the_field(client, community, demo_login, body, field):
    response = client.put(f"/api/v1/communities/{community['id']}/case-routing", json=body,
                          headers=demo_login(roles.COMMUNITY_ADMIN))
    assert response.status_code == 422 and field in response.get_json()["errors"]


def test_only_rc_staff_call_a_joint_meeting_and_it_needs_an_agenda(client, community, resident, demo_login):
    body = {"community_id": community["id"], "title": "联席会议", "starts_at": "2026-03-03T10:00:00+08:00",
            "issue_ids": ["66aa00000000000000000001"]}
    assert client.post("/api/v1/joint-meetings", json=body, headers=resident["headers"]).status_code == 403
    assert client.post("/api/v1/joint-meetings", json=body, headers=demo_login(roles.PM_STAFF)).status_code == 403
    response = client.post("/api/v1/joint-meetings", json={**body, "issue_ids": []},
                           headers=demo_login(roles.SOCIAL_WORKER))
    assert response.status_code == 422 and "issue_ids" in response.get_json()["errors"]


def test_a_rating_outside_one_to_five_is_refused_before_the_service_is_asked(client, resident):
    response = client.post("/api/v1/issues/66aa00000000000000000001/rating", json={"score": 6},
                           headers=resident["headers"])
    assert response.status_code == 422 and "score" in response.get_json()["errors"]


def test_the_town_view_is_for_the_towns_admins_only(client, community, resident):
    [summary] = client.get("/api/v1/communities").get_json()["items"]
    town_id = summary["town"]["id"]
    assert client.get(f"/api/v1/towns/{town_id}/case-rates", headers=resident["headers"]).status_code == 403
    assert client.get("/api/v1/towns/66aa000000000000000000ff/case-rates",
                      headers=resident["headers"]).status_code == 404


def test_rates_by_an_unknown_dimension_are_a_422(client, community, demo_login):
    response = client.get(f"/api/v1/communities/{community['id']}/case-rates?by=weather",
                          headers=demo_login(roles.SOCIAL_WORKER))
    assert response.status_code == 422 and "by" in response.get_json()["errors"]


def test_a_report_with_a_photo_of_another_type_is_a_422_before_the_service_is_asked(client, community, resident):
    body = {"community_id": community["id"], "category": "noise", "title": "夜间施工", "description": "很吵",
            "location": {"building_id": community["building"]["id"]},
            "photos": [{"content_type": "image/gif", "data": "R0lGODlh"}]}
    response = client.post("/api/v1/issues", json=body, headers=resident["headers"])
    assert response.status_code == 422 and "photos" in response.get_json()["errors"]


def test_my_cases_ask_the_issues_service_for_the_callers_own_page_and_link_the_next(client, resident, stack):
    asked = []

    def list_my_issues(query):
        asked.append(query)
        return {"items": [], "offset": 7}
    with StandInService(stack["amqp_uri"], "issues", {"list_my_issues": list_my_issues}):
        page = client.get("/api/v1/me/issues?status=submitted,accepted&limit=5&cursor=2", headers=resident["headers"])
    assert page.status_code == 200 and page.get_json() == {"items": [], "next": "7"}
    assert "cursor=7" in page.headers["Link"]
    assert asked == [{"account_id": resident["id"], "status": ["submitted", "accepted"], "limit": 5, "offset": 2}]


@pytest.mark.parametrize("query, field", [("status=lost", "status"), ("cursor=abc", "cursor"), ("limit=0", "limit")])
def test_a_bad_my_cases_query_is_a_422_naming_it(client, resident, query, field):
    refused = client.get(f"/api/v1/me/issues?{query}", headers={**resident["headers"], "Accept-Language": "en"})
    assert refused.status_code == 422 and field in refused.get_json()["errors"]


def test_my_cases_need_a_login(client):
    assert client.get("/api/v1/me/issues").status_code == 401
