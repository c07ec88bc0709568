"""`Idempotency-Key` on POST: a retried request gets the first answer instead of a second effect.

The first request with a key claims it by inserting a document under a unique `_id`
(account + key): an atomic arbiter on every MongoDB-wire store. Its answer is stored when
it completes; a repeat gets that answer again (`Idempotent-Replayed: true`), a repeat
while the first is still running gets 409, and the same key with a different body 422.

A server error (a 503 or 504 above all) does not release the key: the service may still
carry the request out. The key is held in `doubt`, and a repeat gets 409 "outcome not
known yet" until the lease (twice the RPC timeout) runs out; so does a key left `pending`
by a gateway that died mid-request. After the lease, one repeat takes the key over (by a
unique insert) and runs the request again: the services that create things claim the same
key as their `submission_key`, so a request that did land answers with its first result
instead of a second effect. Keys are kept for a day.
"""
import hashlib
from datetime import timedelta

from flask import Response, g, request
from pymongo.errors import DuplicateKeyError

from gateway import runtime
from gateway.identity.tokens import ACCESS
from gateway.web.problems import Problem, invalid
from services.common.envelope import utcnow

HEADER = "Idempotency-Key"
COLLECTION = "idempotency_keys"
KEPT = timedelta(days=1)
IN_PROGRESS = "A request with this Idempotency-Key is still in progress; retry shortly."
IN_DOUBT = ("The outcome of the first request with this Idempotency-Key is not known yet "
            "(it may still be carried out); retry shortly.")


def _caller():
    """The account id of a valid bearer token, else the anonymous caller."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return "anonymous"
    try:
        return runtime.current().tokens.read(token.strip(), ACCESS)["sub"]
    except Problem:
        return None  # the view will refuse the token itself


def _claim():
    key = request.headers.get(HEADER)
    if request.method != "POST" or key is None:
        return None
    if not 1 <= len(key) <= 128:
        raise invalid({HEADER: ["Must be 1 to 128 characters."]})
    if (caller := _caller()) is None:
        return None
    doc_id = hashlib.sha256(f"{caller}\0{key}".encode()).hexdigest()
    fingerprint = hashlib.sha256(request.path.encode() + b"\0" + request.get_data()).hexdigest()
    keys = runtime.current().db[COLLECTION]
    try:
        keys.insert_one({"_id": doc_id, "fingerprint": fingerprint, "state": "pending", "at": utcnow()})
        g.idempotency_id = doc_id
        return None
    except DuplicateKeyError:
        return _earlier(keys.find_one({"_id": doc_id}), fingerprint)


def _earlier(doc, fingerprint):
    if doc is not None and utcnow() - doc["at"] > KEPT:  # forgotten: free the key for a new request
        runtime.current().db[COLLECTION].delete_one({"_id": doc["_id"]})
        doc = None
    if doc is None:
        raise Problem(409, IN_PROGRESS)
    if doc["fingerprint"] != fingerprint:
        raise invalid({HEADER: ["This key was already used for a different request."]})
    if doc["state"] == "done":
        answer = doc["response"]
        return Response(answer["body"], status=answer["status"],
                        headers={**answer["headers"], "Idempotent-Replayed": "true"})
    if utcnow() - doc["at"] > lease() and _take_over(doc):
        return None
    raise Problem(409, IN_DOUBT if doc["state"] == "doubt" else IN_PROGRESS)


def lease():
    """How long a pending or in-doubt key is held before a repeat may run the request again."""
    return timedelta(seconds=2 * runtime.current().settings.rpc_timeout)


def _take_over(doc):
    """Win the right to run an expired key's request again: one unique insert per lease, one winner."""
    keys = runtime.current().db[COLLECTION]
    try:
        keys.insert_one({"_id": f"{doc['_id']}:{doc['at'].isoformat()}", "state": "taken over", "at": utcnow()})
    except DuplicateKeyError:
        return False
    keys.update_one({"_id": doc["_id"]}, {"$set": {"state": "pending", "at": utcnow()}})
    g.idempotency_id = doc["_id"]
    return True


def _store(response):
    doc_id = g.pop("idempotency_id", None)
    if doc_id is None:
        return response
    keys = runtime.current().db[COLLECTION]
    if response.status_code >= 500:  # the outcome is unknown: hold the key until its lease runs out
        keys.update_one({"_id": doc_id}, {"$set": {"state": "doubt", "at": utcnow()}})
        return response
    kept = {k: v for k, v in response.headers.items() if k in ("Content-Type", "Location", "Content-Language")}
    keys.update_one({"_id": doc_id}, {"$set": {"state": "done", "response": {
        "status": response.status_code, "headers": kept, "body": response.get_data(as_text=True)}}})
    if hashlib.sha256(doc_id.encode()).digest()[0] == 0:  # now and then, forget old keys
        keys.delete_many({"at": {"$lt": utcnow() - KEPT}})
    return response


def init_app(app):
    app.before_request(_claim)
    app.after_request(_store)
