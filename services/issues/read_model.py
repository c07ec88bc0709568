"""The case read model on the store: buckets read by `_id`, each version written by the one who claimed it.

FerretDB reads by `_id` only quickly, and an update is not atomic, so a bucket that many
cases share is versioned: a writer reads version n, inserts the claim `<bucket>:<n+1>`
(a unique insert: of two writers one wins, the other reloads and tries again), then
replaces the bucket with version n+1. The claim carries the row, so a claim whose writer
died is finished by the next writer that finds it stale.
"""
import logging
import random
import time
from datetime import datetime, timedelta, timezone

from nameko.extensions import DependencyProvider
from pymongo.errors import DuplicateKeyError

from services.common.store import Store
from services.issues import case_rows
from services.issues.models import BucketClaim, CaseBucket, CaseCommunity

log = logging.getLogger(__name__)
ATTEMPTS = 12
STALE_CLAIM = timedelta(seconds=30)
REBUILD = "*rebuild*"  # the issue id of a rebuilt bucket's claim


def utcnow():
    return datetime.now(timezone.utc)


class CaseRowStore:
    """Read and keep the rows of cases in their buckets."""

    def __init__(self):
        self.buckets = CaseBucket._get_collection()
        self.claims = BucketClaim._get_collection()
        self.communities = CaseCommunity._get_collection()

    def refresh(self, case):
        """Write the row of a case (a dict as stored) after a write of the case."""
        row = case_rows.row_of(case)
        self.change(case["community_id"], case["created_at"], row["id"], lambda old: case_rows.moved(old, row))

    def rate(self, case, account_id, round_, score):
        """Add an account's latest score to the row of the case."""
        def change(old):
            return case_rows.rated(old or case_rows.row_of(case), account_id, round_, score)
        self.change(case["community_id"], case["created_at"], str(case.get("id") or case.get("_id")), change)

    def change(self, community_id, created_at, issue_id, change):
        """Apply `change(old row) -> new row or None` to the case's row, as the next version of its bucket."""
        quarter = case_rows.quarter_of(created_at)
        bid = case_rows.bucket_id(community_id, quarter)
        for attempt in range(ATTEMPTS):
            doc = self.buckets.find_one({"_id": bid})
            version, rows = (doc["version"], case_rows.unpack(doc["rows"])) if doc else (0, {})
            row = change(rows.get(issue_id))
            if row is None:
                return
            if self._claim(bid, version + 1, issue_id, row):
                self._write(bid, community_id, quarter, version + 1, {**rows, issue_id: row})
                return
            self._finish_stale(bid, version + 1, community_id, quarter, rows)
            time.sleep(random.uniform(0, 0.02 * (attempt + 1)))
        log.warning("case row not written: its bucket kept changing", extra={"issue_id": issue_id, "bucket": bid})

    def _claim(self, bid, version, issue_id, row):
        try:
            self.claims.insert_one({"_id": f"{bid}:{version}", "bucket_id": bid, "issue_id": issue_id, "row": row,
                                    "at": utcnow()})
            return True
        except DuplicateKeyError:
            return False

    def _write(self, bid, community_id, quarter, version, rows):
        self.buckets.replace_one({"_id": bid}, {"_id": bid, "community_id": community_id, "quarter": quarter,
                                                "version": version, "rows": case_rows.pack(rows),
                                                "updated_at": utcnow()}, upsert=True)
        if version == 1:
            self.note_quarter(community_id, quarter)

    def _finish_stale(self, bid, version, community_id, quarter, rows):
        """Write version `version` from its claim if the claim is old and the bucket still lacks it."""
        claim = self.claims.find_one({"_id": f"{bid}:{version}"})
        if claim is None or utcnow() - claim["at"].replace(tzinfo=timezone.utc) < STALE_CLAIM:
            return
        current = self.buckets.find_one({"_id": bid}, {"version": 1})
        if (current["version"] if current else 0) == version - 1:
            log.warning("finishing a dead writer's bucket version", extra={"bucket": bid, "version": version})
            extra = {} if claim["issue_id"] == REBUILD else {claim["issue_id"]: claim["row"]}
            self._write(bid, community_id, quarter, version, {**rows, **extra})

    def note_quarter(self, community_id, quarter):
        """Record the community's first quarter (an earlier one replaces it: only a rebuild writes old cases)."""
        try:
            self.communities.insert_one({"_id": community_id, "first_quarter": quarter})
        except DuplicateKeyError:
            self.communities.update_one({"_id": community_id, "first_quarter": {"$gt": quarter}},
                                        {"$set": {"first_quarter": quarter}})

    def rows(self, community_id, quarter):
        doc = self.buckets.find_one({"_id": case_rows.bucket_id(community_id, quarter)})
        return case_rows.unpack(doc["rows"]) if doc else {}

    def quarters(self, community_id, since=None, until=None):
        """The community's quarters from `until` (or now) back to `since` (or its first), newest first."""
        first = self.communities.find_one({"_id": community_id})
        if first is None:
            return []
        oldest = max(first["first_quarter"], case_rows.quarter_of(since)) if since else first["first_quarter"]
        return list(case_rows.quarters_back(case_rows.quarter_of(until or utcnow()), oldest))

    def walk(self, community_id, before=None):
        """Each bucket's rows, newest quarter first, from the quarter of `before` on."""
        for quarter in self.quarters(community_id, until=before):
            yield self.rows(community_id, quarter)

    def replace(self, community_id, quarter, rows):
        """Write a rebuilt bucket as its next version."""
        bid = case_rows.bucket_id(community_id, quarter)
        for _ in range(ATTEMPTS):
            doc = self.buckets.find_one({"_id": bid}, {"version": 1})
            version = (doc["version"] if doc else 0) + 1
            if self._claim(bid, version, REBUILD, {}):
                self._write(bid, community_id, quarter, version, rows)
                self.note_quarter(community_id, quarter)
                return
        raise RuntimeError(f"bucket {bid} kept changing during the rebuild")


class CaseRows(DependencyProvider):
    """The read model of case lists and rates, on the service's own connection."""

    store = Store()

    def setup(self):
        self.store.db

    def get_dependency(self, worker_ctx):
        return CaseRowStore()
