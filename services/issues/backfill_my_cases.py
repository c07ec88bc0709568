"""Fill each account's "my cases" list (`followed_cases`) from the cases' followers.

    .venv/bin/python -m services.issues.backfill_my_cases [--community ID ...]

For cases followed before the list existed (it is kept by the writes that add followers,
since 2026-11): run it once after upgrading, or after a restore. Reads every case once (a
full scan). An account's list keeps what it holds, in its order; the cases missing from it go
before them, oldest reported first, as if followed when reported. Each list is swapped by a
compare-and-set on its whole content, retried on the newer list: on MongoDB a case followed
meanwhile is kept. FerretDB 1.24 rewrites a document without arbitration (../shared/FERRETDB.md),
so there, as for `rebuild_rows`, run it while the service is quiet. Running it again changes nothing.
"""
import argparse

from services.common.store import connect
from services.issues.models import FollowedCases, Issue

ATTEMPTS = 5


def followed_by(community_ids=None):
    """`{account: [issue ids]}` as the cases' followers say, oldest reported first."""
    query = {"community_id__in": list(community_ids)} if community_ids else {}
    cases = sorted(Issue.objects(**query).only("id", "created_at", "follower_ids").as_pymongo(),
                   key=lambda case: (case["created_at"], str(case["_id"])))
    lists = {}
    for case in cases:
        for account_id in case.get("follower_ids", []):
            lists.setdefault(account_id, []).append(str(case["_id"]))
    return lists


def merged(kept, found):
    """The cases missing from `kept` first, in their order, then `kept` as it is."""
    held = set(kept)
    missing = [issue_id for issue_id in dict.fromkeys(found) if issue_id not in held]
    return missing + list(kept)


def fill(account_id, found):
    """Add the account's missing cases to its list: True if it changed."""
    for _ in range(ATTEMPTS):
        current = FollowedCases.objects(id=account_id).first()
        kept = current.issue_ids if current else []
        wanted = merged(kept, found)
        if wanted == kept:
            return False
        if current is None:
            if FollowedCases.objects(id=account_id).update_one(
                    set_on_insert__issue_ids=wanted, upsert=True, full_result=True).upserted_id is not None:
                return True
        elif FollowedCases.objects(id=account_id, issue_ids=kept).update_one(set__issue_ids=wanted):
            return True
    raise RuntimeError(f"the cases followed by {account_id} kept changing during the backfill")


def backfill(community_ids=None):
    """Fill every account's list; how many lists changed."""
    return sum(fill(account_id, found) for account_id, found in followed_by(community_ids).items())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--community", action="append", help="only this community's cases (repeatable)")
    args = parser.parse_args()
    connect("issues")
    print(f"filled the case lists of {backfill(args.community)} accounts")


if __name__ == "__main__":
    main()
