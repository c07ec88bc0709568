"""Test helpers on the real RabbitMQ: a throwaway virtual host, a tap on gateway.events, an RPC stand-in."""
import json
import threading
import time
import uuid
from urllib.parse import quote, urlsplit, urlunsplit

import pika
import requests
from kombu import Connection, Consumer, Exchange, Producer, Queue
from nameko.exceptions import serialize


def _management(amqp_uri, management):
    """The management API's base URL and credentials (its own, else the AMQP user's)."""
    amqp = urlsplit(amqp_uri)
    api = urlsplit(management or f"http://{amqp.hostname}:15672")
    user = api.username or amqp.username or "guest"
    password = api.password or amqp.password or "guest"
    base = urlunsplit(api._replace(netloc=f"{api.hostname}:{api.port or 15672}", path=""))
    return base, (user, password), amqp.username or "guest"


def create_vhost(amqp_uri, name, management=None):
    """A fresh virtual host for `amqp_uri`'s user; returns the AMQP URI that names it."""
    api, auth, user = _management(amqp_uri, management)
    vhost = quote(name, safe="")
    requests.put(f"{api}/api/vhosts/{vhost}", auth=auth, timeout=5).raise_for_status()
    requests.put(f"{api}/api/permissions/{vhost}/{user}", auth=auth, timeout=5,
                 json={"configure": ".*", "write": ".*", "read": ".*"}).raise_for_status()
    return urlunsplit(urlsplit(amqp_uri)._replace(path="/" + vhost))


def delete_vhost(amqp_uri, name, management=None):
    api, auth, _ = _management(amqp_uri, management)
    requests.delete(f"{api}/api/vhosts/{quote(name, safe='')}", auth=auth, timeout=5)


class EventTap:
    """A temporary queue bound to every routing key of `gateway.events`."""

    def __init__(self, amqp_uri):
        self.connection = pika.BlockingConnection(pika.URLParameters(amqp_uri))
        self.channel = self.connection.channel()
        self.queue = self.channel.queue_declare("", exclusive=True, auto_delete=True).method.queue
        self.channel.queue_bind(self.queue, "gateway.events", routing_key="#")
        self.seen = []

    def wait_for(self, predicate, timeout=5.0):
        """The first message (method, properties, event) whose event matches, within `timeout`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for found in self.seen:
                if predicate(found[2]):
                    return found
            method, properties, body = self.channel.basic_get(self.queue, auto_ack=True)
            if method is None:
                time.sleep(0.05)
            else:
                self.seen.append((method, properties, json.loads(body)))
        raise AssertionError("no matching event arrived")

    def close(self):
        self.connection.close()


class StandInService:
    """Answers a nameko service's RPCs on the real broker with given functions; records each call.

    A function may raise one of services.common.errors: the reply carries it exactly as a
    nameko service would, so the gateway sees the same RemoteError.
    """

    def __init__(self, amqp_uri, name, methods):
        self.amqp_uri, self.name, self.methods = amqp_uri, name, methods
        self.calls = []
        self.stopping = threading.Event()
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self):
        self.thread.start()
        assert self.ready.wait(5), "stand-in service did not start"
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        self.thread.join(5)

    def _serve(self):
        exchange = Exchange("nameko-rpc", type="topic", durable=True)
        queue = Queue(f"rpc-{self.name}-standin-{uuid.uuid4().hex[:8]}", exchange,
                      routing_key=f"{self.name}.*", exclusive=True, auto_delete=True)
        with Connection(self.amqp_uri) as conn:
            producer = Producer(conn.channel(), exchange=exchange, serializer="json")
            with Consumer(conn.channel(), [queue], callbacks=[self._answer(producer)], accept=["json"]):
                self.ready.set()
                while not self.stopping.is_set():
                    try:
                        conn.drain_events(timeout=0.1)
                    except TimeoutError:
                        pass

    def _answer(self, producer):
        def on_message(body, message):
            method = message.delivery_info["routing_key"].split(".", 1)[1]
            self.calls.append({"method": method, "args": body["args"], "kwargs": body["kwargs"],
                               "headers": dict(message.headers)})
            try:
                reply = {"result": self.methods[method](*body["args"], **body["kwargs"]), "error": None}
            except Exception as exc:  # the service's error travels back as nameko serializes it
                reply = {"result": None, "error": serialize(exc)}
            producer.publish(reply, routing_key=message.properties["reply_to"],
                             correlation_id=message.properties["correlation_id"])
            message.ack()
        return on_message
