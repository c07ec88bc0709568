"""Volunteer endpoints refuse bad input and the wrong people before any service is called."""
from gateway import roles


def activity(**overrides):
    body = {"kind": "tuesday_services", "title": "相约星期二", "place": "37°便民空间", "template": {
        "kind": "weekly", "weekday": 2, "start": "09:00", "end": "11:30", "first_day": "2026-12-01", "weeks": 4,
        "needs": {"hairdressing": 1, "legal_advice": 1, "nursing": 1}}}
    body.update(overrides)
    return body


def test_only_staff_may_create_activities(client, community, resident):
    response = client.post(f"/api/v1/communities/{community['id']}/activities", json=activity(),
                           headers=resident["headers"])
    assert response.status_code == 403


def test_a_template_missing_what_its_kind_needs_is_a_422_naming_the_field(client, community, demo_login):
    bad = activity(template={"kind": "rota", "first_day": "2026-12-01", "start": "19:00", "end": "21:00"})
    response = client.post(f"/api/v1/communities/{community['id']}/activities", json=bad,
                           headers=demo_login(roles.SOCIAL_WORKER))
    assert response.status_code == 422
    assert set(response.get_json()["errors"]["template"]) == {"days", "people"}


def test_an_unknown_skill_or_a_bad_time_is_a_422(client, community, resident):
    response = client.post(f"/api/v1/communities/{community['id']}/volunteers", headers=resident["headers"],
                           json={"skills": ["juggling"], "availability": [{"weekday": 8, "start": "25:00",
                                                                           "end": "10:00"}]})
    assert response.status_code == 422
    assert {"skills", "availability"} <= set(response.get_json()["errors"])


def test_signing_up_needs_a_login(client):
    assert client.post("/api/v1/shifts/s1/signups", json={}).status_code == 401


def test_the_community_hours_are_for_staff(client, community, resident):
    response = client.get(f"/api/v1/communities/{community['id']}/hours", headers=resident["headers"])
    assert response.status_code == 403


def test_only_the_volunteer_may_change_their_profile(client, community, resident, demo_login):
    response = client.put(f"/api/v1/communities/{community['id']}/volunteers/{resident['id']}",
                          json={"skills": []}, headers=demo_login(roles.SOCIAL_WORKER))
    assert response.status_code == 403
