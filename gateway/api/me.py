"""The caller's own account, memberships and inbox."""
from flask.views import MethodView
from flask_smorest import Blueprint

from gateway import runtime
from gateway.api import PREFIX, protected, remote
from gateway.identity import guard, memberships
from gateway.web import lists
from gateway.schemas.accounts import MeSchema
from gateway.schemas.cases import CaseListSchema, MyCaseQuerySchema
from gateway.schemas.notifications import InboxQuerySchema, InboxSchema, NotificationSchema

blp = Blueprint("me", __name__, url_prefix=f"{PREFIX}/me", description="The logged-in account")


@blp.route("")
class Me(MethodView):
    @protected(blp)
    @blp.response(200, MeSchema)
    def get(self):
        """The logged-in account and its memberships"""
        account = guard.authenticate()
        return {"account": account, "memberships": memberships.of_account(account.id)}


@blp.route("/notifications")
class Inbox(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(InboxQuerySchema, location="query")
    @blp.response(200, InboxSchema)
    def get(self, query):
        """My inbox, newest first; pass `next` back as `before` for the next page"""
        page = runtime.current().rpc.call("notifications", "list_inbox", str(guard.authenticate().id),
                                          limit=query["limit"], before=query["cursor"] or query["before"])
        return lists.linked(page)



@blp.route("/issues")
class MyIssues(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(MyCaseQuerySchema, location="query")
    @blp.response(200, CaseListSchema)
    def get(self, query):
        """My cases: those I reported or follow (me too, merged in), newest followed first, by status"""
        page = runtime.current().rpc.call("issues", "list_my_issues", {
            "account_id": str(guard.authenticate().id), "status": query["status"], "limit": query["limit"],
            "offset": int(query["cursor"] or 0)})
        return lists.linked({"items": page["items"], "next": None if page["offset"] is None else str(page["offset"])})

@blp.route("/notifications/<item_id>/read")
class ReadNotification(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, NotificationSchema)
    def post(self, item_id):
        """Mark one inbox item read"""
        return runtime.current().rpc.call("notifications", "mark_read", str(guard.authenticate().id), item_id)
