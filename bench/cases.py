"""Case lists and the three rates with three years of a 2,000-household community.

    .venv/bin/python -m bench.cases [--cases 15000] [--calls 20] [--communities 1]

Starts the real issues service on a private vhost and database prefix of the running
broker and store, inserts `--cases` cases per community spread over three years (with
timelines, ratings and a few still open), builds the read model with the rebuild
command (`services.issues.rebuild_rows`), then times `list_issues` (first page, by
status, party, grid, overdue, paged) and `case_rates` (community total, by party, grid
and category, one month) over real RPC; with `--communities` > 1 also the town view
(rates by community across all of them). Prints one JSON line per call kind with
p50/p95/max in ms; docs/benchmarks.md records them.
"""
import argparse
import json
import os
import platform as host
import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone

from bson import ObjectId
from nameko.standalone.rpc import ClusterRpcProxy

from services.common import config
from services.common.store import connect
from services.issues import domain
from services.issues.rebuild_rows import rebuild
from tests.e2e.platform import Broker, Platform

COMMUNITY, YEARS, HOUSEHOLDS = "c-bench-0", 3, 2000
FINISHED = ["closed"] * 8 + ["resolved", "rejected", "merged"]
OPEN_STATES = ["submitted", "accepted", "assigned", "in_progress"]


def case(rng, now, n, community=COMMUNITY):
    """One case with the facts and a timeline like a real one's."""
    created = now - timedelta(days=rng.uniform(0, 365 * YEARS))
    category = rng.choice(domain.CATEGORIES)
    limits = domain.limits_for({}, category)
    status = rng.choice(OPEN_STATES) if created > now - timedelta(days=10) else rng.choice(FINISHED)
    responded = created + timedelta(hours=rng.uniform(0.5, 40)) if status != "submitted" else None
    resolved = created + timedelta(hours=rng.uniform(4, 200)) if status in ("closed", "resolved") else None
    steps = ["reported", "accepted", "assigned", "started", "resolved", "closed"][:rng.randint(1, 6)]
    grid = f"g{rng.randint(1, 6)}"
    return {"_id": ObjectId(), "community_id": community, "reporter_id": f"acc-{rng.randint(1, HOUSEHOLDS)}",
            "follower_ids": [f"acc-{n % HOUSEHOLDS}"], "category": category, "title": "楼道里停满电瓶车",
            "description": "3号楼1单元楼道被堵，消防通道不通" * 3,
            "location": {"building_id": f"b{rng.randint(1, 30)}", "unit_id": None, "grid_id": grid},
            "status": status, "created_at": created, "submission_key": f"bench-{community}-{n}",
            "respond_by": domain.respond_by(created, limits), "resolve_by": domain.resolve_by(created, limits),
            "responded_at": responded, "resolved_at": resolved, "party": rng.choice(domain.PARTIES),
            "handler_group": "rc-duty", "reopen_count": 0, "unreasonable": rng.random() < 0.02, "outbox": [],
            "timeline": [{"at": created, "action": a, "actor_id": "sw-1", "status": "x", "note": None} for a in steps]}


def seed(db, count, now, communities=1):
    rng = random.Random(278)
    cases = [case(rng, now, n, f"c-bench-{k}") for k in range(communities) for n in range(count)]
    for start in range(0, len(cases), 1000):
        db.issues.insert_many(cases[start:start + 1000])
    ratings = [{"_id": f"{c['_id']}:{c['reporter_id']}:0", "issue_id": str(c["_id"]), "community_id": c["community_id"],
                "account_id": c["reporter_id"], "round": 0, "score": rng.choice([5, 5, 4, 4, 3, 2, 1]),
                "at": c["resolved_at"], "outbox": []} for c in cases if c["resolved_at"] and rng.random() < 0.6]
    for start in range(0, len(ratings), 1000):
        db.ratings.insert_many(ratings[start:start + 1000])
    return len(ratings)


