"""Sample the hot paths under load with py-spy and sum where the CPU goes."""
import collections
import re
import subprocess
import sys
from pathlib import Path

PY_SPY = Path(sys.executable).with_name("py-spy")
FRAME = re.compile(r"^(?P<function>.+?) \((?P<file>[^:]+):(?P<line>\d+)\)$")


def record(pids, seconds, workdir):
    """Start one py-spy per pid (raw folded stacks, 50 Hz); return the running samplers."""
    samplers = []
    for pid in pids:
        out = Path(workdir) / f"pyspy-{pid}.txt"
        samplers.append((out, subprocess.Popen(
            [str(PY_SPY), "record", "--pid", str(pid), "--duration", str(seconds), "--rate", "50",
             "--format", "raw", "--output", str(out), "--nonblocking"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)))
    return samplers


def collect(samplers):
    """Wait for the samplers; the folded stack lines they wrote."""
    lines = []
    for out, process in samplers:
        process.wait(timeout=600)
        if out.exists():
            lines += out.read_text().splitlines()
    return lines


def summarize(lines, top=12):
    """Inclusive share of samples per function (each counted once a stack), biggest first."""
    inclusive, total = collections.Counter(), 0
    for line in lines:
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        total += int(count)
        for name in {short(frame) for frame in stack.split(";")}:
            inclusive[name] += int(count)
    return total, [(name, round(100 * n / total, 1)) for name, n in inclusive.most_common(top * 4)
                   if interesting(name)][:top]


def short(frame):
    """`fn (path/to/site-packages/pkg/mod.py:12)` → `pkg/mod.py:fn`."""
    match = FRAME.match(frame.strip())
    if not match:
        return frame.strip()
    path = match["file"].split("site-packages/")[-1].split("/main/")[-1]
    return f"{path}:{match['function']}"


def interesting(name):
    """Leave out the frames every stack has (threads, servers, the interpreter's entry)."""
    boring = ("threading.py", "<module>", "gunicorn/", "eventlet/greenthread", "greenlet", "runpy.py",
              "socketserver", "concurrent/futures/thread.py", "nameko/cli", "eventlet/hubs", "click/")
    return not any(word in name for word in boring)
