"""Rebuild the case read model (`case_buckets`) from the cases and their ratings.

    .venv/bin/python -m services.issues.rebuild_rows [--community ID ...]

Reads every case once (a full scan, slow on FerretDB: run it after a restore, a
migration, or a suspected lost write), then writes each bucket as its next version.
Moves made while it runs are safe but may be undone for their bucket until their next
write; run it when the service is quiet.
"""
import argparse
import logging

from services.common.store import connect
from services.issues import case_rows
from services.issues.models import Issue, Rating
from services.issues.read_model import CaseRowStore

log = logging.getLogger(__name__)
SKIP = ("description", "photos", "outbox", "follower_ids", "submission_key")


def latest_scores(ratings):
    """Each case's latest round's score per account: `{issue_id: {account: [round, score]}}`."""
    latest = {}
    for r in ratings:
        scores = latest.setdefault(r["issue_id"], {})
        if r["account_id"] not in scores or scores[r["account_id"]][0] < r["round"]:
            scores[r["account_id"]] = [r["round"], r["score"]]
    return latest


def rebuilt(community_ids=None):
    """The buckets as the cases say they should be: `{(community, quarter): {issue_id: row}}`."""
    query = {"community_id__in": list(community_ids)} if community_ids else {}
    scores = latest_scores(Rating.objects(**query).only("issue_id", "account_id", "round", "score").as_pymongo())
    buckets = {}
    for case in Issue.objects(**query).exclude(*SKIP).as_pymongo():
        row = case_rows.row_of(case, scores.get(str(case["_id"])))
        buckets.setdefault((case["community_id"], case_rows.quarter_of(case["created_at"])), {})[row["id"]] = row
    return buckets


def rebuild(community_ids=None):
    """Write every rebuilt bucket; returns how many buckets and rows were written."""
    store, buckets = CaseRowStore(), rebuilt(community_ids)
    for (community_id, quarter), rows in sorted(buckets.items()):
        store.replace(community_id, quarter, rows)
    return len(buckets), sum(len(rows) for rows in buckets.values())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--community", action="append", help="only this community (repeatable)")
    args = parser.parse_args()
    connect("issues")
    written, rows = rebuild(args.community)
    print(f"rebuilt {written} buckets with {rows} cases")


if __name__ == "__main__":
    main()
