"""The machine a run measured: cores, CPU model, and the load average seen during the run."""
import os
import platform
import resource
from datetime import datetime, timezone


def cpu_model():
    try:
        with open("/proc/cpuinfo") as info:
            return next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        return platform.processor() or "unknown"


class Watch:
    """Samples the 1-minute load average at each step of a run."""

    def __init__(self):
        self.started = datetime.now(timezone.utc)
        self.loads = [os.getloadavg()[0]]

    def sample(self):
        self.loads.append(os.getloadavg()[0])

    def summary(self):
        return {"host": platform.node(), "cores": os.cpu_count(), "cpu": cpu_model(),
                "python": platform.python_version(), "date": self.started.strftime("%Y-%m-%d %H:%M UTC"),
                "load_min": round(min(self.loads), 1), "load_max": round(max(self.loads), 1)}


def cpu_times():
    """{pid: (cpu seconds, command line)} of every process now."""
    tick, found = os.sysconf("SC_CLK_TCK"), {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
                command = open(f"/proc/{entry}/cmdline").read().replace("\0", " ")
            except OSError:
                continue
            found[int(entry)] = ((int(fields[11]) + int(fields[12])) / tick, command)
    return found


def cpu_by_role(before, after, roles):
    """CPU seconds spent between two `cpu_times()`, summed by role; `roles(pid, command)` names one."""
    spent = {}
    for pid, (seconds, command) in after.items():
        used = seconds - before.get(pid, (0, ""))[0]
        if used > 0:
            role = roles(pid, command)
            spent[role] = round(spent.get(role, 0) + used, 1)
    return dict(sorted(spent.items(), key=lambda item: -item[1]))


def children_cpu():
    """CPU seconds of this process's finished children (the locust runs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
