"""`Last-Event-ID` resume: an event id is the inbox position of its item, and replay reads the inbox.

The id encodes `(created_at to the millisecond, item id)`, the inbox's own order, so
the items a client missed are exactly those after its last id.
"""
import base64
import binascii
from datetime import datetime, timezone

from gateway.web.problems import invalid

PAGE, MAX_REPLAY = 100, 500


def position(hint):
    """`(created_at, item id)` of a hint or inbox item; the store keeps milliseconds, so do we."""
    at = datetime.fromisoformat(str(hint["created_at"]))
    at = at if at.tzinfo else at.replace(tzinfo=timezone.utc)
    at = at.astimezone(timezone.utc)
    return at.replace(microsecond=at.microsecond // 1000 * 1000), str(hint.get("item_id") or hint.get("id"))


def cursor(hint):
    at, item_id = position(hint)
    return base64.urlsafe_b64encode(f"{at.isoformat()}|{item_id}".encode()).decode()


def read_cursor(value, field="Last-Event-ID"):
    """The position a `Last-Event-ID` names, or a 422 naming the field."""
    try:
        at, item_id = base64.urlsafe_b64decode(value.encode()).decode().split("|", 1)
        return position({"created_at": at, "item_id": item_id})
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise invalid({field: ["Not an event id this stream sent."]}) from None


def missed(list_inbox, last, account_id):
    """Inbox items after position `last`, oldest first (at most MAX_REPLAY, the newest ones)."""
    found, before = [], None
    while len(found) < MAX_REPLAY:
        page = list_inbox(limit=PAGE, before=before)
        newer = [item for item in page["items"] if position(item) > last]
        found += newer
        if len(newer) < len(page["items"]) or not page.get("next"):
            break
        before = page["next"]
    return [as_hint(item, account_id) for item in reversed(found[:MAX_REPLAY])]


def as_hint(item, account_id):
    """An inbox item in the shape of a live hint."""
    at, item_id = position(item)
    return {"item_id": item_id, "account_id": account_id, "kind": item["kind"],
            "title": item["title"], "created_at": at.isoformat(), "subject": item.get("subject") or {}}
