"""The broker's ceiling: persistent messages published with confirms, one at a time, as the services do."""
import json
import time
import uuid

import pika


def publish_ceiling(uri, seconds):
    """Messages per second published to a durable topic exchange bound to a durable queue."""
    connection = pika.BlockingConnection(pika.URLParameters(uri))
    channel = connection.channel()
    exchange, queue = f"bench-{uuid.uuid4().hex[:6]}", f"bench-{uuid.uuid4().hex[:6]}"
    channel.exchange_declare(exchange, "topic", durable=True)
    channel.queue_declare(queue, durable=True)
    channel.queue_bind(queue, exchange, "#")
    channel.confirm_delivery()
    properties = pika.BasicProperties(content_type="application/json", delivery_mode=2)
    body = json.dumps({"type": "issue_reported", "data": {"issue_id": "x" * 24, "title": "楼道里停满电瓶车"}})
    sent, deadline = 0, time.perf_counter() + seconds
    started = time.perf_counter()
    while time.perf_counter() < deadline:
        channel.basic_publish(exchange, "issue_reported", body, properties, mandatory=True)
        sent += 1
    rate = sent / (time.perf_counter() - started)
    channel.queue_delete(queue)
    channel.exchange_delete(exchange)
    connection.close()
    return {"messages": sent, "rps": round(rate, 1)}
