"""Arbitration by unique inserts: the only conflict arbiter FerretDB and MongoDB both make atomic.

A seat of time is one document `<resource>:<seat>:<slot>` in `slot_claims`; a coupon's
quota seat is `<coupon>:<n>` in `coupon_seats`; a resident's share of a limit is
`<scope>:<n>` in `limits`. Whoever inserts first owns it; everyone else gets a duplicate
key. A multi-document claim is all or nothing: on the first refusal, the documents this
caller already inserted are deleted again, by their `_id`s.
"""
import random
from datetime import datetime, timezone

from pymongo.errors import DuplicateKeyError

from services.bookings import domain


class Taken(Exception):
    """Someone else holds what was asked for; `what` says which part."""

    def __init__(self, what):
        super().__init__(what)
        self.what = what


class ClaimBook:
    """Inserts and releases claim documents in one collection."""

    def __init__(self, collection):
        self.collection = collection

    def take(self, claim_id, owner, **facts):
        """True if this owner now holds `claim_id`."""
        try:
            self.collection.insert_one({"_id": claim_id, "owner": owner,
                                        "at": datetime.now(timezone.utc), **facts})
            return True
        except DuplicateKeyError:
            return False

    def take_any(self, candidates, owner, count=1, **facts):
        """Take `count` of `candidates` (tried in a random rotation); raise Taken, holding none, if too few."""
        got = []
        start = random.randrange(len(candidates)) if candidates else 0
        for claim_id in candidates[start:] + candidates[:start]:
            if len(got) == count:
                break
            if self.take(claim_id, owner, **facts):
                got.append(claim_id)
        if len(got) < count:
            self.release(got)
            raise Taken(candidates[0] if candidates else "nothing")
        return got

    def release(self, claim_ids):
        for claim_id in claim_ids:
            self.collection.delete_one({"_id": claim_id})

    def owner_of(self, claim_id):
        """Who holds `claim_id`, or None; read by `_id` alone."""
        found = self.collection.find_one({"_id": claim_id}, {"owner": 1})
        return found and found["owner"]

    def held_by(self, owner):
        return [d["_id"] for d in self.collection.find({"owner": owner}, {"_id": 1})]


def seat_claims(resource_id, seats, slot):
    return [f"{resource_id}:{seat}:{domain.slot_key(slot)}" for seat in seats]


def claim_slots(book, resource_id, seats, slot_list, quantity, owner):
    """Any `quantity` of `seats` in every slot; all or nothing."""
    held = []
    try:
        for slot in slot_list:
            held += book.take_any(seat_claims(resource_id, seats, slot), owner, quantity,
                                  resource_id=resource_id, slot=slot)
    except BaseException:
        book.release(held)
        raise
    return held


def claim_one_seat_throughout(book, resource_id, seats, slot_list, owner):
    """One seat (a volunteer) for every slot; the first seat that is free throughout wins."""
    for seat in seats:
        held = []
        try:
            for slot in slot_list:
                [claim_id] = seat_claims(resource_id, [seat], slot)
                if not book.take(claim_id, owner, resource_id=resource_id, slot=slot):
                    raise Taken(claim_id)
                held.append(claim_id)
            return seat, held
        except Taken:
            book.release(held)
        except BaseException:
            book.release(held)
            raise
    raise Taken(resource_id)
