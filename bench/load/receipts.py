"""Read receipts of 50 deliveries against a 30,000-item inbox: `$in` vs `_id` reads.

`python -m bench.load.receipts`: a private database on the configured store, dropped after.
"""
import os
import time
import uuid
from datetime import datetime, timezone

import pymongo

from services.common import config

ITEMS, ASKED, ROUNDS = 30_000, 50, 3


def fill(inbox):
    now = datetime.now(timezone.utc)
    docs = [{"_id": f"e{n}:a{n % 2000}:app", "account_id": f"a{n % 2000}", "kind": "notice", "title": "停水",
             "event_id": f"e{n}", "created_at": now, "read_at": now if n % 3 else None} for n in range(ITEMS)]
    for start in range(0, ITEMS, 1000):
        inbox.insert_many(docs[start:start + 1000])
    return [d["_id"] for d in docs[-ASKED:]]


def timed(read):
    best = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        answer = read()
        best.append((time.perf_counter() - started) * 1000)
    return answer, round(min(best)), round(max(best))


def main():
    client = pymongo.MongoClient(config.mongodb_uri())
    name = f"bench_receipts_{uuid.uuid4().hex[:6]}"
    try:
        inbox = client[name].inbox
        ids = fill(inbox)
        by_in, *before = timed(lambda: {d["_id"]: d.get("read_at") for d in inbox.find(
            {"_id": {"$in": ids}}, {"read_at": 1})})
        by_id, *after = timed(lambda: {d["_id"]: d.get("read_at") for d in (
            inbox.find_one({"_id": i}, {"read_at": 1}) for i in ids) if d})
        assert by_in == by_id
        load = os.getloadavg()[0]
        print(f"{ASKED} receipts of {ITEMS} items: $in {before[0]}-{before[1]} ms, "
              f"_id reads {after[0]}-{after[1]} ms (min-max of {ROUNDS}); load {load:.1f}")
    finally:
        client.drop_database(name)


if __name__ == "__main__":
    main()
