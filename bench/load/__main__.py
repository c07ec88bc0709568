"""Load benchmark: the platform under a realistic mix, against the bare stack's ceilings.

    .venv/bin/python -m bench.load [--quick] [--residents 200] [--seconds 30] [--no-profile] [--no-write]

One run on one machine: a private vhost and database prefix on the running broker and
store; the ceilings (trivial Flask, Flask→nameko echo, pika publishing with confirms);
each platform endpoint alone at its peak; the mix stepped up to its peak and then run at
half of it, with event-to-inbox latency; py-spy profiles of the gateway and the issues
service under reports. Prints JSON lines; writes its sections of docs/benchmarks.md.
"""
import argparse
import json
import os
import tempfile
from datetime import datetime, timezone

from bench.load import machine, profile, report, storecalls
from bench.load.figures import peak
from bench.load.latency import event_to_inbox
from bench.load.publish import publish_ceiling
from bench.load.runner import run_locust
from bench.load.seeding import seed
from bench.load.stack import Ceilings, LoadPlatform, private_broker
from services.common import config

ALONE = {"report": "POST issue report", "read_inbox": "GET inbox", "list_my_bookings": "GET bookings",
         "list_shifts": "GET shifts", "book_printer": "POST booking"}


def say(kind, **figures):
    print(json.dumps({"kind": kind, **figures}, ensure_ascii=False, default=str), flush=True)


def ceilings(workdir, broker, args, watch):
    bare = Ceilings(workdir, broker)
    bare.start()
    try:
        found = {}
        for path in ("/ping", "/rpc"):
            found[path] = run_locust(bare.url, args.users, args.seconds, ["Bare"], LOAD_PATH=path)[f"GET {path}"]
            watch.sample()
            say("ceiling", path=path, **found[path])
    finally:
        bare.stop()
    found["publish"] = publish_ceiling(broker.uri, min(args.seconds, 15))
    say("ceiling", path="publish", **found["publish"])
    return found


def alone(platform, context, args, watch):
    found = {}
    for task, name in ALONE.items():
        stats = run_locust(platform.url, args.users, args.seconds, ["Alone"], context, LOAD_ONLY=task)
        found[name] = {**stats.get(name, {}), "errors": stats["_failures"]}
        watch.sample()
        say("alone", endpoint=name, **found[name])
    return found


def step_up(platform, context, args, watch):
    steps, runs = [], {}
    for users in args.steps:
        stats = run_locust(platform.url, users, args.seconds, ["Resident", "Staff"], context)
        total = stats["Aggregated"]
        steps.append((users, total["rps"], total["failures"], total["p99"]))
        runs[users] = stats
        watch.sample()
        say("step", users=users, rps=total["rps"], failures=total["failures"], p99=total["p99"])
    return steps, runs


def at_half(platform, context, args, rate, watch):
    """The mix at `rate`; with where the CPU and the store's time went meanwhile."""
    since = datetime.now(timezone.utc).replace(tzinfo=None)
    cpu, store, children = machine.cpu_times(), storecalls.snapshot(platform.trace), machine.children_cpu()
    stats = run_locust(platform.url, args.half_users, args.half_seconds, ["Resident", "Staff"], context,
                       rate=rate / args.half_users)
    spent = {"locust (load generator)": round(machine.children_cpu() - children, 1),
             **machine.cpu_by_role(cpu, machine.cpu_times(), platform.roles())}
    calls = storecalls.busiest(store, storecalls.snapshot(platform.trace))
    watch.sample()
    latency = event_to_inbox(platform, since)
    say("half", rate=rate, rps=stats["Aggregated"]["rps"], failures=stats["Aggregated"]["failures"],
        p99=stats["Aggregated"]["p99"], inbox=latency, cpu=spent)
    return stats, latency, {"cpu": spent, "store": calls, "seconds": args.half_seconds}


def profiled(platform, context, args, workdir):
    """py-spy on the gateway's workers and the issues service while reports run at their peak."""
    pids = {"gateway": platform.pids("gateway"), "issues": platform.pids("issues")}
    samplers = {name: profile.record(p, args.seconds - 2, workdir) for name, p in pids.items()}
    stats = run_locust(platform.url, args.users, args.seconds, ["Alone"], context, LOAD_ONLY="report")
    found = {name: profile.summarize(profile.collect(s)) for name, s in samplers.items()}
    say("profile", rps=stats["POST issue report"]["rps"], top=found)
    return {"rps": stats["POST issue report"]["rps"], "p50": stats["POST issue report"]["p50"], "top": found}


def measure(args, workdir, watch):
    broker = private_broker()
    platform = LoadPlatform(workdir, broker, config.mongodb_uri(), trace=args.trace)
    try:
        results = {"ceilings": ceilings(workdir, broker, args, watch)}
        platform.start_all()
        with platform.rpc() as rpc:
            context = seed(platform.url, rpc, args.residents)
        path = os.path.join(workdir, "context.json")
        json.dump(context, open(path, "w"))
        say("seeded", residents=len(context["residents"]), shifts=len(context["shift_ids"]))
        results["alone"] = alone(platform, path, args, watch)
        results["steps"], runs = step_up(platform, path, args, watch)
        users, rps = peak(results["steps"])[:2]
        results["peak"] = {"users": users, "rps": rps, "stats": runs[users]}
        results["half"], results["inbox"], results["where"] = at_half(platform, path, args, rps / 2, watch)
        if args.profile:
            results["profile"] = profiled(platform, path, args, workdir)
        return results
    finally:
        platform.stop_all()
        platform.drop_databases()
        broker.delete()


def options():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small and short: a smoke run in ~4 minutes")
    parser.add_argument("--residents", type=int, default=100)
    parser.add_argument("--users", type=int, default=16, help="users of the closed-loop runs")
    parser.add_argument("--seconds", type=int, default=20, help="length of each closed-loop run")
    parser.add_argument("--steps", default="4,8,16,32", help="users of the mix's steps to its peak")
    parser.add_argument("--half-users", type=int, default=16)
    parser.add_argument("--half-seconds", type=int, default=60)
    parser.add_argument("--no-profile", dest="profile", action="store_false")
    parser.add_argument("--no-trace", dest="trace", action="store_false", help="do not count store calls")
    parser.add_argument("--no-write", dest="write", action="store_false", help="print only; leave the docs alone")
    args = parser.parse_args()
    if args.quick:
        args.residents, args.seconds, args.steps, args.half_seconds = 40, 12, "4,16", 30
    args.steps = [int(n) for n in args.steps.split(",")]
    return args


def main():
    args = options()
    watch = machine.Watch()
    with tempfile.TemporaryDirectory(prefix="bench-load-") as workdir:
        results = measure(args, workdir, watch)
    results["machine"] = watch.summary()
    text = report.load_sections(results, args)
    print(text)
    if args.write:
        report.write_sections(text)


if __name__ == "__main__":
    main()
