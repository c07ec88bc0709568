"""How event handling grows with replicas: the notifications service with 1, 2 and 3 instances.

    .venv/bin/python -m bench.scale [--events 1500] [--replicas 1,2,3]

Each run gets a private vhost and database prefix on the running broker and store,
starts N instances of notifications (the busiest consumer: every event fans out to
several inbox items), feeds it social workers through real `membership_granted` events,
publishes the events as the issues service would (confirmed, persistent), and times
until every inbox item exists. Prints one JSON line per run; docs/scaling.md records them.
"""
import argparse
import json
import os
import platform as host
import tempfile
import time

import pika

from services.common import config
from services.common.envelope import make_event
from tests.e2e.platform import Broker, Platform, wait_for

STAFF = 5


def publish_all(uri, events):
    connection = pika.BlockingConnection(pika.URLParameters(uri))
    channel = connection.channel()
    channel.confirm_delivery()
    properties = pika.BasicProperties(content_type="application/json", delivery_mode=2)
    for event in events:
        source = event["source"].split("/", 1)[1]
        channel.basic_publish(f"{source}.events", event["type"], json.dumps(event), properties, mandatory=True)
    connection.close()


def members():
    return [make_event("gateway", "membership_granted", {"account_id": f"sw{n}", "community_id": "c1",
                                                         "roles": ["social_worker"]}) for n in range(STAFF)]


def reports(count):
    return [make_event("issues", "issue_reported", {
        "issue_id": f"i{n}", "community_id": "c1", "reporter_id": f"r{n}", "category": "noise",
        "title": "深夜装修", "building_id": "b1", "grid_id": "g1"}) for n in range(count)]


def run(replicas, count, workdir):
    broker = Broker(config.amqp_uri(), os.environ.get("LINLI_RABBIT_MANAGEMENT", "http://guest:guest@127.0.0.1:15672"))
    broker.create()
    platform = Platform(workdir, broker, config.mongodb_uri())
    try:
        platform.run("-m", "services.common.topology")
        for replica in range(1, replicas + 1):
            platform.start("notifications", replica=replica, LINLI_LOG_LEVEL="WARNING")
        publish_all(broker.uri, members())
        wait_for(lambda: platform.db("notifications").membership_versions.count_documents({}) == STAFF, 60, "staff")
        inbox = platform.db("notifications").inbox
        started = time.perf_counter()
        publish_all(broker.uri, reports(count))
        wait_for(lambda: inbox.count_documents({}) >= count * (STAFF + 1), 900, "every inbox item")
        seconds = time.perf_counter() - started
        return {"replicas": replicas, "events": count, "inbox_items": count * (STAFF + 1),
                "seconds": round(seconds, 2), "events_per_second": round(count / seconds, 1)}
    finally:
        platform.stop_all()
        platform.drop_databases()
        broker.delete()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1500)
    parser.add_argument("--replicas", default="1,2,3")
    args = parser.parse_args()
    print(json.dumps({"machine": f"{host.node()} {host.machine()} {os.cpu_count()} cores", "python": host.python_version()}))
    for replicas in (int(r) for r in args.replicas.split(",")):
        with tempfile.TemporaryDirectory() as workdir:
            print(json.dumps(run(replicas, args.events, workdir)), flush=True)


if __name__ == "__main__":
    main()
