"""Residents' reports, handed to the issues service."""
import uuid

from flask.views import MethodView
from flask_smorest import Blueprint

from gateway import directory, roles, runtime
from gateway.api import PREFIX, protected, remote
from gateway.identity import guard
from gateway.schemas.issues import IdempotencySchema, IssueInSchema, IssueSchema
from gateway.web.problems import Problem

blp = Blueprint("issues", __name__, url_prefix=f"{PREFIX}/issues", description="Residents' reports")


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
            "submission_key": f"{reporter_id}:{idempotency_key or uuid.uuid4().hex}"}


@blp.route("")
class Issues(MethodView):
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
    @blp.response(200, IssueSchema)
    def get(self, issue_id):
        """One report: for its reporter and the staff of its community"""
        issue = runtime.current().rpc.call("issues", "get_issue", issue_id)
        mine = issue.get("reporter_id") == str(guard.authenticate().id)
        if not mine and not guard.has_role(issue.get("community_id"), *roles.STAFF):
            raise Problem(403, "Only the reporter and the community's staff may see this report.")
        return issue
