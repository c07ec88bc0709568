"""Time the gateway's identification of a caller with and without `recall`: `python -m bench.load.identity`.

A private database and RabbitMQ vhost; the demo community seeded; one resident's token. Each
round is what a report's guard does: the session, the account and the home membership.
"""
import os
import statistics
import time
import uuid
from urllib.parse import urlsplit, urlunsplit

import pymongo

from gateway.tests import broker
from services.common import config

ROUNDS = 200


def timed(app, headers, community_id, bound):
    """Milliseconds per identification (p50, p95) with `recall` remembering for `bound` seconds."""
    from gateway.identity import guard
    from gateway.identity.recall import recall
    recall.bound, samples = bound, []
    for _ in range(ROUNDS):
        with app.test_request_context(method="POST", headers=headers):
            started = time.perf_counter()
            assert guard.has_role(community_id)
            samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return round(statistics.median(samples), 2), round(samples[int(len(samples) * 0.95)], 2)


def run(app):
    from gateway import demo, seed
    with app.app_context():
        state = app.extensions["linli"]
        community = seed.ensure_directory()
        for person in demo.ACCOUNTS:
            seed.ensure_account(state, community, person, "bench-identity")
    client = app.test_client()
    tokens = client.post("/api/v1/auth/login", json={"login": demo.login_name("resident"),
                                                     "password": demo.PASSWORD}).get_json()
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    for label, bound in (("store reads each time (before)", 0), ("recall, 5 s bound (after)", 5.0)):
        p50, p95 = timed(app, headers, str(community.id), bound)
        print(f"{label}: p50 {p50} ms, p95 {p95} ms; load {os.getloadavg()[0]:.1f}")


def main():
    amqp, vhost = config.amqp_uri(), f"linli-bench-id-{uuid.uuid4().hex[:8]}"
    prefix = f"bench_id{uuid.uuid4().hex[:6]}_"
    mongodb = urlunsplit(urlsplit(config.mongodb_uri())._replace(path="/"))
    os.environ.update({"MONGODB_URI": mongodb, "LINLI_DB_PREFIX": prefix, "LINLI_GATEWAY_BACKGROUND": "0",
                       "AMQP_URI": broker.create_vhost(amqp, vhost)})
    from gateway.app import create_app
    app = create_app({"TESTING": True})
    try:
        run(app)
    finally:
        app.extensions["linli"].close()
        pymongo.MongoClient(mongodb).drop_database(prefix + "gateway")
        broker.delete_vhost(amqp, vhost)


if __name__ == "__main__":
    main()