def cpu_seconds(pid):
    """User + system CPU seconds a process has used (Linux /proc): what a call costs whatever the load."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed(calls, fn, pid):
    samples, cpu = [], cpu_seconds(pid)
    for _ in range(calls):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    cpu = (cpu_seconds(pid) - cpu) * 1000 / calls
    samples.sort()
    return {"p50_ms": round(statistics.median(samples), 1),
            "p95_ms": round(samples[max(0, int(len(samples) * 0.95) - 1)], 1), "max_ms": round(samples[-1], 1),
            "service_cpu_ms_per_call": round(cpu, 1)}


def scenarios(issues, now, communities):
    year_ago = (now - timedelta(days=365)).isoformat()
    month_ago = (now - timedelta(days=400)).isoformat(), (now - timedelta(days=370)).isoformat()
    first_page = issues.list_issues({"community_id": COMMUNITY})
    town = [f"c-bench-{k}" for k in range(communities)]

    def listed(**query):
        return lambda: issues.list_issues({"community_id": COMMUNITY, **query})
    return {
        "floor: get_issue (one lookup by _id, for scale)": lambda: issues.get_issue(first_page[0]["id"]),
        "list_issues first page (50)": listed(),
        "list_issues status=in_progress": listed(status="in_progress"),
        "list_issues next page (before)": listed(before=first_page[-1]["created_at"]),
        "list_issues page 20 (before, 2 years back)": listed(before=(now - timedelta(days=730)).isoformat()),
        "list_issues party=oc, grid=g3, closed": listed(party="oc", grid_id="g3", status="closed"),
        "list_issues overdue": listed(overdue=True),
        "list_issues status=rejected, category=noise": listed(status="rejected", category="noise"),
        "case_rates by community, 3 years": lambda: issues.case_rates({"community_ids": [COMMUNITY]}),
        "case_rates by party, last year": lambda: issues.case_rates({"community_ids": [COMMUNITY], "by": "party",
                                                                     "since": year_ago}),
        "case_rates by grid, last year": lambda: issues.case_rates({"community_ids": [COMMUNITY], "by": "grid",
                                                                    "since": year_ago}),
        "case_rates by category, one month": lambda: issues.case_rates({
            "community_ids": [COMMUNITY], "by": "category", "since": month_ago[0], "until": month_ago[1]}),
        **({f"town view: case_rates by community, {communities} communities, 3 years": lambda: issues.case_rates(
            {"community_ids": town, "by": "community"})} if communities > 1 else {}),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=15000)
    parser.add_argument("--calls", type=int, default=20)
    parser.add_argument("--communities", type=int, default=1, help="more than 1 also times the town view")
    args = parser.parse_args()
    broker = Broker(config.amqp_uri(), os.environ.get("LINLI_RABBIT_MANAGEMENT", "http://guest:guest@127.0.0.1:15672"))
    broker.create()
    platform = Platform(tempfile.mkdtemp(prefix="bench-cases-"), broker, config.mongodb_uri())
    try:
        platform.run("-m", "services.common.topology")
        platform.start("issues", LINLI_LOG_LEVEL="WARNING", LINLI_OVERDUE_INTERVAL="3600")
        now = datetime.now(timezone.utc)
        rated = seed(platform.db("issues"), args.cases, now, args.communities)
        connect("issues", database=platform.prefix + "issues")
        started = time.perf_counter()
        buckets, rows = rebuild()
        print(json.dumps({"rebuild": {"buckets": buckets, "cases": rows, "seconds": round(time.perf_counter() - started)}}))
        with ClusterRpcProxy({"AMQP_URI": broker.uri}, timeout=300) as rpc:
            for name, call in scenarios(rpc.issues, now, args.communities).items():
                call()  # warm up
                print(json.dumps({"call": name, "cases": args.cases, "communities": args.communities,
                                  "ratings": rated, "calls": args.calls, **timed(args.calls, call, platform.processes["issues"].pid),
                                  "load": round(os.getloadavg()[0], 1), "host": host.node()},
                                 ensure_ascii=False), flush=True)
    finally:
        platform.stop_all()
        platform.drop_databases()
        broker.delete()


if __name__ == "__main__":
    main()
