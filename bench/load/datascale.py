"""Data scale of the other lists: three years of one 2,000-household community, timed through the gateway.

    .venv/bin/python -m bench.load.datascale [--bookings 20000] [--shifts 5000] [--notifications 100000]
                                             [--calls 5] [--no-write]

Starts the whole platform on a private vhost and database prefix, seeds the demo
community, inserts the history straight into each service's own database (documents
shaped like its models'), then times every non-case list endpoint over HTTP as a
resident or a social worker would call it. The issue asks for 600,000 notifications;
on FerretDB's SQLite handler an inbox read scans them all, so the default is 100,000
and the report extrapolates from the measured cost per stored item.
"""
import argparse
import json
import tempfile
import time
from datetime import datetime, timedelta, timezone

from bench.load import machine, report, storecalls
from bench.load.figures import percentiles, table, verdict
from bench.load.history import fill
from bench.load.seeding import Api, community, resident
from bench.load.stack import LoadPlatform, private_broker
from gateway import demo
from services.common import config

TARGET_MS = 200


def endpoints(cid):
    """(name, path, who) of every non-case list a front end reads."""
    year_ago = (datetime.now(timezone.utc) - timedelta(days=365)).isoformat().replace("+00:00", "Z")
    c = f"/api/v1/communities/{cid}"
    return [("inbox, first page (resident)", "/api/v1/me/notifications?limit=20", "resident", "notifications"),
            ("bookings, own (resident)", f"{c}/bookings", "resident", "bookings"),
            ("bookings, all (staff)", f"{c}/bookings", "staff", "bookings"),
            ("shifts from now on", f"{c}/shifts", "resident", "volunteers"),
            ("shifts of the last year", f"{c}/shifts?since={year_ago}", "resident", "volunteers"),
            ("shift gaps (staff)", f"{c}/shift-gaps", "staff", "volunteers"),
            ("deliveries, latest 50 (staff)", f"{c}/deliveries?limit=50", "staff", "notifications"),
            ("volunteers (staff)", f"{c}/volunteers", "staff", "volunteers"),
            ("resources", f"{c}/resources", "resident", "bookings"),
            ("votes", f"{c}/votes", "resident", "issues")]


def timed(api, path, token, calls):
    """p50/p95/max ms of `calls` GETs after one warm-up, and the size of the last answer."""
    api.call("GET", path, token)
    samples, size = [], 0
    for _ in range(calls):
        started = time.perf_counter()
        answer = api.call("GET", path, token)
        samples.append((time.perf_counter() - started) * 1000)
        size = len(answer.get("items", answer)) if isinstance(answer, dict) else len(answer)
    return {**percentiles(samples), "items": size}


def traced(folder, run, calls, service):
    """Run the timing; add the answering service's store calls meanwhile, per request, slowest first.

    At least one call per request: the services' timers also query now and then.
    """
    time.sleep(storecalls.DUMP_SECONDS + 0.5)
    before = storecalls.snapshot(folder)
    figures = run()
    time.sleep(storecalls.DUMP_SECONDS + 0.5)
    found = [row for row in storecalls.busiest(before, storecalls.snapshot(folder), top=40)
             if row[0] == service and row[2] >= calls][:3]
    store = "; ".join(f"`{shape}` ({kind}) ×{n / calls:g}, {ms / n:.0f} ms" for _, shape, n, ms, _, kind in found)
    return {**figures, "store": store}


def measure(args, workdir, watch):
    broker = private_broker()
    platform = LoadPlatform(workdir, broker, config.mongodb_uri())
    platform.extra_env["LINLI_RPC_TIMEOUT"] = "600"
    try:
        platform.start_all()
        api = Api(platform.url, timeout=900)
        directory = community(api)
        staff = api.login(demo.login_name("social_worker"), demo.PASSWORD)
        admin = api.login(demo.login_name("community_admin"), demo.PASSWORD)
        me = resident(api, directory["id"], directory["units"][0], admin)
        with platform.rpc() as rpc:
            rpc.bookings.seed_demo(directory["id"])
        made = fill(platform, directory, me["account_id"], args)
        watch.sample()
        say("filled", **made)
        tokens = {"resident": me["token"], "staff": staff}
        rows = {}
        for name, path, who, service in endpoints(directory["id"]):
            rows[name] = traced(platform.trace, lambda: timed(api, path, tokens[who], args.calls), args.calls + 1,
                                service)
            watch.sample()
            say("list", endpoint=name, **rows[name])
        return made, rows
    finally:
        platform.stop_all()
        platform.drop_databases()
        broker.delete()


