"""Event-to-inbox latency: from a report's stored time to its receipt in the reporter's inbox."""
from tests.e2e.platform import wait_for

from bench.load.figures import percentiles

RECEIPT = "issue_reported.receipt"


def reported_since(platform, since):
    """{issue id: created_at} of the reports stored since `since` (a naive UTC datetime)."""
    rows = platform.db("issues").issues.find({"created_at": {"$gte": since}}, {"created_at": 1})
    return {str(row["_id"]): row["created_at"] for row in rows}


def receipts(platform, issue_ids):
    rows = platform.db("notifications").inbox.find({"kind": RECEIPT}, {"subject": 1, "created_at": 1})
    return {row["subject"]["id"]: row["created_at"] for row in rows if row["subject"]["id"] in issue_ids}


def event_to_inbox(platform, since, timeout=180):
    """p50/p95/p99/max ms from each report since `since` to its receipt, once every receipt is there."""
    issues = reported_since(platform, since)
    seen = {}

    def complete():
        seen.update(receipts(platform, issues))
        return len(seen) >= len(issues)
    try:
        wait_for(complete, timeout, "every report's receipt")
    except TimeoutError:
        pass  # reported below as missing receipts
    gaps = [(seen[i] - at).total_seconds() * 1000 for i, at in issues.items() if i in seen]
    return {"reports": len(issues), "missing": len(issues) - len(seen), **percentiles(gaps)}
