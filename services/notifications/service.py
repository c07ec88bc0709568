"""The notifications service: turns the platform's events into messages people read."""
import logging
from datetime import datetime, timezone

from nameko.rpc import rpc

from services.common import faults, topology
from services.common.dependencies import RequestContext
from services.common.envelope import EnvelopeSchema
from services.common.errors import load
from services.common.handlers import event_handler
from services.common.membership import MembershipProjection
from services.notifications import catalog, domain
from services.notifications.dependencies import Inboxes, People
from services.notifications.models import InboxItem, MembershipVersion
from services.notifications.schemas import AccountRegisteredData, InboxItemSchema, ListInboxSchema

log = logging.getLogger(__name__)


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

    @event_handler("issues", topology.ALL)
    def on_issues_event(self, body):
        self._notify(body)

    @rpc
    def list_inbox(self, account_id, limit=20, before=None):
        args = load(ListInboxSchema(), {"account_id": account_id, "limit": limit, "before": before})
        items, cursor = self.inbox.page(**args)
        return {"items": InboxItemSchema(many=True).dump(items), "next": cursor}

    @rpc
    def mark_read(self, account_id, item_id):
        return InboxItemSchema().dump(self.inbox.mark_read(account_id, item_id))

    def _notify(self, body):
        """Turn one event into inbox items for everyone its catalog entry names."""
        event = load(EnvelopeSchema(), body)
        notice = catalog.CATALOG.get(event["type"])
        if notice is None:
            log.info("event tells no one", extra={"event_type": event["type"], "event_id": event["id"]})
            return
        data = load(notice.reader(), event["data"])
        faults.fail_if(f"notify_{event['type']}")
        for message in notice.messages:
            for account_id in message.audience(data, self.members):
                self._deliver(event, account_id, message.kind, data, notice.subject(data))

    def _deliver(self, event, account_id, kind, data, subject):
        title, body = domain.render(kind, self.people.locale(account_id), **data)
        self.inbox.deliver(InboxItem(
            id=domain.item_id(event["id"], account_id), account_id=account_id,
            community_id=data.get("community_id"), kind=kind, title=title, body=body,
            subject=subject, event_id=event["id"], created_at=datetime.now(timezone.utc)))
