"""The idempotent-consumer guard: a processed event id, stored under a unique key."""
from datetime import datetime, timezone

from pymongo.errors import DuplicateKeyError

COLLECTION = "processed_events"


class ProcessedEvents:
    """Marks `(consumer, event id)` done; the `_id` is the unique key on every store."""

    def __init__(self, db):
        self.collection = db[COLLECTION]

    @staticmethod
    def key(consumer, event_id):
        return f"{consumer}:{event_id}"

    def seen(self, consumer, event_id):
        return self.collection.find_one({"_id": self.key(consumer, event_id)}, {"_id": 1}) is not None

    def record(self, consumer, event_id):
        """Record the event done; False if another delivery recorded it first."""
        try:
            self.collection.insert_one({"_id": self.key(consumer, event_id),
                                        "at": datetime.now(timezone.utc)})
        except DuplicateKeyError:
            return False
        return True
