"""A liveness signal for a nameko process: a file touched while its event loop runs.

A container orchestrator asks `python -m services.common.heartbeat` (exit 0 = alive): a
process whose green threads have stalled stops touching the file and gets restarted. The
broker and the store are not checked here: their outages must not restart every service.
"""
import os
import sys
import time
from pathlib import Path

import eventlet
from nameko.extensions import SharedExtension

from services.common import config

INTERVAL = 5.0


def path():
    return Path(config.env("LINLI_HEARTBEAT_FILE", "/tmp/linli-heartbeat"))


class Heartbeat(SharedExtension):
    def setup(self):
        self.path = path()

    def start(self):
        self.container.spawn_managed_thread(self._beat)

    def _beat(self):
        while True:
            self.path.touch()
            eventlet.sleep(INTERVAL)


def alive(max_age):
    """True when the heartbeat file was touched within `max_age` seconds."""
    try:
        return time.time() - os.stat(path()).st_mtime <= max_age
    except FileNotFoundError:
        return False


if __name__ == "__main__":
    sys.exit(0 if alive(float(sys.argv[1]) if len(sys.argv) > 1 else 30.0) else 1)
