"""Entrypoints of staff announcements: publish to an audience, read receipts, re-send to the unread."""
import hashlib
import uuid
from datetime import datetime, timedelta, timezone

from mongoengine import NotUniqueError
from nameko.rpc import rpc

from services.common.errors import load
from services.notifications import domain
from services.notifications.exceptions import AnnouncementNotFound
from services.notifications.models import Announcement, Delivery
from services.notifications.schemas import (AnnouncementPublishedSchema, AnnouncementSchema, DeliverySchema,
                                            PublishAnnouncementSchema, ResendSchema)

PUBLIC_ROLES = {"resident", "owner"}  # a notice to these roles (or to places) is for everyone who lives there


def for_everyone(audience):
    """True for a notice to residents, owners, buildings or grids; not to named people, skills, staff or other roles."""
    if any(audience.get(k) for k in ("account_ids", "skills", "parties")):
        return False
    roles = set(audience.get("roles") or ())
    return not roles or bool(roles & PUBLIC_ROLES)


class Announcements:
    """Mixed into NotificationsService; its dependencies are the service's."""

    @rpc
    def publish_announcement(self, payload):
        args = load(PublishAnnouncementSchema(), payload)
        key = args.pop("submission_key") or uuid.uuid4().hex
        announcement_id = hashlib.sha1(f"{args['author_id']}:{key}".encode()).hexdigest()[:24]
        announcement = Announcement(id=announcement_id, created_at=datetime.now(timezone.utc), **args)
        try:
            self.outbox.save(announcement, self.outbox.event("announcement_published", AnnouncementPublishedSchema().load({
                "announcement_id": announcement_id, **{k: args[k] for k in (
                    "community_id", "author_id", "title", "body", "priority", "channels", "audience")}}),
                subject=announcement_id))
        except NotUniqueError:  # the same submission again: the first one stands
            announcement = Announcement.objects.get(id=announcement_id)
        return AnnouncementSchema().dump(announcement)

    @rpc
    def public_announcements(self, community_id, days=14, limit=5):
        """The community's announcements of the last `days` for everyone who lives there (`for_everyone`),
        newest first: what a kiosk in the service space may show."""
        since = datetime.now(timezone.utc) - timedelta(days=days)
        found = Announcement.objects(community_id=str(community_id), created_at__gte=since).order_by("-created_at")
        shown = [a for a in found if for_everyone(a.audience or {})]
        return AnnouncementSchema(only=("id", "title", "body", "priority", "audience", "created_at")).dump(
            shown[:limit], many=True)

    @rpc
    def list_announcements(self, community_id, limit=20, offset=0):
        """`{items, offset}`: the community's announcements newest first, each with `recipients` and `read`
        counts (one query over the page's inbox items); `offset` of the next page or None."""
        found = list(Announcement.objects(community_id=str(community_id)).order_by("-created_at")
                     .skip(offset).limit(limit + 1))
        page = found[:limit]
        counts = self.inbox.counts_about([a.id for a in page])
        items = [{**AnnouncementSchema().dump(a), **counts.get(a.id, {"recipients": 0, "read": 0})} for a in page]
        return {"items": items, "offset": offset + limit if len(found) > limit else None}

    @rpc
    def announcement_receipts(self, announcement_id):
        """Who has read an announcement and who has not, and how each outside delivery went."""
        announcement = self._announcement(announcement_id)
        items = self.inbox.about(announcement_id)
        names = self.people.names(i.account_id for i in items)
        read = [receipt(i, names) for i in items if i.read_at]
        unread = [receipt(i, names) for i in items if not i.read_at]
        return {**AnnouncementSchema().dump(announcement), "recipients": len(items),
                "read": sorted(read, key=lambda r: r["account_id"]),
                "unread": sorted(unread, key=lambda r: r["account_id"]),
                "deliveries": DeliverySchema(many=True).dump(self.deliveries.about(announcement_id))}

    @rpc
    def resend_announcement(self, announcement_id, channel):
        """Send an announcement again, through `channel`, to everyone who has not read it.

        Each (announcement, person, channel) goes once: people it already went to that way are `already`.
        """
        args = load(ResendSchema(), {"announcement_id": announcement_id, "channel": channel})
        self._announcement(announcement_id)
        queued, already, unreachable = [], [], []
        now = datetime.now(timezone.utc)
        for item in self.inbox.about(announcement_id):
            if item.read_at:
                continue
            _, contacts, _ = self.people.reach(item.account_id)
            if not contacts.get(args["channel"]):
                unreachable.append(item.account_id)
                continue
            fresh = self.courier.queue(Delivery(
                id=domain.item_id(item.event_id, item.account_id, args["channel"]), channel=args["channel"],
                address=contacts[args["channel"]], account_id=item.account_id, community_id=item.community_id,
                title=item.title, body=item.body, subject=item.subject, event_id=item.event_id,
                due_at=now, created_at=now))
            (queued if fresh else already).append(item.account_id)
        return {"queued": sorted(queued), "already": sorted(already), "unreachable": sorted(unreachable)}

    def _announcement(self, announcement_id):
        found = Announcement.objects(id=str(announcement_id)[:64]).first()
        if found is None:
            raise AnnouncementNotFound(announcement_id)
        return found


def receipt(item, names):
    return {"account_id": item.account_id, "display_name": names.get(item.account_id),
            "read_at": item.read_at and item.read_at.replace(tzinfo=timezone.utc).isoformat()}
