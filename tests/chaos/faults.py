"""The faults, each a function of the run: it breaks one part, waits, and mends it."""
import json
import time
import uuid

import pika

SERVICES = ("issues", "bookings", "volunteers", "notifications")


class Faults:
    """Faults against a platform running on a private broker node and a private store."""

    def __init__(self, platform, rabbit, store, env, outage):
        self.platform, self.rabbit, self.store = platform, rabbit, store
        self.env, self.outage = env, outage
        self.poison_ids = []

    def sigkill(self, name):
        """SIGKILL one process, leave it dead a moment, start it again."""
        def fault():
            self.platform.kill(name)
            time.sleep(min(self.outage, 3))
            self.platform.start(name, **self.env)
        fault.__name__ = f"SIGKILL {name}"
        return fault

    def broker_outage(self):
        """Stop the private RabbitMQ node for the outage, then start it again."""
        self.rabbit.stop()
        time.sleep(self.outage)
        self.rabbit.start()

    def store_outage(self):
        """Stop the private FerretDB for the outage, then start it again."""
        self.store.stop()
        time.sleep(self.outage)
        self.store.start()

    def replicas(self):
        """A second instance of every service for a while: competing consumers."""
        for name in SERVICES:
            self.platform.start(name, replica=2, **self.env)
        time.sleep(self.outage)
        for name in SERVICES:
            self.platform.kill(f"{name}#2")

    def poison(self, count=3):
        """Publish events no consumer can handle: bad data a consumer reads, and bytes that are not JSON."""
        connection = pika.BlockingConnection(pika.URLParameters(self.rabbit.uri))
        channel = connection.channel()
        json_type = pika.BasicProperties(content_type="application/json", delivery_mode=2)
        for source, event_type in (("issues", "issue_reported"), ("bookings", "booking_confirmed"),
                                   ("volunteers", "shift_signed_up"))[:count]:
            event_id = f"poison-{uuid.uuid4().hex}"
            self.poison_ids.append((event_id, source, event_type))
            channel.basic_publish(f"{source}.events", event_type, json.dumps({
                "id": event_id, "type": event_type, "source": source, "data": {"poison": True}}), json_type)
        channel.basic_publish("issues.events", "issue_reported", b"\xff not json", json_type)
        connection.close()
        time.sleep(min(self.outage, 5))
