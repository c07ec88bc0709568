"""Inspect and replay dead-lettered events.

    python -m services.common.deadletters list
    python -m services.common.deadletters replay [EVENT_ID ...]   (no id: replay all)

A replayed message goes back to the queue it failed in, with its retry count reset.
"""
import json
import sys

from kombu import Connection

from services.common import config, topology
from services.common.handlers import ATTEMPT


def _drain(channel):
    """Every dead letter, unacked: closing the channel without acking puts them back."""
    messages = []
    while (message := channel.basic_get(topology.DEAD_LETTER_QUEUE, no_ack=False)) is not None:
        messages.append(message)
    return messages


def _summary(message):
    headers = message.headers or {}
    try:
        body = json.loads(message.body)
    except ValueError:
        body = {}
    body = body if isinstance(body, dict) else {}
    return {"event_id": body.get("id"), "type": body.get("type"), "subject": body.get("subject"),
            "queue": headers.get("x-linli-queue"),
            "attempts": headers.get(ATTEMPT), "error": headers.get("x-linli-error"),
            "failed_at": headers.get("x-linli-failed-at"), "replays": headers.get("x-linli-replays", 0)}


def list_dead_letters(amqp_uri=None):
    with Connection(amqp_uri or config.amqp_uri()) as conn:
        channel = conn.default_channel
        summaries = [_summary(m) for m in _drain(channel)]
        channel.close()
    return summaries


def replay(event_ids=None, amqp_uri=None):
    """Send matching dead letters (all if `event_ids` is empty) back to their queues."""
    replayed = []
    with Connection(amqp_uri or config.amqp_uri()) as conn:
        channel = conn.channel()
        channel.confirm_select()
        for message in _drain(channel):
            summary = _summary(message)
            if event_ids and summary["event_id"] not in event_ids:
                continue
            headers = {k: v for k, v in message.headers.items() if not k.startswith("x-linli-") and k != "x-death"}
            headers.update({ATTEMPT: 0, "x-linli-replays": int(summary["replays"] or 0) + 1})
            channel.basic_publish(
                channel.prepare_message(message.body, priority=0, content_type=message.content_type,
                                        content_encoding=message.content_encoding, headers=headers,
                                        properties={"delivery_mode": 2}),
                exchange="", routing_key=summary["queue"], mandatory=True)
            channel.basic_ack(message.delivery_tag)
            replayed.append(summary)
        channel.close()
    return replayed


def main(argv):
    if argv[:1] == ["list"]:
        for summary in list_dead_letters():
            print(json.dumps(summary, ensure_ascii=False))
    elif argv[:1] == ["replay"]:
        done = replay(set(argv[1:]))
        print(f"replayed {len(done)} dead letter(s)")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
