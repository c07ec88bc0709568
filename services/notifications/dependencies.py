"""I/O of the notifications service: its people projection and the inbox."""
import base64
from datetime import datetime, timezone

from mongoengine import NotUniqueError, Q
from nameko.extensions import DependencyProvider

from services.common.store import Store
from services.notifications import domain
from services.notifications.exceptions import BadCursor, ItemNotFound
from services.notifications.models import InboxItem, Recipient


class PeopleProjection:
    def record_account(self, data):
        Recipient(id=data["account_id"], display_name=data["display_name"],
                  locale=domain.locale_of(data["locale"]), email=data["email"],
                  phone=data["phone"]).save()

    def locale(self, account_id):
        recipient = Recipient.objects(id=account_id).first()
        return recipient.locale if recipient else domain.DEFAULT_LOCALE


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


class Inboxes(DependencyProvider):
    store = Store()

    def get_dependency(self, worker_ctx):
        return Inbox()
