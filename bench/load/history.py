"""Three years of one community's bookings, shifts and notifications, inserted straight into each
service's own database in the shape of its models (bench only: the services never share a store)."""
import random
import time
from datetime import datetime, timedelta, timezone

from bson import ObjectId

YEARS, HOUSEHOLDS, BATCH = 3, 2000, 1000
KINDS = ["issue_reported.receipt", "issue_moved.reporter", "announcement", "booking_confirmed.booker",
         "shift_reminder.volunteer", "vote_opened.owner"]


def insert(collection, documents):
    for start in range(0, len(documents), BATCH):
        collection.insert_many(documents[start:start + BATCH], ordered=False)
    return len(documents)


def past(rng, now):
    return now - timedelta(days=rng.uniform(0, 365 * YEARS))


def account(rng, me):
    """Most rows belong to the 2,000 households; about one in 2,000 to the resident who reads."""
    return me if rng.random() < 1 / HOUSEHOLDS else f"acc-{rng.randint(1, HOUSEHOLDS)}"


def bookings(rng, now, cid, resources, me, count):
    rows = []
    for n in range(count):
        resource, starts = rng.choice(resources), past(rng, now) + timedelta(days=30)
        rows.append({"_id": ObjectId(), "community_id": cid, "resource_id": str(resource["_id"]),
                     "resource_name": resource["name"], "resource_kind": resource["kind"],
                     "account_id": account(rng, me), "starts_at": starts, "ends_at": starts + timedelta(minutes=30),
                     "quantity": 1, "title": "相约星期二", "status": settled(rng, resource, starts, now),
                     "claims": [], "check_in_code": f"{n:06d}", "created_at": starts - timedelta(days=2),
                     "history": [], "outbox": []})
    return rows


def settled(rng, resource, starts, now):
    """A coming booking is confirmed; a past one ended as it does (so no timer has work to do)."""
    if rng.random() < 0.15:
        return "cancelled"
    if starts > now:
        return "confirmed"
    return "returned" if resource["kind"] == "equipment" else "checked_in"


def shifts(rng, now, cid, count):
    rows, seats, signups = [], [], []
    for n in range(count):
        starts = now + timedelta(days=30) - timedelta(days=(365 * YEARS + 30) * n / count)
        shift_id = f"bench-shift-{n}"
        rows.append({"_id": shift_id, "activity_id": f"bench-activity-{n // 20}", "community_id": cid,
                     "activity_kind": "patrol", "title": "非机动车巩固值守", "place": "3号楼楼道", "starts_at": starts,
                     "ends_at": starts + timedelta(hours=2), "needs": {"general": 4}, "lead_id": None,
                     "team_id": None, "outbox": []})
        for s in range(rng.randint(1, 4)):
            seats.append({"_id": f"{shift_id}:general:{s}", "shift_id": shift_id, "skill": "general",
                          "volunteer_id": f"acc-{s + 4 * (n % 75)}", "signup_id": f"bench-signup-{n}-{s}",
                          "taken_at": starts - timedelta(days=3)})
            signups.append({"_id": f"bench-signup-{n}-{s}", "shift_id": shift_id, "activity_id": rows[-1]["activity_id"],
                            "community_id": cid, "volunteer_id": seats[-1]["volunteer_id"], "skill": "general",
                            "seat_id": seats[-1]["_id"], "starts_at": starts, "ends_at": starts + timedelta(hours=2),
                            "signed_up_at": starts - timedelta(days=3), "outbox": []})
    return rows, seats, signups


def notifications(rng, now, cid, me, count):
    items, deliveries = [], []
    for _ in range(count):
        at, owner, event = past(rng, now), account(rng, me), str(ObjectId())
        kind = rng.choice(KINDS)
        items.append({"_id": f"{event}:{owner}", "account_id": owner, "community_id": cid, "kind": kind,
                      "title": "您的报事已受理：楼道里停满电瓶车", "body": "我们已收到您的报事，将尽快处理。",
                      "subject": {"type": "issue", "id": str(ObjectId())}, "event_id": event, "created_at": at,
                      "read_at": at + timedelta(hours=3) if rng.random() < 0.7 else None})
        if rng.random() < 0.1:
            deliveries.append({"_id": f"{event}:{owner}:email", "account_id": owner, "community_id": cid,
                               "channel": "email", "address": f"{owner}@example.cn", "title": "通知",
                               "body": "停水通知", "subject": {}, "event_id": event, "status": "sent",
                               "attempts": 1, "due_at": at, "sent_at": at, "created_at": at})
    return items, deliveries


def fill(platform, directory, me, args):
    """Insert the history; return how much and how fast."""
    rng, now, cid = random.Random(278), datetime.now(timezone.utc), directory["id"]
    started, made = time.perf_counter(), {}
    resources = list(platform.db("bookings").resources.find({"community_id": cid}))
    made["bookings"] = insert(platform.db("bookings").bookings, bookings(rng, now, cid, resources, me, args.bookings))
    shift_rows, seat_rows, signup_rows = shifts(rng, now, cid, args.shifts)
    made["shifts"] = insert(platform.db("volunteers").shifts, shift_rows)
    made["seats"] = insert(platform.db("volunteers").seats, seat_rows)
    insert(platform.db("volunteers").signups, signup_rows)
    items, deliveries = notifications(rng, now, cid, me, args.notifications)
    made["notifications"] = insert(platform.db("notifications").inbox, items)
    made["deliveries"] = insert(platform.db("notifications").deliveries, deliveries)
    total = sum(made.values()) + len(signup_rows)
    made["per_second"] = round(total / (time.perf_counter() - started))
    return made
