"""`ETag` and `If-Match` on the updates that could collide.

A GET of such a resource answers an `ETag`: a hash of the JSON it returns. An update may
send that tag back as `If-Match`; if the resource has changed since (another person's
update came first), the answer is 412 problem+json and nothing changes. `If-Match` is
optional (no header: the update applies, as before) so existing clients keep working;
`*` matches any version. The gateway compares with the resource read just before it
calls the service: that read and the write are two steps, so two updates in the same
instant can still both pass; where a service arbitrates versions itself (case moves by
timeline step, topic answers and ballots by `replaces`), the later one still loses there.
"""
import hashlib
import json

from flask import request

from gateway.web.problems import Problem

IF_MATCH = {"name": "If-Match", "in": "header", "required": False, "schema": {"type": "string"},
            "description": "The ETag of the version this update is based on; 412 if it is no longer current"}
HEADERS = {"ETag": {"description": "The version of the returned resource, for If-Match",
                    "schema": {"type": "string"}}}  # for @blp.response(..., headers=HEADERS)


def tag(data, schema=None):
    """The strong ETag (quoted) of `data` as the API shows it (dumped through `schema` if given)."""
    shown = schema.dump(data) if schema is not None else data
    text = json.dumps(shown, sort_keys=True, ensure_ascii=False, default=str)
    return '"' + hashlib.sha256(text.encode()).hexdigest()[:32] + '"'


def tagged(data, schema=None, status=200):
    """A view's answer with its ETag header."""
    return data, status, {"ETag": tag(data, schema)}


def check(current, schema=None):
    """412 unless the request's `If-Match` (if any) names the current version; `current()` reads it."""
    wanted = request.if_match
    if not wanted or wanted.star_tag:
        return
    if not wanted.contains(tag(current(), schema).strip('"')):
        raise Problem(412, "This was changed since you read it (If-Match no longer matches its ETag); "
                           "read it again and retry.")


def documented(blp):
    """Decorator documenting an update's optional `If-Match` and its 412."""
    def decorate(view):
        view = blp.alt_response(412, response="PRECONDITION_FAILED")(view)
        return blp.doc(parameters=[IF_MATCH])(view)
    return decorate
