"""Reconciliation: the clients' log against the service databases and the dead-letter queue.

Each check gives one row (fault, check, expected, found, ok); the run passes when every
row is ok. Rows marked `info` are printed for the reader and never fail the run.
"""
from collections import Counter
from dataclasses import dataclass

from services.common import topology
from services.common.deadletters import list_dead_letters

CAPACITY = 2  # of the room and of each rota shift (tests.chaos.world)


@dataclass
class Row:
    fault: str
    check: str
    expected: object
    found: object
    ok: object  # True, False, or "info"


def stored_once(platform, op):
    """Whether an accepted operation's effect is in its service's database exactly once."""
    subject, result = op.subject, op.result
    if op.kind == "report":
        docs = list(platform.db("issues").issues.find({"title": subject["title"]}, {"_id": 1}))
        return [str(d["_id"]) for d in docs] == [result["id"]]
    if op.kind == "booking":
        docs = list(platform.db("bookings").bookings.find({"title": subject["title"]}, {"_id": 1}))
        return [str(d["_id"]) for d in docs] == [result["id"]]
    if op.kind == "announcement":
        docs = list(platform.db("notifications").announcements.find({"title": subject["title"]}, {"_id": 1}))
        return [str(d["_id"]) for d in docs] == [result["id"]]
    if op.kind == "ballot":
        return platform.db("issues").ballots.count_documents(
            {"vote_id": subject["vote_id"], "unit_id": subject["unit_id"]}) == 1
    return signed_up_once(platform, op)


def signed_up_once(platform, op):
    db, shift_id = platform.db("volunteers"), op.subject["shift_id"]
    seated = db.signups.count_documents({"shift_id": shift_id, "volunteer_id": op.subject["account_id"]})
    waiting = db.waitlist.count_documents({"shift_id": shift_id, "volunteer_id": op.subject["account_id"]})
    if op.result.get("status") == "waitlisted":
        return waiting == 1 and seated == 0
    return seated == 1 and db.signups.count_documents({"_id": op.result["id"]}) == 1


def effects(platform, op):
    """How many times an operation's effect is stored, whatever answer the client got."""
    subject = op.subject
    if op.kind in ("report", "booking", "announcement"):
        db, collection = {"report": ("issues", "issues"), "booking": ("bookings", "bookings"),
                          "announcement": ("notifications", "announcements")}[op.kind]
        return platform.db(db)[collection].count_documents({"title": subject["title"]})
    if op.kind == "ballot":
        return platform.db("issues").ballots.count_documents(
            {"vote_id": subject["vote_id"], "unit_id": subject["unit_id"]})
    db = platform.db("volunteers")
    query = {"shift_id": subject["shift_id"], "volunteer_id": subject["account_id"]}
    return db.signups.count_documents(query) + db.waitlist.count_documents(query)


def answers(ops):
    """Each op's kind and the answers it got in a row, e.g. `(booking none×4 409×31)`."""
    shown = []
    for op in ops:
        runs = []
        for attempt in op.attempts:
            status = attempt.status or "none"
            if runs and runs[-1][0] == status:
                runs[-1][1] += 1
            else:
                runs.append([status, 1])
        shown.append(f"({op.kind} " + " ".join(f"{s}×{n}" if n > 1 else str(s) for s, n in runs) + ")")
    return " ".join(shown)


def per_phase(platform, log, phases):
    rows = []
    for phase in phases:
        ops = [op for op in log.operations if op.phase == phase]
        accepted = [op for op in ops if op.accepted]
        rows.append(Row(phase, "accepted requests stored exactly once", len(accepted),
                        sum(stored_once(platform, op) for op in accepted), None))
        errors = [a for op in ops for a in op.attempts if a.status is not None and not 200 <= a.status < 300]
        rows.append(Row(phase, "error answers are problem+json", len(errors), sum(a.problem for a in errors), None))
        if phase.endswith("mended"):
            answered = sum(a.phase == phase and a.status is not None and 200 <= a.status < 300
                           for op in log.operations for a in op.attempts)
            rows.append(Row(phase, "the platform accepts requests again (2xx answers)", "> 0", answered, answered > 0))
        unanswered = sum(a.status is None for op in ops for a in op.attempts)
        rejected = [op for op in ops if not op.accepted]
        counts = {op.key: effects(platform, op) for op in rejected}
        doubled = sum(n > 1 for n in counts.values())
        rows.append(Row(phase, "requests never accepted stored twice or more", 0, doubled, doubled == 0))
        stored = [op for op in rejected if counts[op.key]]
        rows.append(Row(phase, "attempts unanswered; ops never accepted; of those with an effect", "-",
                        f"{unanswered}; {len(rejected)}; {len(stored)} {answers(stored)}".strip(), "info"))
    for row in rows:
        if row.ok is None:
            row.ok = row.expected == row.found
    return rows


def outbox_events(platform, service):
    """Every event still in the outbox of any document of `service` (its latest writes)."""
    db = platform.db(service)
    for name in db.list_collection_names():
        for doc in db[name].find({}, {"outbox": 1}):
            yield from (doc.get("outbox") or [])


def unpublished(platform):
    """Outbox markers whose event is in its document (not yet published), and markers without one.

    A marker is inserted before its document is written; when the write then fails (the store
    went away) the marker has no event to publish and is swept after the grace period.
    """
    waiting, orphans = [], []
    for service in topology.EMITS:
        db = platform.db(service)
        for marker in db.outbox_pending.find({}):
            doc = db[marker["collection"]].find_one({"_id": marker["doc_id"]}, {"outbox": 1}) or {}
            staged = any(event["id"] == marker["_id"] for event in doc.get("outbox") or [])
            (waiting if staged else orphans).append(f"{service}:{marker['_id']}")
    return waiting, orphans


