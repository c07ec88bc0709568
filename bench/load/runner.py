"""Run locust headless in its own process (gevent never meets eventlet) and read its CSV figures."""
import csv
import os
import subprocess
import sys
import tempfile
from pathlib import Path

LOCUSTFILE = Path(__file__).with_name("locustfile.py")


def run_locust(host, users, seconds, classes, context=None, rate=0, **env):
    """Drive `classes` with `users` users for `seconds`; return {name: figures} incl. "Aggregated"."""
    with tempfile.TemporaryDirectory(prefix="locust-") as out:
        command = [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--only-summary",
                   "-u", str(users), "-r", str(max(1, users)), "-t", f"{seconds}s", "--host", host,
                   "--csv", f"{out}/run", "--loglevel", "WARNING", "--stop-timeout", "10", *classes]
        extra = {"LOAD_CONTEXT": context or "", "LOAD_RATE": str(rate), **{k: str(v) for k, v in env.items()}}
        done = subprocess.run(command, env={**os.environ, **extra}, check=False, capture_output=True, text=True,
                              timeout=seconds + 180)
        if not os.path.exists(f"{out}/run_stats.csv"):
            raise RuntimeError(f"locust wrote no figures:\n{done.stderr[-2000:]}")
        figures = read_stats(f"{out}/run_stats.csv", seconds)
        figures["_failures"] = read_failures(f"{out}/run_failures.csv")
        return figures


def read_stats(path, seconds):
    """Locust's stats CSV as {name: {requests, failures, rps, p50, p95, p99, max}}."""
    figures = {}
    with open(path, newline="") as handle:
        for row in csv.DictReader(handle):
            count = int(row["Request Count"])
            figures[row["Name"]] = {
                "requests": count, "failures": int(row["Failure Count"]),
                "rps": round(float(row["Requests/s"]), 1),
                "p50": _ms(row["50%"]), "p95": _ms(row["95%"]), "p99": _ms(row["99%"]),
                "max": _ms(row["Max Response Time"]), "seconds": seconds}
    return figures


def _ms(text):
    return None if text in ("", "N/A") else round(float(text))


def read_failures(path):
    """The distinct failures: [(name, error, occurrences)], most frequent first."""
    if not os.path.exists(path):
        return []
    with open(path, newline="") as handle:
        rows = [(r["Name"], r["Error"][:160], int(r["Occurrences"])) for r in csv.DictReader(handle)]
    return sorted(rows, key=lambda row: -row[2])[:8]
