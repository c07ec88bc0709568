"""The audit log: every change a staff member makes, recorded after it is answered.

Who (account, roles), what (method, URL rule, path, status), when, from where (address,
request id), in which community. Entries are only ever inserted; the API reads them and
offers no way to change or delete one.
"""
import logging

from flask import g, request

from gateway import roles, runtime
from gateway.identity import memberships
from gateway.web import requestid
from services.common.envelope import utcnow

COLLECTION = "audit_log"
CHANGES = ("POST", "PUT", "PATCH", "DELETE")
log = logging.getLogger(__name__)


def _community_id():
    """The community a request is about: from the URL, else from the JSON body."""
    if request.view_args and request.view_args.get("community_id"):
        return str(request.view_args["community_id"])
    body = request.get_json(silent=True) if request.is_json else None
    return str(body["community_id"]) if isinstance(body, dict) and body.get("community_id") else None


def _staff_roles(account_id, community_id):
    membership = memberships.find(account_id, community_id) if community_id else None
    return sorted(set(membership.roles if membership else ()) & set(roles.STAFF))


def record(response):
    account = g.get("account")
    if request.method not in CHANGES or account is None:
        return response
    community_id = _community_id()
    staff = _staff_roles(account.id, community_id)
    if staff:
        try:
            runtime.current().db[COLLECTION].insert_one({
                "at": utcnow(), "account_id": str(account.id), "display_name": account.display_name,
                "roles": staff, "community_id": community_id, "method": request.method,
                "route": request.url_rule.rule if request.url_rule else None, "path": request.path,
                "status": response.status_code, "address": request.remote_addr,
                "request_id": requestid.current()})
        except Exception:  # the change is done; losing its audit line must at least be loud
            log.exception("audit entry not written", extra={"path": request.path})
    return response


def entries(community_id, limit, before=None):
    """A community's audit entries, newest first."""
    query = {"community_id": str(community_id)}
    if before is not None:
        query["at"] = {"$lt": before}
    return list(runtime.current().db[COLLECTION].find(query).sort("at", -1).limit(limit))


def init_app(app):
    app.after_request(record)
