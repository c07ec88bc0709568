"""Once per cluster: which of N instances runs a periodic job this tick.

No compare-and-set is atomic on FerretDB, but an insert under a unique `_id` is (on
MongoDB too). Time is cut into ticks of `interval` seconds; the instance whose insert of
`<job>:<tick>` succeeds runs the job for that tick, the others skip it. An instance that
dies mid-job costs one tick: the next tick is open to everyone again.
"""
import os
import socket
import time
from datetime import datetime, timedelta, timezone

from pymongo.errors import DuplicateKeyError

COLLECTION = "leases"
INSTANCE = f"{socket.gethostname()}:{os.getpid()}"


class TickLease:
    def __init__(self, db, job, interval):
        self.leases = db[COLLECTION]
        self.job = job
        self.interval = interval

    def acquire(self, now=None):
        """True if this instance runs `job` in the current tick."""
        now = time.time() if now is None else now
        tick = int(now // self.interval)
        try:
            self.leases.insert_one({"_id": f"{self.job}:{tick}", "job": self.job, "holder": INSTANCE,
                                    "at": datetime.fromtimestamp(now, timezone.utc)})
        except DuplicateKeyError:
            return False
        if tick % 100 == 0:
            self.prune(now)
        return True

    def prune(self, now):
        """Forget ticks long past, so the collection stays small."""
        cutoff = datetime.fromtimestamp(now, timezone.utc) - timedelta(seconds=10 * self.interval)
        self.leases.delete_many({"job": self.job, "at": {"$lt": cutoff}})
