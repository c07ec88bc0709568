"""Staff announcements to an audience, their read receipts, and re-sends to the unread."""
import uuid

from flask.views import MethodView
from flask_smorest import Blueprint

from gateway import roles, runtime
from gateway.api import PREFIX, protected, remote
from gateway.web import lists
from gateway.identity import guard
from gateway.schemas.announcements import (AnnouncementInSchema, AnnouncementListSchema, AnnouncementQuerySchema,
                                           AnnouncementSchema, DeliveriesSchema, DeliveryQuerySchema, ReceiptsSchema,
                                           ResendInSchema, ResendSchema)
from gateway.schemas.issues import IdempotencySchema
from gateway.web.problems import Problem

blp = Blueprint("announcements", __name__, url_prefix=PREFIX, description="Staff announcements and deliveries")
AUTHORS = (roles.SOCIAL_WORKER, roles.COMMUNITY_ADMIN, roles.PM_STAFF)


def rpc(method, *args, **kwargs):
    return runtime.current().rpc.call("notifications", method, *args, **kwargs)


@blp.route("/communities/<community_id>/announcements")
class Announcements(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(AnnouncementQuerySchema, location="query")
    @blp.response(200, AnnouncementListSchema)
    def get(self, query, community_id):
        """Staff: every announcement, newest first, with read-receipt counts, paged; members: the current ones for everyone"""
        guard.require_role(community_id)
        if not guard.has_role(community_id, *roles.STAFF):
            return {"items": rpc("public_announcements", community_id, limit=query["limit"]), "next": None}
        page = rpc("list_announcements", community_id, limit=query["limit"], offset=int(query["cursor"] or 0))
        return lists.linked({"items": page["items"], "next": None if page["offset"] is None else str(page["offset"])})

    @protected(blp)
    @remote(blp)
    @blp.arguments(AnnouncementInSchema)
    @blp.arguments(IdempotencySchema, location="headers")
    @blp.response(201, AnnouncementSchema)
    def post(self, data, headers, community_id):
        """Announce to an audience of the community (social workers, the community admin, pm staff)"""
        guard.require_role(community_id, *AUTHORS)
        author = str(guard.authenticate().id)
        announcement = rpc("publish_announcement", {
            **data, "community_id": community_id, "author_id": author,
            "submission_key": headers.get("idempotency_key") or uuid.uuid4().hex})
        return announcement, 201, {"Location": f"{PREFIX}/announcements/{announcement['id']}"}


def staff_only(announcement):
    if not guard.has_role(announcement.get("community_id"), *roles.STAFF):
        raise Problem(403, "Only the community's staff may see this announcement's receipts.")


@blp.route("/announcements/<announcement_id>")
class Announcement(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, ReceiptsSchema)
    def get(self, announcement_id):
        """An announcement with who has read it, who has not, and each outside delivery"""
        receipts = rpc("announcement_receipts", announcement_id)
        staff_only(receipts)
        return receipts


@blp.route("/announcements/<announcement_id>/resend")
class Resend(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(ResendInSchema)
    @blp.response(202, ResendSchema)
    def post(self, data, announcement_id):
        """Send an announcement again, through another channel, to everyone who has not read it"""
        staff_only(rpc("announcement_receipts", announcement_id))
        return rpc("resend_announcement", announcement_id, data["channel"])


@blp.route("/communities/<community_id>/deliveries")
class Deliveries(MethodView):
    @protected(blp)
    @remote(blp)
    @lists.paged(sorts=("created_at", "due_at", "status"), filters=("channel", "account_id"))
    @blp.arguments(DeliveryQuerySchema, location="query")
    @blp.response(200, DeliveriesSchema)
    def get(self, query, community_id):
        """Outside deliveries of the community, newest first, with their state and last error (staff)"""
        guard.require_role(community_id, *roles.STAFF)
        return {"items": rpc("list_deliveries", community_id, status=query["status"], limit=query["limit"])}
