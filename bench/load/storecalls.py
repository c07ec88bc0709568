"""Read the store-call traces of a run (see storetrace/): calls and milliseconds per call shape."""
import collections
import glob
import json
import os
from pathlib import Path

FOLDER = Path(__file__).with_name("storetrace")
DUMP_SECONDS = 3  # each process rewrites its file this often (storetrace/linli_store_trace.py)


def env(folder):
    """The environment that makes each platform process trace its store calls into `folder`."""
    path = os.pathsep.join(filter(None, [str(FOLDER), os.environ.get("PYTHONPATH")]))
    return {"PYTHONPATH": path, "LINLI_STORE_TRACE": str(folder)}


def snapshot(folder):
    """{(process, shape): [calls, ms]} summed over every process's file."""
    sums = collections.defaultdict(lambda: [0, 0.0])
    for path in glob.glob(os.path.join(folder, "*.json")):
        process = os.path.basename(path).rsplit("-", 1)[0]
        try:
            entries = json.load(open(path))
        except (OSError, ValueError):  # being rewritten right now
            continue
        for shape, (calls, ms) in entries.items():
            sums[(process, shape)][0] += calls
            sums[(process, shape)][1] += ms
    return sums


def busiest(before, after, top=15):
    """[(process, shape, calls, total ms, ms per call, scans?)] of the calls made between two snapshots."""
    rows = []
    for key, (calls, ms) in after.items():
        was = before.get(key, [0, 0.0])
        if calls - was[0] > 0:
            n, total = calls - was[0], ms - was[1]
            rows.append((key[0], key[1], n, round(total), round(total / n, 1), scans(key[1])))
    return sorted(rows, key=lambda row: -row[3])[:top]


def scans(shape):
    """'by _id' when FerretDB's SQLite handler can send it to SQL, else 'scan' (inserts: 'insert')."""
    command, _, keys = shape.partition(" ")
    if command == "insert":
        return "insert"
    return "by _id" if keys.endswith("{_id}") else "scan"
