"""Registering, logging in, refreshing, logging out, and what a bad request leaves behind."""
import pytest

from gateway.identity.tokens import Tokens
from gateway.models import Account, LoginClaim
from gateway.web.problems import Problem
from gateway.tests.conftest import PASSWORD, fresh_phone

PROBLEM = "application/problem+json"


def test_a_new_resident_registers_with_a_home_and_logs_in_by_email(client, register, login, community):
    phone = fresh_phone()
    response = register(phone=phone, email="Neighbour.Li@Example.com", locale="en")
    assert response.status_code == 201
    assert response.headers["Location"] == "/api/v1/me"
    _, headers = login("neighbour.li@example.com")
    assert client.get("/api/v1/me", headers=headers).get_json()["account"]["locale"] == "en"
    body = response.get_json()
    assert body["account"]["phone"] == phone
    assert body["account"]["email"] == "neighbour.li@example.com"
    assert "password" not in body["account"] and "password_hash" not in body["account"]
    [membership] = body["memberships"]
    assert membership["roles"] == ["resident"]
    assert membership["unit_id"] == community["unit"]["id"]
    assert membership["building_id"] == community["building"]["id"]
    assert membership["grid_id"] == community["building"]["grid_id"]


def test_me_shows_the_account_and_memberships(client, resident):
    body = client.get("/api/v1/me", headers=resident["headers"]).get_json()
    assert body["account"]["id"] == resident["id"]
    assert [m["roles"] for m in body["memberships"]] == [["resident"]]


def test_login_accepts_the_phone_in_any_usual_spelling(register, login):
    phone = fresh_phone()
    register(phone=phone)
    tokens, _ = login(f"+86 {phone[:3]}-{phone[3:7]}-{phone[7:]}")
    assert tokens["token_type"] == "Bearer" and tokens["expires_in"] == 900


def test_a_wrong_password_is_refused_without_saying_which_half_was_wrong(client, resident):
    wrong = client.post("/api/v1/auth/login", json={"login": resident["phone"], "password": "not-it-at-all-9"})
    nobody = client.post("/api/v1/auth/login", json={"login": fresh_phone(), "password": PASSWORD})
    assert wrong.status_code == nobody.status_code == 401
    assert wrong.get_json()["detail"] == nobody.get_json()["detail"]
    assert wrong.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_refresh_token_gives_a_new_pair_once(client, resident):
    refresh = resident["tokens"]["refresh_token"]
    first = client.post("/api/v1/auth/refresh", json={"refresh_token": refresh})
    assert first.status_code == 200
    new_headers = {"Authorization": f"Bearer {first.get_json()['access_token']}"}
    assert client.get("/api/v1/me", headers=new_headers).status_code == 200
    replay = client.post("/api/v1/auth/refresh", json={"refresh_token": refresh})
    assert replay.status_code == 401
    assert replay.get_json()["type"] == "urn:linli:problem:token-reused"
    # a replayed refresh token means theft: the whole session is closed
    assert client.get("/api/v1/me", headers=new_headers).status_code == 401


def test_an_access_token_cannot_be_used_as_a_refresh_token(client, resident):
    response = client.post("/api/v1/auth/refresh", json={"refresh_token": resident["tokens"]["access_token"]})
    assert response.status_code == 401


def test_logout_revokes_the_session_and_its_tokens(client, resident):
    assert client.post("/api/v1/auth/logout", json={}, headers=resident["headers"]).status_code == 204
    assert client.get("/api/v1/me", headers=resident["headers"]).status_code == 401
    refresh = client.post("/api/v1/auth/refresh", json={"refresh_token": resident["tokens"]["refresh_token"]})
    assert refresh.status_code == 401
    assert refresh.get_json()["type"] == "urn:linli:problem:session-ended"


def test_logout_by_refresh_token_ends_only_that_session(client, resident, login):
    _, other_headers = login(resident["phone"])
    body = {"refresh_token": resident["tokens"]["refresh_token"]}
    assert client.post("/api/v1/auth/logout", json=body).status_code == 204
    assert client.get("/api/v1/me", headers=resident["headers"]).status_code == 401
    assert client.get("/api/v1/me", headers=other_headers).status_code == 200


def test_logout_everywhere_ends_every_session(client, resident, login):
    _, other_headers = login(resident["phone"])
    response = client.post("/api/v1/auth/logout", json={"everywhere": True}, headers=resident["headers"])
    assert response.status_code == 204
    assert client.get("/api/v1/me", headers=other_headers).status_code == 401


