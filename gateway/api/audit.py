"""The audit log of a community's staff actions: readable by its staff, changeable by no one."""
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from gateway import roles
from gateway.api import PREFIX, protected
from gateway.identity import guard
from gateway.web import audit, lists

blp = Blueprint("audit", __name__, url_prefix=f"{PREFIX}/communities", description="Audit log of staff actions")


class AuditQuerySchema(Schema):
    limit = fields.Integer(load_default=50, validate=validate.Range(1, 200))
    before = fields.AwareDateTime(load_default=None, metadata={"description": "Entries older than this"})
    cursor = fields.String(load_default=None, validate=validate.Length(max=200),
                           metadata={"description": "The `next` of the previous page (instead of `before`)"})


class AuditEntrySchema(Schema):
    at = fields.AwareDateTime()
    account_id = fields.String()
    display_name = fields.String()
    roles = fields.List(fields.String())
    method = fields.String()
    route = fields.String(allow_none=True)
    path = fields.String()
    status = fields.Integer()
    address = fields.String(allow_none=True)
    request_id = fields.String(allow_none=True)


class AuditPageSchema(Schema):
    items = fields.List(fields.Nested(AuditEntrySchema))
    next_before = fields.AwareDateTime(allow_none=True)
    next = fields.String(allow_none=True, metadata={"description": "Cursor of the next page (pass it as `cursor`)"})


@blp.route("/<community_id>/audit")
class AuditLog(MethodView):
    @protected(blp)
    @guard.role_required(*roles.STAFF)
    @blp.arguments(AuditQuerySchema, location="query")
    @blp.response(200, AuditPageSchema)
    def get(self, query, community_id):
        """The community's staff actions, newest first"""
        before = lists.read_time(query["cursor"]) if query["cursor"] else query["before"]
        items = audit.entries(community_id, query["limit"], before)
        last = items[-1]["at"] if len(items) == query["limit"] else None
        return lists.linked({"items": items, "next_before": last,
                             "next": lists.time_cursor(last.isoformat()) if last else None})
