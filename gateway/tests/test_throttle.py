"""Guessing is slowed down: failed logins per account, attempts per address; answers are 429 problems."""
import pytest

from gateway.tests.conftest import PASSWORD, fresh_phone


@pytest.fixture
def strict_client(app, monkeypatch):
    """The session's app with tight limits, each test from an address of its own.

    Ask for other fixtures that register or log in (`resident`) before this one: the
    limits apply to every client of the app while it is in force.
    """
    settings = app.extensions["linli"].settings
    monkeypatch.setattr(app.extensions["linli"], "settings",
                        type(settings)(**{**vars(settings), "login_failures": "3/900", "address_attempts": "5/300"}))
    address = f"10.{fresh_phone()[-6:-4]}.{fresh_phone()[-4:-2]}.{fresh_phone()[-2:]}"
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def login(client, name, password):
    return client.post("/api/v1/auth/login", json={"login": name, "password": password})


def test_an_account_is_locked_for_a_while_after_three_wrong_passwords(resident, strict_client):
    for _ in range(3):
        assert login(strict_client, resident["phone"], "wrong-password-1").status_code == 401
    refused = login(strict_client, resident["phone"], PASSWORD)
    assert refused.status_code == 429
    assert refused.headers["Content-Type"].startswith("application/problem+json")
    assert refused.headers["Retry-After"] == "900"
    assert refused.get_json()["type"] == "urn:linli:problem:too-many-attempts"


def test_successful_logins_do_not_count_as_failures(resident, strict_client):
    for _ in range(4):
        assert login(strict_client, resident["phone"], PASSWORD).status_code == 200
    assert login(strict_client, resident["phone"], "wrong-password-1").status_code == 401


def test_one_address_may_try_only_so_often_whatever_the_account(strict_client):
    answers = [login(strict_client, fresh_phone(), "whatever-123").status_code for _ in range(6)]
    assert answers == [401] * 5 + [429]


def test_the_refusal_is_in_chinese_by_default_and_english_on_request(strict_client):
    for _ in range(5):
        login(strict_client, fresh_phone(), "whatever-123")
    zh = login(strict_client, fresh_phone(), "x").get_json()
    en = strict_client.post("/api/v1/auth/login", json={"login": fresh_phone(), "password": "x"},
                            headers={"Accept-Language": "en"}).get_json()
    assert zh["title"] == "请求过于频繁" and "稍后再试" in zh["detail"]
    assert en["detail"] == "Too many attempts from this address; try again later."
