"""A report's two duplicate checks over 15,000 cases: "me too" (cases vs read model), and the submission key.

`python -m bench.load.duplicates`: a private database on the configured store, dropped after;
the cases are bench/cases.py's three years of one community.
"""
import os
import time
import uuid
from datetime import datetime, timezone

import pymongo

from bench.cases import COMMUNITY, seed
from services.common import config
from services.common.store import connect
from services.issues import domain
from services.issues.cases import open_rows
from services.issues.dependencies import IssueRepository
from services.issues.read_model import CaseRowStore
from services.issues.rebuild_rows import rebuild

CASES, ROUNDS = 15_000, 3
PLACE = {"building_id": "b7"}


def timed(read):
    samples, answer = [], None
    for _ in range(ROUNDS):
        started = time.perf_counter()
        answer = [c["id"] for c in domain.duplicate_candidates("noise", PLACE, read())]
        samples.append((time.perf_counter() - started) * 1000)
    return answer, round(min(samples)), round(max(samples))


def main():
    client, name = pymongo.MongoClient(config.mongodb_uri()), f"bench_dups_{uuid.uuid4().hex[:6]}"
    try:
        seed(client[name], CASES, datetime.now(timezone.utc))
        connect("issues", database=name)
        rebuild()
        by_store, *before = timed(lambda: IssueRepository().open_cases(COMMUNITY, "noise"))
        by_rows, *after = timed(lambda: open_rows(CaseRowStore().walk(
            COMMUNITY, filters={"category": "noise"}, now=datetime.now(timezone.utc))))
        assert by_store == by_rows, "the read model must offer what the store holds"
        print(f"me-too check over {CASES} cases ({len(by_rows)} offered): cases collection {before[0]}-{before[1]} ms, "
              f"read model {after[0]}-{after[1]} ms (min-max of {ROUNDS}); load {os.getloadavg()[0]:.1f}")
        started = time.perf_counter()
        IssueRepository().submitted(uuid.uuid4().hex)
        print(f"the submission-key look-up a report no longer makes: {(time.perf_counter() - started) * 1000:.0f} ms; "
              f"load {os.getloadavg()[0]:.1f}")
    finally:
        client.drop_database(name)


if __name__ == "__main__":
    main()