def test_an_expired_access_token_is_refused(app, client, resident):
    state = app.extensions["linli"]
    expired = Tokens(state.settings.jwt_secret, -5, 60).pair(resident["id"], "any")["access_token"]
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {expired}"})
    assert response.status_code == 401
    assert response.get_json()["type"] == "urn:linli:problem:token-expired"


def test_a_token_signed_with_another_secret_is_refused(client, resident):
    forged = Tokens("another-secret-of-enough-length-000", 60, 60).pair(resident["id"], "x")["access_token"]
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {forged}"}).status_code == 401


def test_me_without_a_token_is_a_401_problem(client):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.mimetype == PROBLEM


def test_weak_passwords_are_refused_with_the_reason(register):
    for weak in ("short1!", "onlyletterslong", "1234567890", "aaaaaaaaaa1"):
        response = register(password=weak)
        assert response.status_code == 422, weak
        assert "password" in response.get_json()["errors"]


def test_a_password_may_not_contain_the_phone_number(register):
    phone = fresh_phone()
    response = register(phone=phone, password=f"x{phone}")
    assert response.status_code == 422
    assert "password" in response.get_json()["errors"]


def test_a_taken_phone_or_email_is_a_409(register):
    phone = fresh_phone()
    assert register(phone=phone).status_code == 201
    again = register(phone=phone)
    assert again.status_code == 409
    assert again.mimetype == PROBLEM
    assert "phone" in again.get_json()["errors"]
    assert register(email="twice@example.com").status_code == 201
    assert register(email="TWICE@example.com").status_code == 409


def test_a_conflict_on_the_email_releases_the_phone_it_had_claimed(register):
    assert register(email="first-owner@example.com").status_code == 201
    phone = fresh_phone()
    assert register(phone=phone, email="first-owner@example.com").status_code == 409
    assert not LoginClaim.objects(id=f"phone:{phone}").count()
    assert register(phone=phone).status_code == 201


def test_a_bad_body_is_a_422_naming_each_field_and_stores_nothing(app, register):
    phone = fresh_phone()
    accounts_before = Account.objects.count()
    response = register(phone=phone, display_name="", locale="fr", unit_id="nope", colour="blue")
    assert response.status_code == 422
    assert response.mimetype == PROBLEM
    body = response.get_json()
    assert {"type", "title", "status", "detail", "errors"} <= set(body)
    assert set(body["errors"]) == {"display_name", "locale", "unit_id", "colour"}
    assert Account.objects.count() == accounts_before
    assert not LoginClaim.objects(id=f"phone:{phone}").count()


def test_an_unknown_community_or_unit_is_a_422_naming_it(register):
    response = register(community_id="0" * 24)
    assert response.status_code == 422 and "community_id" in response.get_json()["errors"]
    response = register(unit_id="0" * 24)
    assert response.status_code == 422 and "unit_id" in response.get_json()["errors"]


def test_registering_needs_a_phone_or_an_email(register):
    response = register(phone=None)
    assert response.status_code == 422
    assert "phone" in response.get_json()["errors"]


def test_a_staff_member_registers_without_a_home(register):
    response = register(unit_id=None)
    assert response.status_code == 201
    [membership] = response.get_json()["memberships"]
    assert membership["unit_id"] is None and membership["building_id"] is None


def test_operator_smuggling_is_refused_and_stores_nothing(client, community):
    phone = fresh_phone()
    body = {"display_name": "x", "phone": phone, "password": PASSWORD, "community_id": community["id"],
            "unit_id": {"$ne": None}}
    response = client.post("/api/v1/auth/register", json=body)
    assert response.status_code == 422
    assert list(response.get_json()["errors"]["unit_id"]) == ["$ne"]
    login = client.post("/api/v1/auth/login", json={"login": {"$gt": ""}, "password": {"$gt": ""}})
    assert login.status_code == 422
    dotted = client.post("/api/v1/auth/login", json={"login": "x", "password": "y", "a.b": 1})
    assert dotted.status_code == 422 and "a.b" in dotted.get_json()["errors"]
    assert not LoginClaim.objects(id=f"phone:{phone}").count()


def test_after_a_key_rotation_tokens_of_the_previous_key_still_work_and_unknown_keys_do_not():
    old, new = "old-secret-of-enough-length-0000000", "new-secret-of-enough-length-0000000"
    token = Tokens(old, 60, 60).pair("acc-1", "s1")["access_token"]
    rotated = Tokens(new, 60, 60, previous=(old,))
    assert rotated.read(token, "access")["sub"] == "acc-1"
    assert rotated.read(rotated.pair("acc-1", "s2")["access_token"], "access")["sid"] == "s2"
    with pytest.raises(Problem):
        Tokens(new, 60, 60).read(token, "access")
