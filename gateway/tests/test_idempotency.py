"""A POST retried with the same Idempotency-Key gets the first answer, never a second effect."""
import hashlib
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from gateway.models import Account
from gateway.web import idempotency
from gateway.web.idempotency import COLLECTION
from gateway.web.problems import Problem
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


def booking_body(community):
    return {"community_id": community["id"], "resource_id": "0" * 24, "starts_at": "2030-01-07T10:00:00+08:00",
            "ends_at": "2030-01-07T11:00:00+08:00", "title": "存疑"}


class FlakyBookings:
    """The bookings RPC: unavailable at first, then the booking; it records each call's submission key."""

    def __init__(self, failures):
        self.failures, self.keys = failures, []

    def __call__(self, service, method, payload):
        self.keys.append(payload["submission_key"])
        if len(self.keys) <= self.failures:
            raise Problem(503, "The {service} service is not available right now.", service=service)
        return {"id": "b" * 24, "account_id": payload["account_id"], "status": "confirmed", "title": payload["title"]}


def key_doc(app, resident, key):
    """The stored record of a resident's key, and the collection it is in."""
    keys = app.extensions["linli"].db[COLLECTION]
    return keys, keys.find_one({"_id": hashlib.sha256(f"{resident['id']}\0{key}".encode()).hexdigest()})


def age_key(app, resident, key):
    """Move a key's clock back past its lease, as if the lease had run out."""
    keys, doc = key_doc(app, resident, key)
    with app.app_context():
        keys.update_one({"_id": doc["_id"]}, {"$set": {"at": doc["at"] - idempotency.lease() - timedelta(seconds=1)}})


def test_a_retry_after_a_503_waits_out_the_lease_then_runs_once_more_with_the_same_submission_key(
        app, client, community, resident, monkeypatch):
    flaky = FlakyBookings(failures=1)
    monkeypatch.setattr(app.extensions["linli"].rpc, "call", flaky)
    send = {"json": booking_body(community), "headers": {**resident["headers"], "Idempotency-Key": "doubt-1"}}
    assert client.post("/api/v1/bookings", **send).status_code == 503
    in_doubt = client.post("/api/v1/bookings", **send)
    assert in_doubt.status_code == 409 and "not known yet" in in_doubt.get_json()["detail"]
    assert len(flaky.keys) == 1  # held: no second execution inside the lease
    age_key(app, resident, "doubt-1")
    assert client.post("/api/v1/bookings", **send).status_code == 201
    replayed = client.post("/api/v1/bookings", **send)
    assert replayed.status_code == 201 and replayed.headers["Idempotent-Replayed"] == "true"
    assert flaky.keys == ["doubt-1", "doubt-1"]  # the service saw one submission twice, never a new one


def test_a_key_left_pending_by_a_dead_gateway_is_taken_over_by_one_retry_only(
        app, client, community, resident, monkeypatch):
    flaky = FlakyBookings(failures=0)
    monkeypatch.setattr(app.extensions["linli"].rpc, "call", flaky)
    send = {"json": booking_body(community), "headers": {**resident["headers"], "Idempotency-Key": "orphan-1"}}
    assert client.post("/api/v1/bookings", **send).status_code == 201
    keys, doc = key_doc(app, resident, "orphan-1")  # as if the gateway had died before recording the answer:
    keys.update_one({"_id": doc["_id"]}, {"$set": {"state": "pending"}, "$unset": {"response": ""}})
    assert client.post("/api/v1/bookings", **send).status_code == 409  # pending, inside the lease
    age_key(app, resident, "orphan-1")

    def retry(_):
        return app.test_client().post("/api/v1/bookings", **send).status_code
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(retry, range(4)))
    assert answers.count(201) >= 1 and set(answers) <= {201, 409}
    assert len(flaky.keys) == 2  # the first run and exactly one take-over

