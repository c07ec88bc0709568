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

import eventlet
from nameko.extensions import DependencyProvider
from pymongo.errors import DuplicateKeyError

from services.common.store import Store
from services.issues import case_facts, case_rows
from services.issues.models import BucketClaim, BucketFacts, BucketKinds, BucketSums, CaseBucket, CaseCommunity

log = logging.getLogger(__name__)
ATTEMPTS = 12
PARALLEL = 8  # bucket reads in flight at once: each waits mostly on the store
SCAN_FROM = 2  # from this many buckets on, one query reads them in one pass: FerretDB 1.24's `_id` lookups scan too
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
        self.facts_of = BucketFacts._get_collection()
        self.sums_of = BucketSums._get_collection()
        self.kinds_of = BucketKinds._get_collection()

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
            version, rows = (doc["version"], case_rows.unpack_rows(doc["rows"])) if doc else (0, {})
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
                                                "version": version, "rows": case_rows.pack_rows(rows),
                                                "updated_at": utcnow()}, upsert=True)
        self._write_facts(bid, version, [case_facts.fact_of(r) for r in rows.values()])
        if version == 1:
            self.note_quarter(community_id, quarter)

    def _write_facts(self, bid, version, facts):
        """Replace the bucket's facts, kinds and sums unless a later version's are there.

        (Then the filter misses and the upsert's insert fails.) Each is a small collection of its
        own, because FerretDB's lookups read a collection's documents up to the one they find.
        """
        sums = {name: case_rows.pack(value) for name, value in case_facts.summary(facts).items()}
        self._replace_newer(self.facts_of, bid, version, {"facts": case_rows.pack(facts)})
        self._replace_newer(self.kinds_of, bid, version, {"kinds": sums.pop("kinds")})
        self._replace_newer(self.sums_of, bid, version, sums)

    @staticmethod
    def _replace_newer(collection, bid, version, fields):
        try:
            collection.replace_one({"_id": bid, "version": {"$lt": version}}, {"_id": bid, "version": version, **fields},
                                   upsert=True)
        except DuplicateKeyError:
            pass

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
        """The bucket's rows newest first, each parsed when reached."""
        doc = self.buckets.find_one({"_id": case_rows.bucket_id(community_id, quarter)}, {"rows": 1})
        return case_rows.lines(doc["rows"] if doc else None)

    def facts(self, community_id, quarter):
        """The bucket's cases as `case_facts` lists: all the rates read, kept apart so lists never decode them."""
        doc = self.facts_of.find_one({"_id": case_rows.bucket_id(community_id, quarter)})
        return case_rows.unpack(doc["facts"]) if doc else []

    def quarters(self, community_id, since=None, until=None):
        """The community's quarters from `until` (or now) back to `since` (or its first), newest first."""
        first = self.communities.find_one({"_id": community_id})
        if first is None:
            return []
        oldest = max(first["first_quarter"], case_rows.quarter_of(since)) if since else first["first_quarter"]
        return list(case_rows.quarters_back(case_rows.quarter_of(until or utcnow()), oldest))

    def bucket_keys(self, community_ids, since=None, until=None):
        """`[(community, quarter)]` of every bucket of the communities in the period, their firsts read side by side."""
        pool = eventlet.GreenPool(PARALLEL)
        quarters = pool.imap(lambda community_id: self.quarters(community_id, since, until), community_ids)
        return [(community_id, quarter) for community_id, mine in zip(community_ids, quarters) for quarter in mine]

    def many_facts(self, community_quarters):
        """The facts of many buckets, in order."""
        return [case_rows.unpack(doc["facts"]) if doc else [] for doc in self.many_docs(self.facts_of,
                                                                                         community_quarters)]

    def rate_parts(self, community_quarters, by, since=None, until=None):
        """`(facts, tallies)` the rates of these buckets add up: whole quarters' tallies, the rest as facts.

        A quarter wholly inside [since, until) gives its settled cases' tallies and its open
        cases' facts; a quarter at the period's edge (or stored before summaries) its facts.
        """
        whole = [key for key in community_quarters if case_rows.within(key[1], since, until)]
        partial = [key for key in community_quarters if not case_rows.within(key[1], since, until)]
        facts, tallies = [], []
        for key, doc in zip(whole, self.many_docs(self.sums_of, whole, {f"tally_{by}": 1, "loose": 1})):
            if doc is None or f"tally_{by}" not in doc:
                partial.append(key)
                continue
            tallies.append(case_rows.unpack(doc[f"tally_{by}"]))
            facts += case_rows.unpack(doc["loose"])
        for bucket in self.many_facts(partial):
            facts += bucket
        return facts, tallies

    @staticmethod
    def many_docs(collection, community_quarters, fields=None):
        """The documents of many buckets in a collection (only `fields`), in order, None where missing.

        One bucket is looked up by `_id`; more are read in one query: FerretDB 1.24 on SQLite
        reads a collection's documents up to the one it finds even for `{_id: v}` (its SQL does
        not match its own `_id` index), so one pass beats a lookup per bucket.
        """
        wanted = [case_rows.bucket_id(*key) for key in community_quarters]
        if len(wanted) < SCAN_FROM:
            return [collection.find_one({"_id": bid}, fields) for bid in wanted]
        found = {doc["_id"]: doc for doc in collection.find({"_id": {"$in": wanted}}, fields)}
        return [found.get(bid) for bid in wanted]

    def may_match(self, group, filters, before, now, edge):
        """For each bucket of the group: False if it surely holds no case the filters pass (by its kinds or facts)."""
        by_kinds = [key for key in group if key != edge and filters.get("overdue") is None]
        kinds = dict(zip(by_kinds, self.many_docs(self.kinds_of, by_kinds)))
        by_facts = [key for key in group if kinds.get(key) is None]
        facts = dict(zip(by_facts, self.many_facts(by_facts)))
        return [case_facts.any_match(facts[key], filters, before, now) if key in facts
                else case_facts.kinds_match(case_rows.unpack(kinds[key]["kinds"]), filters) for key in group]

    def many(self, community_quarters, read=None, needles=()):
        """The rows (or what `read` reads) of many buckets, `[(community, quarter)]`, in order."""
        if read is None:
            return [case_rows.lines(doc["rows"] if doc else None, needles)
                    for doc in self.many_docs(self.buckets, community_quarters, {"rows": 1})]
        return eventlet.GreenPool(PARALLEL).starmap(read, community_quarters)

    def walk(self, community_id, before=None, filters=None, now=None):
        """Each bucket's rows, newest quarter first, from the quarter of `before` on: the first alone, then in fours.

        With filters, each bucket's kinds (or at the cursor's quarter, and for `overdue`, its
        facts) are read first and buckets without a match are skipped unread; a page that
        fills early reads no older group at all.
        """
        quarters = [(community_id, quarter) for quarter in self.quarters(community_id, until=before)]
        if not quarters:  # a cursor older than the community's first case, or a community without cases
            return
        filtered = filters and any(v is not None for v in filters.values())
        for start, end in zip([0, 1, *range(5, len(quarters), 4)], [1, *range(5, len(quarters) + 4, 4)]):
            group = quarters[start:end]
            if filtered:
                edge = quarters[0] if before is not None else None
                group = [q for q, match in zip(group, self.may_match(group, filters, before, now, edge)) if match]
            yield from self.many(group, needles=case_rows.needles(filters or {}))

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
