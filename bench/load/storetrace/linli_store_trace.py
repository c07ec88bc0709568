"""A pymongo command listener that sums calls and time per command, collection and filter shape."""
import collections
import importlib.abc
import importlib.machinery
import json
import os
import sys

FILTERS = {"find": "filter", "count": "query", "delete": "deletes", "update": "updates", "aggregate": "pipeline",
           "findAndModify": "query"}
QUIET = ("hello", "isMaster", "ismaster", "ping", "endSessions", "buildInfo", "listIndexes", "createIndexes")


def shape(name, command):
    """`find issues {community_id,status}`: what a call asks, without its values."""
    spec = command.get(FILTERS.get(name, ""), {})
    if isinstance(spec, list):  # update/delete statements, or a pipeline
        first = spec[0] if spec and isinstance(spec[0], dict) else {}
        spec = first.get("q") or first.get("$match") or {}
    keys = ",".join(sorted(key + operators(value) for key, value in spec.items())) if isinstance(spec, dict) else ""
    target = command.get("collection") if name == "getMore" else command.get(name)  # getMore names a cursor
    return f"{name} {target} {{{keys}}}"


def operators(value):
    """`$in`, `$gte$lt`: the operators a filter value uses (none for plain equality)."""
    if isinstance(value, dict) and value and all(str(k).startswith("$") for k in value):
        return "".join(sorted(value))
    return ""


class Totals:
    def __init__(self, folder):
        self.folder, self.shapes = folder, {}
        self.reset()

    def reset(self):
        self.path = os.path.join(self.folder, f"{os.environ.get('LINLI_SERVICE', 'python')}-{os.getpid()}.json")
        self.sums = collections.defaultdict(lambda: [0, 0.0])

    def start(self, event):
        if event.command_name not in QUIET:
            self.shapes[event.request_id] = shape(event.command_name, event.command)

    def finish(self, event):
        key = self.shapes.pop(event.request_id, None)
        if key:
            entry = self.sums[key]
            entry[0] += 1
            entry[1] += event.duration_micros / 1000

    def dump(self):
        with open(self.path + ".tmp", "w") as handle:
            json.dump(dict(self.sums), handle)
        os.replace(self.path + ".tmp", self.path)


def install(folder):
    """Register the listener; a forked child (gunicorn's workers) starts its own file and dumper."""
    import threading
    import time

    from pymongo import monitoring

    totals = Totals(folder)

    class Listener(monitoring.CommandListener):
        def started(self, event):
            totals.start(event)

        def succeeded(self, event):
            totals.finish(event)

        def failed(self, event):
            totals.finish(event)

    def keep_dumping():
        while True:
            time.sleep(3)
            totals.dump()

    def start_dumper():
        threading.Thread(target=keep_dumping, name="store-trace", daemon=True).start()

    os.makedirs(folder, exist_ok=True)
    monitoring.register(Listener())
    os.register_at_fork(after_in_child=lambda: (totals.reset(), start_dumper()))
    start_dumper()


class _Hook(importlib.abc.MetaPathFinder):
    """Installs the listener right after the program's own first import of pymongo."""

    def __init__(self, folder):
        self.folder = folder

    def find_spec(self, name, path, target=None):
        if name != "pymongo":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            install(self.folder)
        spec.loader.exec_module = exec_module
        return spec


def install_when_imported(folder):
    sys.meta_path.insert(0, _Hook(folder))
