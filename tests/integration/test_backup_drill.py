"""The backup-and-restore drill on the real local store: what comes back is what went out."""
import uuid
from datetime import datetime, timezone

import pytest
from bson import ObjectId
from pymongo import MongoClient
from pymongo.errors import DuplicateKeyError

from deploy.backup import dump
from services.common import config


@pytest.fixture
def client():
    client = MongoClient(config.mongodb_uri(), tz_aware=True)
    yield client
    client.close()


@pytest.fixture
def prefix(client):
    prefix = f"bk{uuid.uuid4().hex[:8]}_"
    yield prefix
    for name in client.list_database_names():
        if name.startswith(prefix):
            client.drop_database(name)


@pytest.fixture
def community_data(client, prefix):
    """A little of every kind of value the services store, and a unique index."""
    issues = client[prefix + "issues"]
    issues.issues.create_index([("submission_key", 1)], unique=True, name="submission_key_1")
    issues.issues.insert_many([
        {"_id": ObjectId(), "title": "楼道里停满电瓶车", "submission_key": f"k{n}", "status": "submitted",
         "created_at": datetime(2024, 11, 22, 7, n, tzinfo=timezone.utc), "location": {"building_id": "b3"},
         "timeline": [{"action": "reported", "at": datetime(2024, 11, 22, 7, n, tzinfo=timezone.utc)}],
         "area": 88.5, "outbox": []} for n in range(30)])
    client[prefix + "notifications"].inbox.insert_one({"_id": "e1:a1:inbox", "read_at": None, "title": "停水通知"})
    client[prefix + "bookings"].create_collection("claims")  # empty, but part of the state
    return issues


def test_a_dump_restored_over_a_wiped_store_gives_back_every_document_and_index(client, prefix, community_data, tmp_path):
    before = dump.fingerprint(client, prefix)
    counts = dump.dump(client, prefix, tmp_path)
    assert counts["issues.issues"] == 30 and counts["bookings.claims"] == 0
    for name in dump.DATABASES:
        client.drop_database(prefix + name)
    dump.restore(client, prefix, tmp_path)
    assert dump.fingerprint(client, prefix) == before
    restored = client[prefix + "issues"].issues.find_one({"submission_key": "k7"})
    assert restored["created_at"] == datetime(2024, 11, 22, 7, 7, tzinfo=timezone.utc)
    with pytest.raises(DuplicateKeyError):
        client[prefix + "issues"].issues.insert_one({"submission_key": "k7"})


def test_the_drill_reports_identical_copies_and_leaves_no_scratch_behind(client, prefix, community_data, tmp_path):
    report = dump.drill(client, prefix, tmp_path)
    assert report == {"collections": 3, "documents": 31, "identical": True, "differing": []}
    assert not [n for n in client.list_database_names() if n.startswith("drill")]


def test_the_fingerprint_notices_a_changed_document(client, prefix, community_data):
    before = dump.fingerprint(client, prefix)
    community_data.issues.update_one({"submission_key": "k1"}, {"$set": {"status": "accepted"}})
    assert dump.fingerprint(client, prefix)["issues.issues"] != before["issues.issues"]
