"""The one list of events and who consumes them, and the step that declares it on the broker.

Every queue and binding is declared before anything publishes (`python -m
services.common.topology`), so an event emitted before its consumer first starts waits
in the queue instead of vanishing. The names follow nameko's own conventions so that
nameko's event handlers consume from exactly these queues.
"""
from dataclasses import dataclass

from kombu import Connection, Exchange, Queue

from services.common import config

# Events each producer emits. A contract test checks every one has a consumer, because
# a publish that no queue receives is refused (mandatory) and stays pending.
EMITS = {
    "gateway": ("account_registered", "membership_granted"),
    "volunteers": ("volunteer_registered", "skill_verified", "shift_scheduled", "shift_signed_up",
                   "shift_withdrawn", "shift_understaffed", "shift_reminder_due", "volunteer_invited",
                   "shift_checked_in", "shift_checked_out", "shift_no_show", "activity_completed"),
    "notifications": ("announcement_published",),
    "issues": ("issue_reported", "issue_accepted", "issue_assigned", "issue_status_changed", "issue_resolved",
               "issue_overdue", "issue_rated", "joint_meeting_scheduled", "action_item_assigned",
               "vote_opened", "vote_closed", "survey_published", "topic_opened"),
    "bookings": ("booking_requested", "booking_confirmed", "booking_declined", "booking_cancelled",
                 "booking_no_show", "booking_checked_in", "booking_moved", "coupon_claimed", "coupon_redeemed",
                 "loan_returned", "loan_overdue", "waitlist_offered", "booking_reminder_due"),
}


ALL = "#"  # subscribe to every event a source emits (the topic pattern that matches any type)


@dataclass(frozen=True)
class Subscription:
    source: str
    event_type: str
    service: str
    method: str

    @property
    def queue(self):
        kind = "all" if self.event_type == ALL else self.event_type
        return f"evt-{self.source}-{kind}--{self.service}.{self.method}"

    def receives(self, source, event_type):
        return self.source == source and self.event_type in (ALL, event_type)


SUBSCRIPTIONS = (
    Subscription("gateway", "account_registered", "notifications", "on_account_registered"),
    Subscription("gateway", "membership_granted", "notifications", "on_membership_granted"),
    Subscription("gateway", "membership_granted", "bookings", "on_membership_granted"),
    Subscription("gateway", "membership_granted", "volunteers", "on_membership_granted"),
    Subscription("bookings", "booking_checked_in", "volunteers", "on_booking_checked_in"),
    Subscription("issues", "action_item_assigned", "volunteers", "on_action_item_assigned"),
    Subscription("gateway", "membership_granted", "issues", "on_membership_granted"),
    Subscription("issues", ALL, "notifications", "on_issues_event"),
    Subscription("volunteers", "activity_completed", "issues", "on_activity_completed"),
    Subscription("volunteers", ALL, "notifications", "on_volunteers_event"),
    Subscription("bookings", ALL, "notifications", "on_bookings_event"),
    Subscription("volunteers", "shift_signed_up", "bookings", "on_shift_signed_up"),
    Subscription("volunteers", "shift_withdrawn", "bookings", "on_shift_withdrawn"),
    Subscription("notifications", "announcement_published", "notifications", "on_announcement_published"),
)

REDELIVER_EXCHANGE = "linli.redeliver"
DELAY_EXCHANGE = "linli.delay"
DEAD_LETTER_EXCHANGE = "linli.dead-letter"
DEAD_LETTER_QUEUE = "linli.dead-letters"


def event_exchange(source):
    return Exchange(f"{source}.events", type="topic", durable=True, delivery_mode=2)


def delay_key(seconds):
    return f"{int(seconds * 1000)}ms"


# Quorum queues dead-letter at most once unless told otherwise; a retry must not vanish.
QUORUM_DEAD_LETTERING = {"quorum": {"x-dead-letter-strategy": "at-least-once", "x-overflow": "reject-publish"}}


def queue_arguments(**extra):
    """Classic queues on one broker; quorum queues (replicated) when LINLI_QUEUE_TYPE=quorum."""
    if config.queue_type() != "quorum":
        return extra or None
    return {"x-queue-type": "quorum", **extra}


def consumer_queue(sub):
    """A consumer's queue; on a cluster a quorum queue whose delivery limit dead-letters a
    message that keeps killing its consumer (a crash is not a handler error we can catch)."""
    arguments = queue_arguments()
    if arguments:
        arguments.update({"x-delivery-limit": config.delivery_limit(),
                          "x-dead-letter-exchange": DEAD_LETTER_EXCHANGE})
    return Queue(sub.queue, exchange=event_exchange(sub.source), routing_key=sub.event_type,
                 durable=True, auto_delete=False, exclusive=False, queue_arguments=arguments)


def delay_queue(seconds):
    """Holds a failed message for `seconds`, then dead-letters it back to its consumer."""
    key = delay_key(seconds)
    return Queue(f"linli.delay.{key}", exchange=Exchange(DELAY_EXCHANGE, type="topic", durable=True),
                 routing_key=f"{key}.#", durable=True,
                 queue_arguments=queue_arguments(**{"x-message-ttl": int(seconds * 1000),
                                                    "x-dead-letter-exchange": REDELIVER_EXCHANGE,
                                                    **QUORUM_DEAD_LETTERING.get(config.queue_type(), {})}))


def dead_letter_queue():
    return Queue(DEAD_LETTER_QUEUE, exchange=Exchange(DEAD_LETTER_EXCHANGE, type="fanout", durable=True),
                 durable=True, queue_arguments=queue_arguments())


def declare_subscription(channel, sub, delays):
    """Declare one consumer's queue, its retry route and the shared retry/dead-letter parts."""
    queue = consumer_queue(sub)(channel)
    queue.declare()
    redeliver = Exchange(REDELIVER_EXCHANGE, type="topic", durable=True)(channel)
    redeliver.declare()
    queue.bind_to(redeliver, routing_key=f"*.{sub.queue}")
    for seconds in delays:
        delay_queue(seconds)(channel).declare()
    dead_letter_queue()(channel).declare()


def declare_all(amqp_uri=None, delays=None):
    """Declare every exchange, queue and binding the platform uses; safe to repeat."""
    delays = config.retry_delays() if delays is None else delays
    with Connection(amqp_uri or config.amqp_uri()) as conn:
        channel = conn.channel()
        for source in EMITS:
            event_exchange(source)(channel).declare()
        for sub in SUBSCRIPTIONS:
            declare_subscription(channel, sub, delays)
        channel.close()


def subscriptions_of(service):
    return [sub for sub in SUBSCRIPTIONS if sub.service == service]


if __name__ == "__main__":
    declare_all()
    print(f"declared {len(SUBSCRIPTIONS)} subscriptions on {len(EMITS)} event exchanges")
