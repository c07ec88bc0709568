"""`make chaos`: the full chaos run (30 s outages), its reconciliation table, and docs/chaos.md.

    python -m bench.chaos            # run, print the table, exit 1 on any mismatch
    python -m bench.chaos --write    # also put the table in docs/chaos.md
"""
import os
import platform as host
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from tests.chaos.reconcile import failed, table
from tests.chaos.scenario import FULL, Run

DOC = Path(__file__).resolve().parents[1] / "docs" / "chaos.md"
MARK = "<!-- the last full run; `make chaos` rewrites from here on -->"


def machine():
    return f"{host.machine()}, {os.cpu_count()} cores, {host.system()} {host.release()}, Python {host.python_version()}"


def write(rows, seconds):
    """Replace the last run's section of docs/chaos.md with this one."""
    head = DOC.read_text().split(MARK)[0] if DOC.exists() else ""
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    DOC.write_text(f"{head}{MARK}\n\nCommand: `make chaos` · machine: {machine()} · date: {when} · "
                   f"took {seconds:.0f} s\n\n{table(rows)}\n")


def main(argv):
    started = datetime.now(timezone.utc)
    with tempfile.TemporaryDirectory(prefix="linli-chaos-") as workdir, Run(workdir, FULL) as run:
        rows, missing = run.execute()
    print(table(rows))
    if "--write" in argv:
        write(rows, (datetime.now(timezone.utc) - started).total_seconds())
    if failed(rows):
        print(f"chaos: {len(failed(rows))} checks failed; unconsumed events (first 10): {missing[:10]}")
        return 1
    print("chaos: every check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
