"""Publishing events the way nameko's own EventDispatcher does, but with the checks we need.

Confirms make the broker vouch for each message; `mandatory` makes a publish to an
exchange with no bound queue fail loudly (UndeliverableMessage) instead of vanishing.
"""
from nameko.amqp.publish import Publisher
from nameko.constants import PERSISTENT

from services.common.envelope import exchange_of


class EventPublisher:
    def __init__(self, amqp_uri):
        self.publisher = Publisher(amqp_uri, use_confirms=True, mandatory=True,
                                   serializer="json", delivery_mode=PERSISTENT)

    def __call__(self, event):
        headers = {"nameko.request_id": event["requestid"]} if event.get("requestid") else {}
        self.publisher.publish(event, exchange=exchange_of(event), routing_key=event["type"],
                               headers=headers)
