"""Residents' reports, handed to the issues service."""
import base64
import uuid

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from gateway import directory, roles, runtime
from gateway.api import PREFIX, protected, remote
from gateway.identity import guard
from gateway.schemas.cases import (ACTIONS, ActionItemListSchema, CaseListSchema, CaseQuerySchema, CaseSchema,
                                   ClassificationInSchema, DuplicateListSchema, DuplicateQuerySchema, MoveInSchema,
                                   RatingInSchema)
from gateway.schemas.issues import IdempotencySchema, IssueInSchema, IssueSchema
from gateway.web import etags, lists
from gateway.web.problems import Problem, invalid

blp = Blueprint("issues", __name__, url_prefix=f"{PREFIX}/issues", description="Residents' reports")
CASE_STAFF = (roles.SOCIAL_WORKER, roles.COMMUNITY_ADMIN, roles.PM_STAFF, roles.OC_MEMBER)
RC_STAFF = (roles.SOCIAL_WORKER, roles.COMMUNITY_ADMIN)
# action -> (RPC method, the fields of the body it takes, who may do it)
MOVES = {
    "accept": ("accept_issue", (), RC_STAFF), "reject": ("reject_issue", (), RC_STAFF),
    "assign": ("assign_issue", ("party", "handler_group"), RC_STAFF), "merge": ("merge_issue", ("into_id",), RC_STAFF),
    "start": ("start_issue", (), CASE_STAFF), "resolve": ("resolve_issue", (), CASE_STAFF),
    "close": ("close_issue", (), RC_STAFF), "reopen": ("reopen_issue", (), RC_STAFF),
}


def rpc(method, *args):
    return runtime.current().rpc.call("issues", method, *args)


def case_of(issue_id, *role_names):
    """The case, once the caller holds one of `role_names` in its community."""
    issue = rpc("get_issue", issue_id)
    guard.require_role(issue["community_id"], *role_names)
    return issue


def _text(value):
    return None if value is None else str(value)


def report_payload(data, reporter_id, idempotency_key=None):
    """The issues service's `report_issue` input, its place checked against the directory.

    The `submission_key` makes the call safe to repeat: the broker redelivers an RPC
    request whose service died mid-call, and a client may retry after a 504 with the same
    `Idempotency-Key`; either way the service returns the first report instead of a second.
    """
    where = data["location"]
    place = directory.locate(data["community_id"], where["building_id"], where["unit_id"],
                             field_prefix=("location",))
    return {"community_id": str(data["community_id"]), "reporter_id": str(reporter_id),
            "category": data["category"], "title": data["title"], "description": data["description"],
            "location": {key: _text(value) for key, value in place.items()},
            "submission_key": f"{reporter_id}:{idempotency_key or uuid.uuid4().hex}",
            **({"photos": data["photos"]} if data.get("photos") else {})}


