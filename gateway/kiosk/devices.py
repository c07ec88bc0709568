"""Kiosk device tokens: registered per community by its admin, each granting only the kiosk's operations.

Stored like Open311 api_keys (gateway/secret_keys.py): only the token's SHA-256, as the
document's `_id`; the token itself is shown once. A kiosk sends `Authorization: Device <token>`.
"""
from flask import g, request

from gateway import runtime
from gateway.models.accounts import stored_now
from gateway.secret_keys import digest, new_secret, public_id
from gateway.web.problems import Problem

COLLECTION = "kiosk_devices"
SCHEME = "device"


def _devices():
    return runtime.current().db[COLLECTION]


def register(community_id, name, created_by):
    """A new device of the community; the only time its token is seen."""
    token = new_secret("kiosk_")
    doc = {"_id": digest(token), "device_id": public_id(token), "community_id": str(community_id),
           "name": name, "created_by": str(created_by), "created_at": stored_now(), "revoked_at": None}
    _devices().insert_one(doc)
    return {**public(doc), "token": token}


def public(doc):
    """A device's record without its hash."""
    return {"id": doc["device_id"], "name": doc["name"], "created_by": doc["created_by"],
            "created_at": doc["created_at"], "revoked_at": doc["revoked_at"]}


def listed(community_id):
    return [public(doc) for doc in _devices().find({"community_id": str(community_id)}).sort("created_at", -1)]


def revoke(community_id, device_id):
    """Revoke one device of the community; False if it has no such device."""
    result = _devices().update_one({"community_id": str(community_id), "device_id": device_id},
                                   {"$set": {"revoked_at": stored_now()}})
    return result.matched_count == 1


def _refused(detail):
    return Problem(401, detail, slug="device-token", headers={"WWW-Authenticate": 'Device realm="linli-kiosk"'})


def current():
    """The calling device `{id, name, community_id}` (cached for the request), else a 401 problem."""
    if "device" not in g:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != SCHEME or not token.strip():
            raise _refused("A kiosk sends its device token as `Authorization: Device <token>`.")
        doc = _devices().find_one({"_id": digest(token.strip())})
        if doc is None:
            raise _refused("This device token is not known; ask the community admin for a new one.")
        if doc["revoked_at"] is not None:
            raise _refused("This device token was revoked; ask the community admin for a new one.")
        g.device = {"id": doc["device_id"], "name": doc["name"], "community_id": doc["community_id"]}
    return g.device
