"""A POST retried with the same Idempotency-Key gets the first answer, never a second effect."""
from concurrent.futures import ThreadPoolExecutor

from gateway.models import Account
from gateway.tests.conftest import PASSWORD, fresh_phone


def body(community, phone):
    return {"display_name": "重试居民", "phone": phone, "password": PASSWORD, "community_id": community["id"]}


def test_a_retried_registration_answers_the_same_and_registers_once(client, community):
    phone = fresh_phone()
    first = client.post("/api/v1/auth/register", json=body(community, phone), headers={"Idempotency-Key": "reg-1-" + phone})
    again = client.post("/api/v1/auth/register", json=body(community, phone), headers={"Idempotency-Key": "reg-1-" + phone})
    assert first.status_code == again.status_code == 201
    assert again.get_json() == first.get_json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert Account.objects(phone=phone).count() == 1


def test_the_same_key_for_a_different_body_is_refused(client, community):
    key = {"Idempotency-Key": "reg-2-" + fresh_phone()}
    assert client.post("/api/v1/auth/register", json=body(community, fresh_phone()), headers=key).status_code == 201
    other = client.post("/api/v1/auth/register", json=body(community, fresh_phone()), headers=key)
    assert other.status_code == 422
    assert "Idempotency-Key" in other.get_json()["errors"]


def test_concurrent_retries_make_one_account(app, community):
    phone = fresh_phone()

    def attempt(_):
        return app.test_client().post("/api/v1/auth/register", json=body(community, phone),
                                      headers={"Idempotency-Key": "reg-3-" + phone}).status_code
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(attempt, range(8)))
    assert answers.count(201) >= 1 and set(answers) <= {201, 409}
    assert Account.objects(phone=phone).count() == 1


def test_a_key_is_the_callers_own(client, community, resident):
    key = {"Idempotency-Key": "shared-key-" + fresh_phone()}
    assert client.post("/api/v1/auth/register", json=body(community, fresh_phone()), headers=key).status_code == 201
    mine = client.post("/api/v1/auth/logout", json={}, headers={**key, **resident["headers"]})
    assert mine.status_code == 204  # the same key under another account is a new request


def test_an_overlong_key_is_refused(client, community):
    response = client.post("/api/v1/auth/register", json=body(community, fresh_phone()),
                           headers={"Idempotency-Key": "k" * 200})
    assert response.status_code == 422
