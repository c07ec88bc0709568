"""The load benchmark's sections of docs/benchmarks.md, made from one run's results."""
import re
from pathlib import Path

from bench.load.figures import ratio, table, verdict

DOCS = Path(__file__).resolve().parents[2] / "docs" / "benchmarks.md"
FIXES = Path(__file__).with_name("fixes.md")
COMMAND = "make bench  (load only: .venv/bin/python -m bench.load [--quick]; see --help)"


def machine_line(m):
    return (f"Run of {m['date']}, host `{m['host']}`: {m['cores']} cores ({m['cpu']}), Python {m['python']}; "
            f"1-minute load average {m['load_min']}–{m['load_max']} during the run (the machine is shared: "
            f"other engineers' test suites were running on it). Everything (locust, the five processes, "
            f"RabbitMQ, FerretDB) ran on this one machine.")


def targets(results):
    rpc = results["ceilings"]["/rpc"]["rps"]
    report_rps = results["alone"]["POST issue report"].get("rps")
    half, inbox = results["half"]["Aggregated"], results["inbox"]
    errors = half["failures"] + inbox["missing"]
    rows = [("issue report ≥ 50% of the Flask→nameko ceiling", f"{ratio(report_rps, rpc)}%",
             verdict(ratio(report_rps, rpc), 50, higher_is_better=True)),
            ("p99 ≤ 150 ms at half the peak rate (all requests)", f"{half['p99']} ms", verdict(half["p99"], 150)),
            ("event-to-inbox p99 ≤ 500 ms at that rate", f"{inbox['p99']} ms", verdict(inbox["p99"], 500)),
            ("no error at that rate", f"{errors}", verdict(errors, 0))]
    return table(["target", "measured", ""], rows)


def endpoint_rows(stats):
    return [(name, s["requests"], s["rps"], s["p50"], s["p95"], s["p99"], s["failures"])
            for name, s in sorted(stats.items()) if not name.startswith("_")]


def load_section(results, args):
    peak, m = results["peak"], results["machine"]
    half_rate = round(peak["rps"] / 2, 1)
    ceil = results["ceilings"]
    alone = [(name, s.get("rps"), f"{ratio(s.get('rps'), ceil['/rpc']['rps'])}%", s.get("p50"), s.get("p95"),
              s.get("p99"), s.get("failures")) for name, s in results["alone"].items()]
    inbox = results["inbox"]
    return "\n\n".join([
        "## Load benchmark (`make bench`, `bench/load/`)",
        machine_line(m) + f" Command: `{COMMAND}`.",
        "The mix (locust, headless, its own process): residents (9 in 10) read their inbox, bookings, shifts "
        "and votes, report e-bikes in the stairwell, book the printer, sign up for patrol shifts and vote; "
        f"staff (1 in 10) read the case queue, accept cases and read shift gaps. {args.residents} "
        "residents who own their units and volunteer, seeded through the API; a 409 the API documents "
        "(slot taken, already voted, shift full) counts as an answer, anything else as an error.",
        "### Targets\n\n" + targets(results),
        "### The mix stepped up to its peak (closed loop, no think time)\n\n" + table(
            ["users", "requests/s", "errors", "p99 ms"], results["steps"]),
        f"Peak: {peak['rps']} requests/s with {peak['users']} users.",
        f"### At half the peak ({half_rate} requests/s, {args.half_users} users, {args.half_seconds} s)\n\n"
        + table(["request", "count", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"], endpoint_rows(results["half"])),
        f"Event to inbox (a report's stored time to the reporter's receipt in the inbox, all "
        f"{inbox['reports']} reports of the half-rate run): p50 {inbox['p50']} ms, p95 {inbox['p95']} ms, "
        f"p99 {inbox['p99']} ms, max {inbox['max']} ms; {inbox['missing']} receipts missing.",
        f"### Each endpoint alone at its peak ({args.users} users, {args.seconds} s)\n\n" + table(
            ["endpoint", "req/s", "of the Flask→nameko ceiling", "p50 ms", "p95 ms", "p99 ms", "errors"], alone),
        errors_text(results)])


def errors_text(results):
    rows = [f for part in ("half",) for f in results[part].get("_failures", [])]
    if not rows:
        return "No error at half the peak."
    return "Errors at half the peak:\n\n" + table(["request", "error", "count"], rows)


def ceilings_section(results):
    c = results["ceilings"]
    rows = [("trivial Flask endpoint (gunicorn, the gateway's 2 workers × 8 threads)", c["/ping"]["rps"],
             c["/ping"]["p50"], c["/ping"]["p99"]),
            ("trivial nameko RPC through Flask (the gateway's RPC client)", c["/rpc"]["rps"], c["/rpc"]["p50"],
             c["/rpc"]["p99"]),
            ("RabbitMQ: persistent publish with confirms, one at a time (pika)", c["publish"]["rps"], None, None)]
    return "## Ceilings\n\nMeasured in the same run on the same machine, before the platform starts.\n\n" + table(
        ["bare stack", "per second", "p50 ms", "p99 ms"], rows)


def where_text(where):
    """Where the CPU and the store's time went during the half-rate run."""
    seconds = where["seconds"]
    cpu = table(["process", "CPU s", "cores"], [(k, v, round(v / seconds, 2)) for k, v in where["cpu"].items()])
    store = table(["process", "store call (command, collection, filter keys)", "calls", "total ms", "ms/call", "kind"],
                  where["store"])
    return "\n\n".join([
        f"**CPU during the half-rate run** ({seconds} s; the machine has 2 cores):", cpu,
        "**Store calls during the half-rate run**, by the time the callers waited (pymongo's command "
        "monitoring in every process; `scan` = a filter FerretDB's SQLite handler cannot send to SQL, so it "
        "reads the whole collection):", store])


def profiles_section(results):
    parts = ["## Profiles"]
    if results.get("where"):
        parts.append(where_text(results["where"]))
    if "profile" in results:
        p = results["profile"]
        parts.append(f"py-spy (50 Hz, CPU samples only) on the gateway's workers and the issues service while "
                     f"reports alone ran at their peak ({p['rps']} req/s, p50 {p['p50']} ms). Share of samples "
                     f"in which a function is on the stack:")
        for name, (total, top) in p["top"].items():
            parts.append(f"**{name}** ({total} samples)\n\n" + table(["function", "% of samples"], top))
    if FIXES.exists():
        parts.append(FIXES.read_text().strip())
    return "\n\n".join(parts)


def load_sections(results, args):
    return "\n\n".join([load_section(results, args), ceilings_section(results), profiles_section(results)]) + "\n"


def write_sections(text):
    """Replace each `## ` section of `text` in docs/benchmarks.md, or append it; others stay untouched."""
    docs = DOCS.read_text()
    for section in re.split(r"(?m)^(?=## )", text):
        if not section.strip():
            continue
        title = section.splitlines()[0].split(" (")[0]
        pattern = re.compile(rf"(?ms)^{re.escape(title)}\b.*?(?=^## |\Z)")
        body = section.rstrip() + "\n\n"
        docs = pattern.sub(lambda _: body, docs, count=1) if pattern.search(docs) else docs.rstrip() + "\n\n" + body
    DOCS.write_text(docs.rstrip() + "\n")