@blp.route("")
class Issues(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(CaseQuerySchema, location="query")
    @blp.response(200, CaseListSchema)
    def get(self, query):
        """A community's cases, newest first, by status, category, party, micro-grid and overdue (staff)"""
        guard.require_role(query["community_id"], *CASE_STAFF, roles.TOWN_ADMIN)
        before = lists.read_time(query["cursor"]) if query["cursor"] else query["before"]
        asked = {k: v for k, v in query.items() if k not in ("cursor", "sort")}
        items = rpc("list_issues", {**asked, "community_id": str(query["community_id"]),
                                    "grid_id": _text(query["grid_id"]), "before": before.isoformat() if before else None})
        more = len(items) == query["limit"]
        return lists.linked({"items": items, "next": lists.time_cursor(items[-1]["created_at"]) if more else None})

    @protected(blp)
    @remote(blp)
    @blp.arguments(IssueInSchema)
    @blp.arguments(IdempotencySchema, location="headers")
    @blp.response(201, IssueSchema)
    def post(self, data, headers):
        """Report a problem in my community"""
        guard.require_role(data["community_id"])
        payload = report_payload(data, guard.authenticate().id, headers.get("idempotency_key"))
        issue = runtime.current().rpc.call("issues", "report_issue", payload)
        return issue, 201, {"Location": f"{PREFIX}/issues/{issue['id']}"}


@blp.route("/<issue_id>")
class Issue(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, CaseSchema, headers=etags.HEADERS)
    def get(self, issue_id):
        """One report, with its ETag: for its reporters and the staff of its community"""
        issue = rpc("get_issue", issue_id)
        me = str(guard.authenticate().id)
        mine = me == issue.get("reporter_id") or me in issue.get("follower_ids", ())
        if not mine and not guard.has_role(issue.get("community_id"), *roles.STAFF):
            raise Problem(403, "Only the reporter and the community's staff may see this report.")
        return etags.tagged(issue, CaseSchema())


@blp.route("/duplicates")
class Duplicates(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(DuplicateQuerySchema, location="query")
    @blp.response(200, DuplicateListSchema)
    def get(self, query):
        """Open cases of the same category near a building: join one ("me too") instead of reporting again"""
        guard.require_role(query["community_id"])
        place = directory.locate(query["community_id"], query["building_id"], field_prefix=())
        return {"items": rpc("find_duplicates", {
            "community_id": str(query["community_id"]), "category": query["category"],
            "location": {"building_id": str(place["building_id"])}})}


@blp.route("/<issue_id>/actions/<action>")
class Move(MethodView):
    @protected(blp)
    @remote(blp)
    @etags.documented(blp)
    @blp.arguments(MoveInSchema)
    @blp.response(200, CaseSchema, headers=etags.HEADERS)
    @blp.alt_response(409, description="The move is not possible from the case's state, or someone moved it first")
    def post(self, data, issue_id, action):
        """Move a case: accept, reject, assign, start, resolve, close, reopen or merge (staff; If-Match optional)"""
        if action not in MOVES:
            raise Problem(404, f"No such action; use one of: {', '.join(ACTIONS)}.")
        method, fields, allowed = MOVES[action]
        issue = case_of(issue_id, *allowed)
        etags.check(lambda: issue, CaseSchema())
        extra = {name: _text(data[name]) for name in fields if data[name] is not None}
        if action == "merge" and "into_id" not in extra:
            raise invalid({"into_id": ["Name the case to merge into."]})
        return etags.tagged(rpc(method, {"issue_id": issue["id"], "community_id": issue["community_id"],
                                         "actor_id": str(guard.authenticate().id), "note": data["note"], **extra}),
                            CaseSchema())


@blp.route("/<issue_id>/followers")
class MeToo(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, CaseSchema)
    def post(self, issue_id):
        """Me too: follow this open case of my community instead of reporting it again"""
        issue = case_of(issue_id)
        return rpc("join_issue", {"issue_id": issue["id"], "community_id": issue["community_id"],
                                  "account_id": str(guard.authenticate().id)})


@blp.route("/<issue_id>/rating")
class Rating(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(RatingInSchema)
    @blp.response(200, CaseSchema)
    def post(self, data, issue_id):
        """Rate the resolution 1–5 (its reporters); 1 or 2 reopens it once"""
        issue = case_of(issue_id)
        return rpc("rate_issue", {"issue_id": issue["id"], "community_id": issue["community_id"],
                                  "account_id": str(guard.authenticate().id), **data})


@blp.route("/<issue_id>/classification")
class Classification(MethodView):
    @protected(blp)
    @remote(blp)
    @etags.documented(blp)
    @blp.arguments(ClassificationInSchema)
    @blp.response(200, CaseSchema, headers=etags.HEADERS)
    def put(self, data, issue_id):
        """Mark a report unreasonable (or not): it is then kept out of the rates (rc staff; If-Match optional)"""
        issue = case_of(issue_id, *RC_STAFF)
        etags.check(lambda: issue, CaseSchema())
        return etags.tagged(rpc("classify_issue", {"issue_id": issue["id"], "community_id": issue["community_id"],
                                                   "actor_id": str(guard.authenticate().id), **data}), CaseSchema())


@blp.route("/<issue_id>/action-items")
class CaseActionItems(MethodView):
    @protected(blp)
    @remote(blp)
    @lists.paged(sorts=("due_at", "party"), filters=("party", "kind"))
    @blp.response(200, ActionItemListSchema)
    def get(self, issue_id):
        """The joint meetings' action items about this case (members of its community)"""
        issue = case_of(issue_id)
        return {"items": rpc("list_action_items", issue["id"], issue["community_id"])}


@blp.route("/<issue_id>/photos/<int:n>")
class Photo(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, content_type="image/jpeg", description="The photo, in its own type (jpeg, png or webp)")
    def get(self, issue_id, n):
        """One photo of a report: for its reporters and the staff of its community"""
        issue = rpc("get_issue", issue_id)
        me = str(guard.authenticate().id)
        if me not in issue.get("follower_ids", ()) and not guard.has_role(issue["community_id"], *roles.STAFF):
            raise Problem(403, "Only the reporters and the community's staff may see this report.")
        photo = rpc("get_issue_photo", issue["id"], n)
        return Response(base64.b64decode(photo["data"]), mimetype=photo["content_type"])
