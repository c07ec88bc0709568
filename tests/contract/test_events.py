"""Producers and consumers agree on every event, and the broker topology matches the code."""
import inspect

import pytest

from services.bookings.service import BookingsService
from services.common import topology
from services.common.handlers import ReliableEventHandler
from services.common.membership import MembershipGrantedData
from services.issues.schemas import EVENT_SCHEMAS as ISSUES_EVENTS
from services.issues.service import IssuesService
from services.notifications import schemas as notifications
from services.notifications.service import NotificationsService
from services.volunteers.service import VolunteersService

SERVICES = (IssuesService, BookingsService, VolunteersService, NotificationsService)

# (producer, event type) -> the schema the producer validates outgoing data with
PRODUCED = {("issues", name): schema for name, schema in ISSUES_EVENTS.items()}
# (consumer, event type) -> the tolerant reader the consumer loads data with
CONSUMED = {
    ("notifications", "issue_reported"): notifications.IssueReportedData,
    ("notifications", "account_registered"): notifications.AccountRegisteredData,
    ("notifications", "membership_granted"): MembershipGrantedData,
    ("bookings", "membership_granted"): MembershipGrantedData,
    ("volunteers", "membership_granted"): MembershipGrantedData,
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
        assert sub.event_type in topology.EMITS.get(sub.source, ()), sub


def test_every_emitted_event_has_at_least_one_consumer():
    consumed = {(sub.source, sub.event_type) for sub in topology.SUBSCRIPTIONS}
    for source, types in topology.EMITS.items():
        for event_type in types:
            assert (source, event_type) in consumed, f"{source}.{event_type} would be unroutable"


def test_every_consumed_event_has_a_reader():
    assert {(sub.service, sub.event_type) for sub in topology.SUBSCRIPTIONS} == set(CONSUMED)


@pytest.mark.parametrize("produced", sorted(PRODUCED))
def test_each_consumer_finds_every_field_it_requires_in_what_the_producer_guarantees(produced):
    source, event_type = produced
    guaranteed = {name for name, field in PRODUCED[produced]().fields.items() if field.required}
    readers = [reader for (consumer, kind), reader in CONSUMED.items() if kind == event_type]
    assert readers
    for reader in readers:
        required = {name for name, field in reader().fields.items() if field.required}
        assert required <= guaranteed, f"{reader.__name__} requires {required - guaranteed}"
