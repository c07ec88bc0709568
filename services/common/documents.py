"""The base of every aggregate that emits events."""
import mongoengine


class OutboxDocument(mongoengine.Document):
    """A document that carries the events of its latest writes (see `outbox.py`)."""

    meta = {"abstract": True}
    outbox = mongoengine.ListField(mongoengine.DictField())