def events_consumed(platform):
    """Each outbox event recorded as processed by every queue subscribed to it."""
    expected = found = 0
    missing = []
    for source in topology.EMITS:
        for event in outbox_events(platform, source):
            for sub in topology.SUBSCRIPTIONS:
                if sub.receives(source, event["type"]):
                    expected += 1
                    key = f"{sub.queue}:{event['id']}"
                    if platform.db(sub.service).processed_events.count_documents({"_id": key}) == 1:
                        found += 1
                    else:
                        missing.append(key)
    waiting, orphans = unpublished(platform)
    return [Row("all", "events consumed once per consumer (outbox vs processed_events)", expected, found,
                expected == found),
            Row("all", "events left unpublished (outbox_pending with the event stored)", 0, len(waiting),
                not waiting),
            Row("all", "markers of writes that never happened (swept after the grace period)", "-",
                len(orphans), "info")], missing


def notifications(platform, log):
    """Each accepted report's receipt and each announcement reach their person once; no item doubled."""
    inbox = platform.db("notifications").inbox
    wanted = [(op.subject.get("recipient"), op.result["id"]) for op in log.operations
              if op.accepted and op.kind == "announcement"]
    wanted += [(None, op.result["id"]) for op in log.operations if op.accepted and op.kind == "report"]
    once = 0
    for account_id, subject_id in wanted:
        query = {"subject.id": subject_id, **({"account_id": account_id} if account_id else
                                               {"kind": "issue_reported.receipt"})}
        once += inbox.count_documents(query) == 1
    items = Counter((i["account_id"], i["kind"], (i.get("subject") or {}).get("id"))
                    for i in inbox.find({}, {"account_id": 1, "kind": 1, "subject": 1}))
    deliveries = Counter((d["account_id"], d["channel"], d["event_id"])
                         for d in platform.db("notifications").deliveries.find({}, {"account_id": 1, "channel": 1,
                                                                                    "event_id": 1}))
    doubled = sum(n > 1 for n in items.values()) + sum(n > 1 for n in deliveries.values())
    return [Row("all", "receipts and announcements in the inbox exactly once", len(wanted), once, once == len(wanted)),
            Row("all", "inbox items or deliveries doubled (per recipient, kind/channel, subject)", 0, doubled,
                doubled == 0)]


def capacity(platform, world):
    """No hour of the room and no shift holds more than its capacity."""
    live = platform.db("bookings").bookings.find({"resource_id": world.resource_id,
                                                  "status": {"$nin": ["cancelled", "declined"]}}, {"starts_at": 1})
    rooms = Counter(b["starts_at"] for b in live)
    seats = Counter(s["shift_id"] for s in platform.db("volunteers").signups.find({}, {"shift_id": 1})
                    if s["shift_id"] in set(world.shift_ids))
    over = sum(n > CAPACITY for n in rooms.values()) + sum(n > CAPACITY for n in seats.values())
    return [Row("all", "no double booking (room hours and shifts over capacity)", 0, over, over == 0)]


def ballots(platform, log, world):
    """Every 2xx ballot's unit is in its vote's turnout."""
    accepted = [op for op in log.operations if op.accepted and op.kind == "ballot"]
    found = 0
    for vote_id in world.vote_ids:
        answer = platform.api("GET", f"/api/v1/votes/{vote_id}/turnout", token=world.staff["oc_member"]).json()
        voted = set(answer.get("voted_unit_ids", []))
        found += sum(op.subject["unit_id"] in voted for op in accepted if op.subject["vote_id"] == vote_id)
    return [Row("all", "no ballot lost (2xx ballots in the turnout)", len(accepted), found, found == len(accepted))]


def dead_letters(platform, poison_ids):
    """Every poison event dead-lettered by each queue that receives it, and nothing else."""
    letters = list_dead_letters(platform.broker.uri)
    seen = {(letter["event_id"], letter["queue"]) for letter in letters}
    wanted = {(event_id, sub.queue) for event_id, source, event_type in poison_ids
              for sub in topology.SUBSCRIPTIONS if sub.receives(source, event_type)}
    ids = {event_id for event_id, _, _ in poison_ids}
    others = [letter for letter in letters if letter["event_id"] and letter["event_id"] not in ids]
    undecodable = sum(letter["event_id"] is None for letter in letters)
    return [Row("poison", "poison events dead-lettered by every receiving queue", len(wanted), len(wanted & seen),
                wanted <= seen),
            Row("poison", "undecodable messages dead-lettered", ">= 1" if poison_ids else 0, undecodable,
                undecodable >= 1 if poison_ids else True),
            Row("all", "real events dead-lettered", 0, len(others), not others)]


def reconcile(platform, world, log, phases, poison_ids):
    rows = per_phase(platform, log, phases)
    rows.append(Row("all", "client errors of its own (must be none)", 0, "; ".join(log.crashes[:3]) or 0,
                    not log.crashes))
    consumed, missing = events_consumed(platform)
    rows += consumed + notifications(platform, log) + capacity(platform, world) + ballots(platform, log, world)
    rows += dead_letters(platform, poison_ids)
    return rows, missing


def table(rows):
    """The rows as a Markdown table."""
    lines = ["| fault | check | expected | found | ok |", "|---|---|---|---|---|"]
    for row in rows:
        mark = row.ok if row.ok == "info" else ("yes" if row.ok else "**NO**")
        lines.append(f"| {row.fault} | {row.check} | {row.expected} | {row.found} | {mark} |")
    return "\n".join(lines)


def failed(rows):
    return [row for row in rows if row.ok is not True and row.ok != "info"]
