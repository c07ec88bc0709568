"""Open311 API keys: issued per community by its admin, each reporting on behalf of a named member.

Only the key's SHA-256 is stored, as the document's `_id` (gateway/secret_keys.py); the key
itself is shown once.
"""
from gateway import runtime
from gateway.identity import memberships
from gateway.models.accounts import stored_now
from gateway.open311.formats import Open311Error
from gateway.secret_keys import digest, new_secret, public_id

COLLECTION = "open311_keys"


def _keys():
    return runtime.current().db[COLLECTION]


def issue(community_id, account_id, name, created_by):
    """A new key for the community, reporting as `account_id`; the only time the key is seen."""
    key = new_secret("o311_")
    doc = {"_id": digest(key), "key_id": public_id(key), "community_id": str(community_id),
           "account_id": str(account_id), "name": name, "created_by": str(created_by),
           "created_at": stored_now(), "revoked_at": None}
    _keys().insert_one(doc)
    return {**public(doc), "key": key}


def public(doc):
    """A key's record without its hash."""
    return {"id": doc["key_id"], "name": doc["name"], "account_id": doc["account_id"],
            "created_by": doc["created_by"], "created_at": doc["created_at"], "revoked_at": doc["revoked_at"]}


def listed(community_id):
    return [public(doc) for doc in _keys().find({"community_id": str(community_id)}).sort("created_at", -1)]


def revoke(community_id, key_id):
    """Revoke one key of the community; False if it has no such key."""
    result = _keys().update_one({"community_id": str(community_id), "key_id": key_id},
                                {"$set": {"revoked_at": stored_now()}})
    return result.matched_count == 1


def reporter(api_key, community_id=None):
    """`(account id, community id)` a valid, unrevoked key reports as (of `community_id` if named), else 403."""
    doc = _keys().find_one({"_id": digest(api_key)}) if api_key else None
    if doc is None or doc["revoked_at"] is not None or community_id not in (None, doc["community_id"]):
        raise Open311Error(403, "A valid api_key of this jurisdiction is required to submit requests.")
    if memberships.find(doc["account_id"], doc["community_id"]) is None:
        raise Open311Error(403, "The account this api_key reports as is no longer a member of the community.")
    return doc["account_id"], doc["community_id"]
