"""Back up and restore Linli's databases on any MongoDB-wire store, FerretDB included.

    python -m deploy.backup.dump dump DIR [--prefix P]      every service's database into DIR
    python -m deploy.backup.dump restore DIR [--prefix P]   DIR back into the store (replacing)
    python -m deploy.backup.dump drill [--prefix P]         dump, restore into a scratch copy, compare

With MongoDB (compose, Kubernetes) use mongodump/mongorestore, see deploy/README.md. The
local store has no such tools, so this writes the same content with pymongo: one file of
BSON documents per collection and the collection's index definitions.
"""
import argparse
import hashlib
import json
import sys
import uuid
from pathlib import Path

import bson
from pymongo import MongoClient

from services.common import config

DATABASES = ("gateway", "issues", "bookings", "volunteers", "notifications")


def dump(client, prefix, target):
    """Write every collection of every Linli database under `target`; returns document counts."""
    counts = {}
    for name in DATABASES:
        db = client[prefix + name]
        for collection in db.list_collection_names():
            folder = Path(target) / name
            folder.mkdir(parents=True, exist_ok=True)
            docs = db[collection].find().sort("_id", 1)
            with open(folder / f"{collection}.bson", "wb") as out:
                counts[f"{name}.{collection}"] = sum(out.write(bson.encode(doc)) > 0 for doc in docs)
            indexes = [spec for spec in db[collection].list_indexes() if spec["name"] != "_id_"]
            (folder / f"{collection}.indexes.json").write_text(bson.json_util.dumps(indexes))
    return counts


def restore(client, prefix, source):
    """Replace each dumped database's collections with the dump's content and indexes."""
    for folder in sorted(p for p in Path(source).iterdir() if p.is_dir()):
        db = client[prefix + folder.name]
        for path in sorted(folder.glob("*.bson")):
            collection = db[path.stem]
            collection.drop()
            docs = bson.decode_all(path.read_bytes())
            if docs:
                collection.insert_many(docs, ordered=True)
            else:
                db.create_collection(path.stem)  # an empty collection is still part of the state
            for spec in bson.json_util.loads((folder / f"{path.stem}.indexes.json").read_text()):
                keys = list(spec.pop("key").items())
                spec.pop("v", None), spec.pop("ns", None)
                collection.create_index(keys, **spec)


def fingerprint(client, prefix):
    """A digest of every document and index of every Linli database, in a stable order."""
    digest = {}
    for name in DATABASES:
        db = client[prefix + name]
        for collection in sorted(db.list_collection_names()):
            h = hashlib.sha256()
            for doc in db[collection].find().sort("_id", 1):
                h.update(bson.encode(doc))
            indexes = sorted((s["name"], json.dumps(list(s["key"].items())), bool(s.get("unique")))
                             for s in db[collection].list_indexes())
            h.update(json.dumps(indexes).encode())
            digest[f"{name}.{collection}"] = h.hexdigest()
    return digest


def drill(client, prefix, workdir):
    """Dump `prefix`'s databases, restore them under a scratch prefix, and compare; returns the report."""
    scratch = f"drill{uuid.uuid4().hex[:8]}_"
    try:
        counts = dump(client, prefix, workdir)
        restore(client, scratch, workdir)
        before, after = fingerprint(client, prefix), fingerprint(client, scratch)
        return {"collections": len(counts), "documents": sum(counts.values()),
                "identical": before == after, "differing": sorted(k for k in before if before[k] != after.get(k))}
    finally:
        for name in DATABASES:
            client.drop_database(scratch + name)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("dump", "restore", "drill"))
    parser.add_argument("directory", nargs="?")
    parser.add_argument("--prefix", default=config.env("LINLI_DB_PREFIX", ""))
    args = parser.parse_args(argv)
    client = MongoClient(config.mongodb_uri())
    if args.action == "drill":
        import tempfile
        with tempfile.TemporaryDirectory() as workdir:
            report = drill(client, args.prefix, workdir)
        print(json.dumps(report, ensure_ascii=False))
        return 0 if report["identical"] else 1
    if not args.directory:
        parser.error(f"{args.action} needs a DIRECTORY")
    if args.action == "dump":
        counts = dump(client, args.prefix, args.directory)
        print(f"dumped {sum(counts.values())} documents from {len(counts)} collections to {args.directory}")
    else:
        restore(client, args.prefix, args.directory)
        print(f"restored {args.directory}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
