"""The notifications service: turns the platform's events into messages people read.

Entrypoints live in area mixins (announcements, settings); this class keeps the event
handlers, the inbox, and the fan-out of one event to its audience.
"""
import logging
from datetime import datetime, timezone

from nameko.rpc import rpc

from services.common import faults, topology
from services.common.dependencies import EventOutbox, RequestContext
from services.common.envelope import EnvelopeSchema
from services.common.errors import load
from services.common.handlers import event_handler
from services.common.membership import MembershipProjection
from services.notifications import catalog, domain, policy
from services.notifications.announcements import Announcements
from services.notifications.courier import Courier
from services.notifications.live import LiveHints
from services.notifications.dependencies import Deliveries, Directory, Inboxes, People, Templates
from services.notifications.models import Delivery, InboxItem, MembershipVersion
from services.notifications.schemas import AccountRegisteredData, SkillsData, InboxItemSchema, ListInboxSchema
from services.notifications.settings import Settings

log = logging.getLogger(__name__)


class NotificationsService(Announcements, Settings):
    name = "notifications"

    people = People()
    members = MembershipProjection(MembershipVersion)
    inbox = Inboxes()
    templates = Templates()
    deliveries = Deliveries()
    courier = Courier()
    live = LiveHints()
    outbox = EventOutbox()
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

    @event_handler("volunteers", topology.ALL)
    def on_volunteers_event(self, body):
        self._keep_skills(body)
        self._notify(body)

    @event_handler("bookings", topology.ALL)
    def on_bookings_event(self, body):
        self._notify(body)

    @event_handler("notifications", "announcement_published")
    def on_announcement_published(self, body):
        self._notify(body)

    @rpc
    def list_inbox(self, account_id, limit=20, before=None):
        args = load(ListInboxSchema(), {"account_id": account_id, "limit": limit, "before": before})
        items, cursor = self.inbox.page(**args)
        return {"items": InboxItemSchema(many=True).dump(items), "next": cursor}

    @rpc
    def mark_read(self, account_id, item_id):
        return InboxItemSchema().dump(self.inbox.mark_read(account_id, item_id))

    def _keep_skills(self, body):
        """Volunteers' skills, for audiences of "every volunteer who can ..."."""
        event = load(EnvelopeSchema(), body)
        if event["type"] in ("volunteer_registered", "skill_verified"):
            data = load(SkillsData(), event["data"])
            skills = data["skills"] or ([data["skill"]] if data["skill"] else [])
            Directory(self.members).record_skills(data["community_id"], data["volunteer_id"], skills)

    def _notify(self, body):
        """Turn one event into inbox items (and outside deliveries) for everyone its catalog entry names."""
        event = load(EnvelopeSchema(), body)
        notice = catalog.CATALOG.get(event["type"])
        if notice is None:
            log.info("event tells no one", extra={"event_type": event["type"], "event_id": event["id"]})
            return
        data = load(notice.reader(), event["data"])
        faults.fail_if(f"notify_{event['type']}")
        for message in notice.messages:
            for account_id in message.audience(data, Directory(self.members)):
                self._deliver(event, account_id, message, data, notice.subject(data))

    def _deliver(self, event, account_id, message, data, subject):
        locale, contacts, prefs = self.people.reach(account_id)
        community_id = data.get("community_id")
        title, body = domain.render(message.kind, locale, self.templates.of(community_id, message.kind, locale), **data)
        now = datetime.now(timezone.utc)
        common = dict(account_id=account_id, community_id=community_id, title=title, body=body,
                      subject=subject, event_id=event["id"], created_at=now)
        item = InboxItem(id=domain.item_id(event["id"], account_id), kind=message.kind, **common)
        if self.inbox.deliver(item):
            self.live.push(item)
        priority = message.priority(data)
        for channel in policy.outside_channels(priority, message.category, prefs, contacts):
            if channel in message.channels(data):
                held = policy.held_for_digest(priority, message.category, prefs)
                due = policy.next_digest(now) if held else policy.due_at(now, priority, prefs["quiet_hours"])
                self.courier.queue(Delivery(id=domain.item_id(event["id"], account_id, channel), channel=channel,
                                            address=contacts[channel], status="held" if held else "queued",
                                            due_at=due, **common))
