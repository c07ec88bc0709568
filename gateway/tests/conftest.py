"""Gateway tests. What is real, and what is not.

Real: the MongoDB-wire store at MONGODB_URI (FerretDB locally), in the database
`test_gw<random>_gateway` (its own prefix, so parallel runs never share it), dropped afterwards;
RabbitMQ at AMQP_URI, in a throwaway virtual host made through the management API
(LINLI_RABBIT_MANAGEMENT, default port 15672 of the AMQP host) so that test events never
reach the services' queues (deleted afterwards); the pika publisher, the outbox, argon2,
JWT, nameko's standalone RPC proxy, gunicorn.

Not started: the nameko services (the end-to-end tests in tests/ make the real calls). RPC
tests see an absent service, a queue nobody answers, or `StandInService`, a stand-in
that answers on the real broker in nameko's wire format with the services' error classes.

No eventlet monkey patching here: run these apart from the services' tests, `pytest gateway`.
"""
import os
import secrets
import uuid
from urllib.parse import urlsplit, urlunsplit

import pymongo
import pytest
import requests

from gateway.tests import broker
from services.common import config

PASSWORD = "quiet-courtyard-42"
PREFIX = f"test_gw{uuid.uuid4().hex[:8]}_"
DATABASE = PREFIX + "gateway"


def _assert_not_monkey_patched():
    import eventlet.patcher
    assert not eventlet.patcher.is_monkey_patched("socket"), "run the gateway tests apart: pytest gateway"


@pytest.fixture(scope="session")
def stack():
    """The test environment: its own database prefix and its own RabbitMQ virtual host."""
    _assert_not_monkey_patched()
    saved = dict(os.environ)
    amqp = config.amqp_uri()
    management = os.environ.get("LINLI_RABBIT_MANAGEMENT")
    vhost = f"linli-test-gw-{uuid.uuid4().hex[:8]}"
    try:
        private_amqp = broker.create_vhost(amqp, vhost, management)
    except requests.RequestException as exc:
        pytest.exit(f"the gateway tests need RabbitMQ's management API (LINLI_RABBIT_MANAGEMENT) "
                     f"to make a private vhost: {exc}", returncode=1)
    mongodb = urlunsplit(urlsplit(config.mongodb_uri())._replace(path="/"))  # no database: use the prefix
    os.environ.update({"MONGODB_URI": mongodb, "LINLI_DB_PREFIX": PREFIX, "AMQP_URI": private_amqp,
                       "LINLI_GATEWAY_BACKGROUND": "0", "LINLI_RPC_TIMEOUT": "2",
                       "LINLI_ADDRESS_ATTEMPTS": "100000/300",  # every test client is 127.0.0.1
                       "LINLI_JWT_SECRET": "test-secret-" + uuid.uuid4().hex})
    mongo = pymongo.MongoClient(mongodb)
    mongo.drop_database(DATABASE)
    yield {"amqp_uri": private_amqp}
    mongo.drop_database(DATABASE)
    os.environ.clear()
    os.environ.update(saved)
    broker.delete_vhost(amqp, vhost, management)


@pytest.fixture(scope="session")
def app(stack):
    """One gateway app for the session, with the demo community seeded through registration."""
    from gateway import seed
    from gateway.app import create_app

    app = create_app({"TESTING": True})
    with app.app_context():
        state = app.extensions["linli"]
        community = seed.ensure_directory()
        for person in seed.demo.ACCOUNTS:
            seed.ensure_account(state, community, person, "test-seed")
    yield app
    app.extensions["linli"].close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def events(stack, app):
    tap = broker.EventTap(stack["amqp_uri"])
    yield tap
    tap.close()


@pytest.fixture(scope="session")
def community(app):
    """The seeded community: its id, a home unit, a building, and a unit of another building."""
    [summary] = app.test_client().get("/api/v1/communities").get_json()["items"]
    detail = app.test_client().get(f"/api/v1/communities/{summary['id']}").get_json()
    by_number = {b["number"]: b for b in detail["buildings"]}

    def first_unit(number):
        return next(u for u in detail["units"] if u["building_id"] == by_number[number]["id"])
    return {"id": detail["id"], "detail": detail, "building": by_number[3], "unit": first_unit(3),
            "other_building": by_number[4], "other_unit": first_unit(4)}


def fresh_phone():
    return f"139{secrets.randbelow(10 ** 8):08d}"


@pytest.fixture
def register(client, community):
    """Register through the API; keyword arguments replace fields of a valid body (None drops one)."""
    def register(**overrides):
        body = {"display_name": "测试居民", "phone": fresh_phone(), "password": PASSWORD,
                "community_id": community["id"], "unit_id": community["unit"]["id"], **overrides}
        return client.post("/api/v1/auth/register", json={k: v for k, v in body.items() if v is not None})
    return register


@pytest.fixture
def login(client):
    """Log in; returns the token pair, and the access token as request headers."""
    def login(name, password=PASSWORD):
        response = client.post("/api/v1/auth/login", json={"login": name, "password": password})
        assert response.status_code == 200, response.get_json()
        tokens = response.get_json()
        return tokens, {"Authorization": f"Bearer {tokens['access_token']}"}
    return login


@pytest.fixture
def resident(register, login):
    """A freshly registered resident, logged in."""
    phone = fresh_phone()
    response = register(phone=phone)
    assert response.status_code == 201, response.get_json()
    tokens, headers = login(phone)
    return {"id": response.get_json()["account"]["id"], "phone": phone, "tokens": tokens, "headers": headers}


@pytest.fixture
def demo_login(login):
    """Log in as the demo account of a role."""
    from gateway import demo

    def demo_login(role):
        return login(demo.login_name(role), demo.PASSWORD)[1]
    return demo_login
