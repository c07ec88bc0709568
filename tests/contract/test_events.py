"""Producers and consumers agree on every event, and the broker topology matches the code."""
import inspect

import pytest

from services.bookings import schemas as bookings
from services.bookings.schemas import EVENT_SCHEMAS as BOOKINGS_EVENTS
from services.bookings.service import BookingsService
from services.common import topology
from services.common.handlers import ReliableEventHandler
from services.common.membership import MembershipGrantedData
from services.issues import schemas as issues_readers
from services.issues.schemas import EVENT_SCHEMAS as ISSUES_EVENTS
from services.issues.service import IssuesService
from services.notifications import catalog
from services.notifications import schemas as notifications
from services.notifications.schemas import EVENT_SCHEMAS as NOTIFICATIONS_EVENTS
from services.notifications.service import NotificationsService
from services.volunteers import readers as volunteers_readers
from services.volunteers.schemas import EVENT_SCHEMAS as VOLUNTEERS_EVENTS
from services.volunteers.service import VolunteersService

SERVICES = (IssuesService, BookingsService, VolunteersService, NotificationsService)

# (producer, event type) -> the schema the producer validates outgoing data with
PRODUCED = {("issues", name): schema for name, schema in ISSUES_EVENTS.items()}
PRODUCED.update({("volunteers", name): schema for name, schema in VOLUNTEERS_EVENTS.items()})
PRODUCED.update({("notifications", name): schema for name, schema in NOTIFICATIONS_EVENTS.items()})
PRODUCED.update({("bookings", name): schema for name, schema in BOOKINGS_EVENTS.items()})
# (consumer, event type) -> the tolerant reader the consumer loads data with
CONSUMED = {
    **{("notifications", kind): notice.reader for kind, notice in catalog.CATALOG.items()},
    ("notifications", "account_registered"): notifications.AccountRegisteredData,
    ("notifications", "membership_granted"): MembershipGrantedData,
    ("notifications", "volunteer_registered"): notifications.SkillsData,  # the skills projection
    ("bookings", "membership_granted"): MembershipGrantedData,
    ("bookings", "shift_signed_up"): bookings.ShiftData,
    ("bookings", "shift_withdrawn"): bookings.ShiftData,
    ("volunteers", "membership_granted"): MembershipGrantedData,
    ("volunteers", "booking_checked_in"): volunteers_readers.BookingCheckedInData,
    ("volunteers", "action_item_assigned"): volunteers_readers.ActionItemAssignedData,
    ("issues", "membership_granted"): MembershipGrantedData,
    ("issues", "activity_completed"): issues_readers.ActivityCompletedData,
}


def handlers_in_code():
    found = set()
    for service in SERVICES:
        for name, method in inspect.getmembers(service, inspect.isfunction):
            for entrypoint in getattr(method, "nameko_entrypoints", ()):
                if isinstance(entrypoint, ReliableEventHandler):
                    found.add(topology.Subscription(entrypoint.source_service, entrypoint.event_type,
                                                    service.name, name))
    return found


def test_the_declared_subscriptions_are_exactly_the_handlers_in_the_services():
    assert handlers_in_code() == set(topology.SUBSCRIPTIONS)


def test_every_subscription_is_to_an_event_its_source_emits():
    for sub in topology.SUBSCRIPTIONS:
        assert sub.source in topology.EMITS, sub
        assert sub.event_type in (topology.ALL, *topology.EMITS[sub.source]), sub


def test_every_emitted_event_has_at_least_one_consumer():
    for source, types in topology.EMITS.items():
        for event_type in types:
            assert any(sub.receives(source, event_type) for sub in topology.SUBSCRIPTIONS), \
                f"{source}.{event_type} would be unroutable"


def consumed_types(sub):
    return topology.EMITS[sub.source] if sub.event_type == topology.ALL else (sub.event_type,)


def test_every_event_a_service_handles_one_by_one_has_a_reader():
    for sub in topology.SUBSCRIPTIONS:
        if sub.event_type != topology.ALL:
            assert (sub.service, sub.event_type) in CONSUMED, sub


def test_notifications_says_what_to_do_with_every_event_it_receives():
    for sub in topology.subscriptions_of("notifications"):
        for event_type in consumed_types(sub):
            known = event_type in catalog.CATALOG or event_type in catalog.SILENT
            assert known or (sub.event_type != topology.ALL), f"no notice for {sub.source}.{event_type}"


def test_every_notice_has_its_templates_in_both_languages():
    from services.notifications.domain import TEMPLATES
    for notice in catalog.CATALOG.values():
        for message in notice.messages:
            assert {(message.kind, "zh-CN"), (message.kind, "en")} <= set(TEMPLATES), message.kind


@pytest.mark.parametrize("produced", sorted(PRODUCED))
def test_each_consumer_finds_every_field_it_requires_in_what_the_producer_guarantees(produced):
    source, event_type = produced
    guaranteed = {name for name, field in PRODUCED[produced]().fields.items() if field.required}
    readers = [reader for (consumer, kind), reader in CONSUMED.items() if kind == event_type]
    assert readers or event_type in catalog.SILENT  # a silent type may have no reader yet
    for reader in readers:
        required = {name for name, field in reader().fields.items() if field.required}
        assert required <= guaranteed, f"{reader.__name__} requires {required - guaranteed}"
