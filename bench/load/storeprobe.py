"""What a read costs on the configured store as its collection grows: `python -m bench.load.storeprobe`.

A fresh private database per size, dropped after; one call of each read.
"""
import os
import time
import uuid

import pymongo

from services.common import config

SIZES = (2_000, 20_000)


def reads(items, last):
    return {"find_one({_id})": lambda: items.find_one({"_id": last}),
            "filter on another field": lambda: list(items.find({"n": int(last[1:])})),
            "filter, no sort, limit 100": lambda: list(items.find({"community_id": "c1"}).limit(100)),
            "sort, limit 100": lambda: list(items.find({}).sort("n", -1).limit(100))}


def probe(client, size):
    db = client[f"bench_probe_{uuid.uuid4().hex[:6]}"]
    try:
        docs = [{"_id": f"e{n:06d}", "n": n, "community_id": "c1", "pad": "x" * 300} for n in range(size)]
        for start in range(0, size, 1000):
            db.items.insert_many(docs[start:start + 1000])
        for label, read in reads(db.items, docs[-10]["_id"]).items():
            started = time.perf_counter()
            read()
            print(f"{size} documents, {label}: {(time.perf_counter() - started) * 1000:.0f} ms; "
                  f"load {os.getloadavg()[0]:.1f}")
    finally:
        client.drop_database(db.name)


def main():
    client = pymongo.MongoClient(config.mongodb_uri())
    for size in SIZES:
        probe(client, size)


if __name__ == "__main__":
    main()
