"""The notifications service: turns the platform's events into messages people read."""
from datetime import datetime, timezone

from nameko.rpc import rpc

from services.common import faults
from services.common.dependencies import RequestContext
from services.common.envelope import EnvelopeSchema
from services.common.errors import load
from services.common.handlers import event_handler
from services.common.membership import MembershipProjection
from services.notifications import domain
from services.notifications.dependencies import Inboxes, People
from services.notifications.models import InboxItem, MembershipVersion
from services.notifications.schemas import (AccountRegisteredData, InboxItemSchema, IssueReportedData,
                                            ListInboxSchema)


class NotificationsService:
    name = "notifications"

    people = People()
    members = MembershipProjection(MembershipVersion)
    inbox = Inboxes()
    context = RequestContext()

    @event_handler("gateway", "account_registered")
    def on_account_registered(self, body):
        event = load(EnvelopeSchema(), body)
        self.people.record_account(load(AccountRegisteredData(), event["data"]))

    @event_handler("gateway", "membership_granted")
    def on_membership_granted(self, body):
        self.members.record(body)

    @event_handler("issues", "issue_reported")
    def on_issue_reported(self, body):
        event = load(EnvelopeSchema(), body)
        data = load(IssueReportedData(), event["data"])
        faults.fail_if("notify_issue_reported")
        staff = self.members.holders(data["community_id"], domain.STAFF_ROLES)
        for account_id in staff:
            self._deliver(event, account_id, "issue_reported.staff", data)
        self._deliver(event, data["reporter_id"], "issue_reported.receipt", data)

    @rpc
    def list_inbox(self, account_id, limit=20, before=None):
        args = load(ListInboxSchema(), {"account_id": account_id, "limit": limit, "before": before})
        items, cursor = self.inbox.page(**args)
        return {"items": InboxItemSchema(many=True).dump(items), "next": cursor}

    @rpc
    def mark_read(self, account_id, item_id):
        return InboxItemSchema().dump(self.inbox.mark_read(account_id, item_id))

    def _deliver(self, event, account_id, kind, data):
        title, body = domain.render(kind, self.people.locale(account_id),
                                    title=data["title"], category=data["category"])
        self.inbox.deliver(InboxItem(
            id=domain.item_id(event["id"], account_id), account_id=account_id,
            community_id=data["community_id"], kind=kind, title=title, body=body,
            subject={"type": "issue", "id": data["issue_id"]}, event_id=event["id"],
            created_at=datetime.now(timezone.utc)))
