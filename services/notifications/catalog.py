"""Which events become messages: for each event type, how to read it, who hears of it, and as what.

Notifications subscribes to every event of the services it watches (`topology.ALL`); an
event type gets messages by having an entry here, with templates in `domain.TEMPLATES`
for every message kind in both languages. Types that deliberately tell no one are in
SILENT. A contract test checks every emitted type is in one or the other.
"""
from dataclasses import dataclass
from typing import Callable

from services.notifications import schemas

STAFF_ROLES = ("social_worker",)


@dataclass(frozen=True)
class Message:
    kind: str  # the template key, e.g. "issue_reported.staff"
    audience: Callable  # (data, members) -> account ids


@dataclass(frozen=True)
class Notice:
    reader: type  # tolerant marshmallow reader of the event's data
    subject: Callable  # data -> {"type", "id"}: what the message is about
    messages: tuple


def person(key):
    """The one account named by `data[key]`."""
    return lambda data, members: [data[key]] if data.get(key) else []


def holders(*roles):
    """Everyone holding one of `roles` in the event's community."""
    return lambda data, members: members.holders(data["community_id"], roles)


def about(kind, key):
    return lambda data: {"type": kind, "id": data[key]}


CATALOG = {
    "issue_reported": Notice(
        reader=schemas.IssueReportedData, subject=about("issue", "issue_id"),
        messages=(Message("issue_reported.staff", holders(*STAFF_ROLES)),
                  Message("issue_reported.receipt", person("reporter_id")))),
}

SILENT = frozenset({"vote_opened", "vote_closed"})  # issue 3 votes: until notifications gives them notices
