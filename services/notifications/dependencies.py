"""I/O of the notifications service: its people projection and the inbox."""
import base64
from datetime import datetime, timezone

from mongoengine import NotUniqueError, Q
from nameko.extensions import DependencyProvider

from services.common.store import Store
from services.notifications import domain
from services.notifications.exceptions import BadCursor, ItemNotFound
from services.common import people
from services.notifications.models import Delivery, InboxItem, Preferences, Recipient, Template, VolunteerSkill


class PeopleProjection:
    def record_account(self, data):
        Recipient(id=data["account_id"], display_name=data["display_name"],
                  locale=domain.locale_of(data["locale"]), email=data["email"],
                  phone=data["phone"]).save()

    def locale(self, account_id):
        recipient = Recipient.objects(id=account_id).first()
        return recipient.locale if recipient else domain.DEFAULT_LOCALE

    def reach(self, account_id):
        """(locale, contact points by channel, preferences) of one person."""
        recipient = Recipient.objects(id=account_id).first()
        prefs = self.preferences(account_id)
        locale = recipient.locale if recipient else domain.DEFAULT_LOCALE
        return locale, {"email": recipient and recipient.email, "apprise": prefs["apprise_url"]}, prefs

    def names(self, account_ids):
        return {r.id: r.display_name for r in Recipient.objects(id__in=list(account_ids))}

    def preferences(self, account_id):
        found = Preferences.objects(id=account_id).first()
        if found is None:
            return {"channels": {}, "apprise_url": None, "quiet_hours": None, "digest": []}
        return {"channels": found.channels, "apprise_url": found.apprise_url,
                "quiet_hours": found.quiet_hours or None, "digest": list(found.digest)}

    def set_preferences(self, account_id, prefs):
        """Replace a person's preferences as a whole (only that person writes them)."""
        Preferences(id=account_id, **{**prefs, "quiet_hours": prefs["quiet_hours"] or {}}).save()
        return self.preferences(account_id)


class Directory:
    """Who is who in a community, for audiences: memberships and volunteers' skills."""

    def __init__(self, members):
        self.members = members

    def holders(self, community_id, roles):
        return self.members.holders(community_id, roles)

    def current(self, community_id):
        return people.current(self.members.model, community_id=community_id)

    def skilled(self, community_id, skills):
        return sorted({s.volunteer_id for s in VolunteerSkill.objects(community_id=community_id, skill__in=list(skills))})

    def record_skills(self, community_id, volunteer_id, skills):
        for skill in skills:
            try:
                VolunteerSkill(id=f"{community_id}:{volunteer_id}:{skill}", community_id=community_id,
                               volunteer_id=volunteer_id, skill=skill).save(force_insert=True)
            except NotUniqueError:
                pass


class Wording:
    """Communities' own templates."""

    def of(self, community_id, kind, locale):
        found = Template.objects(id=f"{community_id}:{kind}:{locale}").first()
        return (found.title, found.body) if found else None

    def set(self, template):
        template.id = f"{template.community_id}:{template.kind}:{template.locale}"
        template.save()
        return template

    def of_community(self, community_id):
        return list(Template.objects(community_id=community_id).order_by("kind", "locale"))


class Inbox:
    def deliver(self, item):
        """Store one inbox item; a repeat of the same (event, person, channel) is a no-op."""
        try:
            item.save(force_insert=True)
            return True
        except NotUniqueError:
            return False

    def page(self, account_id, limit, before):
        query = Q(account_id=account_id)
        if before:
            at, item_id = decode_cursor(before)
            query &= Q(created_at__lt=at) | Q(created_at=at, id__lt=item_id)
        items = list(InboxItem.objects(query).order_by("-created_at", "-id").limit(limit + 1))
        more = len(items) > limit
        items = items[:limit]
        return items, (encode_cursor(items[-1]) if more else None)

    def about(self, subject_id):
        return list(InboxItem.objects(subject__id=subject_id))

    def counts_about(self, subject_ids):
        """`{subject_id: {recipients, read}}` for many subjects in one query."""
        counts = {}
        for item in InboxItem.objects(subject__id__in=list(subject_ids)).only("subject", "read_at"):
            count = counts.setdefault(item.subject["id"], {"recipients": 0, "read": 0})
            count["recipients"] += 1
            count["read"] += item.read_at is not None
        return counts

    def mark_read(self, account_id, item_id):
        item = InboxItem.objects(id=item_id, account_id=account_id).first()
        if item is None:
            raise ItemNotFound(item_id)
        if item.read_at is None:
            item.read_at = datetime.now(timezone.utc)
            item.save()
        return item


def encode_cursor(item):
    raw = f"{item.created_at.isoformat()}|{item.id}"
    return base64.urlsafe_b64encode(raw.encode()).decode()


def decode_cursor(cursor):
    try:
        at, item_id = base64.urlsafe_b64decode(cursor.encode()).decode().split("|", 1)
        return datetime.fromisoformat(at), item_id
    except ValueError:
        raise BadCursor() from None


class People(DependencyProvider):
    store = Store()

    def get_dependency(self, worker_ctx):
        return PeopleProjection()


class Templates(DependencyProvider):
    store = Store()

    def get_dependency(self, worker_ctx):
        return Wording()


class DeliveryLog:
    """Staff's view of outside deliveries."""

    def of_community(self, community_id, status, limit):
        query = Q(community_id=community_id) & (Q(status=status) if status else Q())
        return with_reads(list(Delivery.objects(query).order_by("-created_at").limit(limit)))

    def about(self, subject_id):
        return with_reads(list(Delivery.objects(subject__id=subject_id).order_by("created_at")))


def with_reads(deliveries):
    """Each delivery as a dict with `read_at`: when its person read the same message in the app."""
    inbox_ids = {d.id: domain.item_id(d.event_id, d.account_id) for d in deliveries}
    reads = {i.id: i.read_at for i in InboxItem.objects(id__in=list(set(inbox_ids.values()))).only("read_at")}
    return [{**d.to_mongo().to_dict(), "id": d.id, "read_at": reads.get(inbox_ids[d.id])} for d in deliveries]


class Deliveries(DependencyProvider):
    store = Store()

    def get_dependency(self, worker_ctx):
        return DeliveryLog()


class Inboxes(DependencyProvider):
    store = Store()

    def get_dependency(self, worker_ctx):
        return Inbox()