def say(kind, **figures):
    print(json.dumps({"kind": kind, **figures}, ensure_ascii=False), flush=True)


def section(made, rows, args, m):
    lines = [(name, r["items"], r["p50"], r["p95"], r["max"], verdict(r["p95"], TARGET_MS), r["store"])
             for name, r in rows.items()]
    return "\n\n".join([
        "## Data scale: other lists (`bench/load/datascale.py`)",
        report.machine_line(m) + " Command: `make bench` (alone: `.venv/bin/python -m bench.load.datascale`).",
        f"Stored for one community before timing: {made['bookings']:,} bookings, {made['shifts']:,} shifts with "
        f"{made['seats']:,} seats taken, {made['notifications']:,} inbox items and {made['deliveries']:,} outside "
        f"deliveries (inserted at {made['per_second']:,} documents/s), next to the demo community. Each list "
        f"through the gateway over HTTP, {args.calls} calls after one warm-up; target p95 ≤ {TARGET_MS} ms.",
        table(["list", "items answered", "p50 ms", "p95 ms", "max ms", f"≤ {TARGET_MS} ms",
               "store calls per request (kind; mean time each)"], lines),
        extrapolation(made, rows), WHY])


WHY = """The store-call column counts the answering service's calls while its list was timed, so its
timers show too (`find deliveries {due_at$lte,status}` is the notifications courier, `find signups
{_id}` the volunteers' reminder sweep). Every list over 200 ms is a whole-collection scan on
FerretDB's SQLite handler, which sends only a filter of exactly `{_id: …}` to SQL: the inbox and a
resident's bookings scan everyone's; the staff bookings list also reads all 20,000 bookings out of
the store (20 `getMore` batches) before the first page is cut; shifts scan shifts, seats and
sign-ups; the deliveries list scans the inbox again for read receipts (`_id $in` is not sent to
SQL either). What would close it: read models keyed by `_id`, kept by the owning service as it
writes (an inbox page document per account and month, a bookings document per account and per
resource-day, a shifts document per community and week with its seat counts), and a limit pushed
into the staff bookings query; or FerretDB's PostgreSQL handler, which pushes top-level equality
filters into SQL (`account_id`, `community_id`); on MongoDB 7 the indexes declared in the models
make each of these an index range read. The small lists (volunteers, resources, votes) meet the
target because their collections are small, not because they avoid the scan."""


def extrapolation(made, rows):
    inbox = rows["inbox, first page (resident)"]["p50"]
    per_item = inbox / made["notifications"] if made["notifications"] else 0
    lowered = (f"Notifications were lowered from the issue's 600,000 to {made['notifications']:,}: every inbox "
               f"read scans them all, and the run must stay short. " if made["notifications"] < 600000 else "")
    return lowered + (f"The inbox read costs about {per_item * 1000:.2f} ms per thousand stored inbox items here (whatever "
            f"the account: the filter `account_id` is not sent to SQL), so the issue's 600,000 items would "
            f"answer in about {per_item * 600000 / 1000:.0f} s.")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bookings", type=int, default=20000)
    parser.add_argument("--shifts", type=int, default=5000)
    parser.add_argument("--notifications", type=int, default=100000)
    parser.add_argument("--calls", type=int, default=5)
    parser.add_argument("--no-write", dest="write", action="store_false")
    args = parser.parse_args()
    watch = machine.Watch()
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as workdir:
        made, rows = measure(args, workdir, watch)
    text = section(made, rows, args, watch.summary()) + "\n"
    print(text)
    if args.write:
        report.write_sections(text)


if __name__ == "__main__":
    main()
