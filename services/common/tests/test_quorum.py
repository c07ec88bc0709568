"""On a cluster the event queues are quorum queues; retries and dead letters work the same."""
import os
from urllib.parse import quote, unquote, urlsplit

import pytest
import requests

from services.common import deadletters, topology
from services.common.envelope import make_event
from services.common.tests.test_handlers import QUEUE, Listener, calls
from services.conftest import wait_until


@pytest.fixture
def quorum(monkeypatch):
    monkeypatch.setenv("LINLI_QUEUE_TYPE", "quorum")
    monkeypatch.setenv("LINLI_QUEUE_DELIVERY_LIMIT", "3")


def queue_type(uri, name):
    """The queue's type as the broker's management API reports it."""
    management = os.environ.get("LINLI_RABBIT_MANAGEMENT", "http://guest:guest@127.0.0.1:15672")
    vhost = quote(unquote(urlsplit(uri).path[1:]) or "/", safe="")
    response = requests.get(f"{management}/api/queues/{vhost}/{quote(name, safe='')}", timeout=10)
    response.raise_for_status()
    return response.json()["type"]


def test_consumer_delay_and_dead_letter_queues_are_declared_as_quorum_queues(quorum, linli_config):
    uri = linli_config["AMQP_URI"]
    assert queue_type(uri, topology.SUBSCRIPTIONS[0].queue) == "quorum"
    assert queue_type(uri, topology.DEAD_LETTER_QUEUE) == "quorum"
    assert queue_type(uri, topology.delay_queue(0.1).name) == "quorum"


def test_without_the_setting_the_queues_are_classic(linli_config):
    assert queue_type(linli_config["AMQP_URI"], topology.SUBSCRIPTIONS[0].queue) == "classic"


def test_a_failing_event_is_retried_and_dead_lettered_through_quorum_queues(quorum, start_service, publish,
                                                                             linli_config):
    calls.clear()
    start_service(Listener)
    poison = make_event("issues", "issue_reported", {"fail": True})
    publish(poison)
    wait_until(lambda: len(calls) == 3 and deadletters.list_dead_letters(linli_config["AMQP_URI"]), timeout=10)
    [letter] = deadletters.list_dead_letters(linli_config["AMQP_URI"])
    assert (letter["event_id"], letter["queue"]) == (poison["id"], QUEUE)
