"""Who a caller is, remembered per process for a few seconds: accounts and memberships by `_id`.

Every authenticated request needs the caller's account and, for most, one membership; both are
`_id` reads that queue behind the store's scans on a busy store. A save or delete in this process
forgets the document at once (a role taken away here is gone on the next request); a change made
by another process (another gunicorn worker) is seen after at most `BOUND_SECONDS`. Sessions are
not remembered: a logout ends the token on the next request in every worker.
"""
import threading
import time

from mongoengine import signals

BOUND_SECONDS = 5.0
MOST_ENTRIES = 20_000


class Recall:
    """Stored documents by (model, `_id`), each for at most `bound` seconds (the absent too)."""

    def __init__(self, bound=BOUND_SECONDS, clock=time.monotonic):
        self.bound, self.clock = bound, clock
        self._entries, self._lock, self._generation = {}, threading.Lock(), 0

    def get(self, model, key):
        """A fresh copy of the stored document, or None; read from the store when not remembered."""
        entry = self._entries.get((model, key))
        if entry is None or self.clock() - entry[0] > self.bound:
            entry = self._read(model, key)
        return None if entry[1] is None else model._from_son(entry[1])

    def forget(self, model, key):
        with self._lock:
            self._generation += 1
            self._entries.pop((model, key), None)

    def _read(self, model, key):
        generation, started = self._generation, self.clock()
        entry = (started, model._get_collection().find_one({"_id": key}))
        with self._lock:
            if len(self._entries) >= MOST_ENTRIES:
                self._entries.clear()
            if generation == self._generation:  # no save raced the read: safe to remember
                self._entries[(model, key)] = entry
        return entry


recall = Recall()


def _forget_saved(sender, document, **kwargs):
    recall.forget(sender, document.pk)


def watch(*models):
    """Forget a remembered document of `models` whenever this process saves or deletes it."""
    for model in models:
        signals.post_save.connect(_forget_saved, sender=model, weak=False)
        signals.post_delete.connect(_forget_saved, sender=model, weak=False)
