"""Kiosk devices: registered and revoked by the community admin; a device token opens only the kiosk's calls."""
from datetime import date, datetime, timedelta, timezone

import pytest

from gateway import runtime
from gateway.kiosk import board
from gateway.secret_keys import digest

PROBLEM = "application/problem+json"


def register_device(client, community, headers, name="37° 空间门口"):
    return client.post(f"/api/v1/communities/{community['id']}/kiosk-devices", json={"name": name}, headers=headers)


def device(token):
    return {"Authorization": f"Device {token}"}


def test_the_community_admin_registers_a_device_whose_token_is_shown_once_and_stored_hashed(
        app, client, community, demo_login):
    admin = demo_login("community_admin")
    made = register_device(client, community, admin)
    assert made.status_code == 201, made.get_json()
    token = made.get_json()["token"]
    assert token.startswith("kiosk_") and len(token) > 40
    listed = client.get(f"/api/v1/communities/{community['id']}/kiosk-devices", headers=admin).get_json()["items"]
    mine = [d for d in listed if d["id"] == made.get_json()["id"]]
    assert mine and "token" not in mine[0] and mine[0]["revoked_at"] is None
    with app.app_context():
        doc = runtime.current().db["kiosk_devices"].find_one({"device_id": mine[0]["id"]})
    assert doc["_id"] == digest(token) and token not in str(doc)


def test_only_the_community_admin_registers_lists_and_revokes_devices(client, community, demo_login):
    for role in ("resident", "social_worker", "pm_staff"):
        headers = demo_login(role)
        assert register_device(client, community, headers).status_code == 403
        assert client.get(f"/api/v1/communities/{community['id']}/kiosk-devices", headers=headers).status_code == 403


def test_a_device_name_is_required(client, community, demo_login):
    refused = client.post(f"/api/v1/communities/{community['id']}/kiosk-devices", json={},
                          headers=demo_login("community_admin"))
    assert refused.status_code == 422 and "name" in refused.get_json()["errors"]


def test_a_device_token_tells_the_kiosk_its_device_and_community(client, community, demo_login):
    token = register_device(client, community, demo_login("community_admin"), "大厅").get_json()["token"]
    answer = client.get("/api/v1/kiosk", headers=device(token))
    assert answer.status_code == 200, answer.get_json()
    assert answer.get_json()["community"]["id"] == community["id"] and answer.get_json()["device"]["name"] == "大厅"


def test_a_revoked_device_token_is_refused_with_a_401_problem(client, community, demo_login):
    admin = demo_login("community_admin")
    made = register_device(client, community, admin).get_json()
    gone = client.delete(f"/api/v1/communities/{community['id']}/kiosk-devices/{made['id']}", headers=admin)
    assert gone.status_code == 204
    refused = client.get("/api/v1/kiosk", headers=device(made["token"]))
    assert refused.status_code == 401 and refused.content_type.startswith(PROBLEM)
    assert "已停用" in refused.get_json()["detail"]
    told = client.get("/api/v1/kiosk", headers={**device(made["token"]), "Accept-Language": "en"})
    assert "revoked" in told.get_json()["detail"]
    assert client.post("/api/v1/kiosk/check-in", json={"code": "123456"},
                       headers=device(made["token"])).status_code == 401


def test_revoking_a_device_the_community_does_not_have_is_a_404(client, community, demo_login):
    missing = client.delete(f"/api/v1/communities/{community['id']}/kiosk-devices/000000000000",
                            headers=demo_login("community_admin"))
    assert missing.status_code == 404 and missing.content_type.startswith(PROBLEM)


def test_kiosk_calls_refuse_a_person_s_bearer_token_an_unknown_device_and_no_token(client, demo_login):
    for headers in (demo_login("community_admin"), device("kiosk_not-a-real-token"), {}):
        refused = client.get("/api/v1/kiosk", headers=headers)
        assert refused.status_code == 401 and refused.content_type.startswith(PROBLEM)


def test_a_device_token_opens_none_of_a_person_s_calls(client, community, demo_login):
    token = register_device(client, community, demo_login("community_admin")).get_json()["token"]
    for path in ("/api/v1/me", f"/api/v1/communities/{community['id']}/kiosk-devices",
                 f"/api/v1/communities/{community['id']}/bookings"):
        assert client.get(path, headers=device(token)).status_code == 401, path


@pytest.mark.parametrize("code", ["12ab", "１２３４５６", "١٢٣٤٥٦", "1234567"])
def test_a_check_in_code_must_be_six_ascii_digits(client, community, demo_login, code):
    token = register_device(client, community, demo_login("community_admin")).get_json()["token"]
    refused = client.post("/api/v1/kiosk/check-in", json={"code": code}, headers=device(token))
    assert refused.status_code == 422 and "code" in refused.get_json()["errors"]


def at(day, hour, minute=0):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=board.SHANGHAI).astimezone(timezone.utc)


def test_the_kiosk_shows_today_and_the_next_tuesday_after_it():
    monday, tuesday = date(2026, 11, 23), date(2026, 11, 24)
    assert board.shown_days(at(monday, 9)) == [monday, tuesday]
    assert board.shown_days(at(tuesday, 9)) == [tuesday, tuesday + timedelta(days=7)]


def test_free_turns_are_the_volunteers_turns_still_to_come_minus_the_booked_ones():
    tuesday = date(2026, 11, 24)
    windows = [(at(tuesday, 9), at(tuesday, 10, 30)), (at(tuesday, 9), at(tuesday, 10))]
    taken = [(at(tuesday, 9), at(tuesday, 9, 30)), (at(tuesday, 9, 30), at(tuesday, 10)),
             (at(tuesday, 9, 30), at(tuesday, 10))]
    free = board.free_turns(windows, taken, tuesday, at(tuesday, 8))
    assert [(t["starts_at"], t["free"]) for t in free] == [(at(tuesday, 9), 1), (at(tuesday, 10), 1)]
    assert board.free_turns(windows, [], tuesday, at(tuesday, 9, 45)) == [
        {"starts_at": at(tuesday, 10), "ends_at": at(tuesday, 10, 30), "free": 1}]


def test_the_kiosk_s_announcements_need_a_device_token(client, demo_login):
    refused = client.get("/api/v1/kiosk/announcements", headers=demo_login("resident"))
    assert refused.status_code == 401 and refused.content_type.startswith(PROBLEM)
