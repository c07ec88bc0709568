"""The reliable event handler on the real broker and store: once, retried, dead-lettered, replayable."""
import eventlet
import pytest
from kombu import Connection
from pymongo.errors import ServerSelectionTimeoutError

from services.common import deadletters, topology
from services.common.envelope import make_event
from services.common.handlers import event_handler
from services.common.idempotency import ProcessedEvents
from services.conftest import wait_until

calls = []


class Listener:
    """A consumer that counts the events it handles and fails on request."""

    name = "listener"

    @event_handler("issues", "issue_reported")
    def on_issue_reported(self, body):
        calls.append(body["id"])
        if body["data"].get("fail"):
            raise ValueError("poison")


QUEUE = topology.Subscription("issues", "issue_reported", "listener", "on_issue_reported").queue


@pytest.fixture
def listener(start_service):
    calls.clear()
    return start_service(Listener)


@pytest.fixture
def dispatch(publish):
    return publish


def dead_letters(config):
    return deadletters.list_dead_letters(config["AMQP_URI"])


def test_an_event_delivered_again_after_it_was_handled_is_skipped(listener, dispatch, database):
    event = make_event("issues", "issue_reported", {})
    dispatch(event)
    wait_until(lambda: database("listener").processed_events.count_documents({}) == 1)
    dispatch(event)
    eventlet.sleep(0.5)
    assert calls == [event["id"]]


def test_a_failing_event_is_retried_then_dead_lettered_with_its_error(listener, dispatch, linli_config):
    poison = make_event("issues", "issue_reported", {"fail": True})
    dispatch(poison)
    wait_until(lambda: len(calls) == 3)  # the first try and two retries (LINLI_RETRY_DELAYS)
    wait_until(lambda: dead_letters(linli_config))
    [letter] = dead_letters(linli_config)
    assert letter["event_id"] == poison["id"]
    assert letter["queue"] == QUEUE
    assert "poison" in letter["error"]


def test_a_replayed_dead_letter_runs_again_in_its_queue(listener, dispatch, linli_config):
    poison = make_event("issues", "issue_reported", {"fail": True})
    dispatch(poison)
    wait_until(lambda: dead_letters(linli_config))
    handled = len(calls)
    replayed = deadletters.replay({poison["id"]}, linli_config["AMQP_URI"])
    assert [r["event_id"] for r in replayed] == [poison["id"]]
    wait_until(lambda: len(calls) > handled)
    wait_until(lambda: dead_letters(linli_config))
    assert dead_letters(linli_config)[0]["replays"] == 1


def test_listing_dead_letters_leaves_them_in_place(listener, dispatch, linli_config):
    dispatch(make_event("issues", "issue_reported", {"fail": True}))
    wait_until(lambda: dead_letters(linli_config))
    assert len(dead_letters(linli_config)) == 1
    assert len(dead_letters(linli_config)) == 1


def test_a_message_that_is_not_an_envelope_ends_in_the_dead_letter_queue(listener, linli_config):
    with Connection(linli_config["AMQP_URI"]) as conn:
        conn.Producer().publish("not json at all", exchange="issues.events", routing_key="issue_reported",
                                content_type="application/json", content_encoding="utf-8")
    wait_until(lambda: dead_letters(linli_config))
    assert dead_letters(linli_config)[0]["queue"] == QUEUE


def test_a_store_that_cannot_say_whether_an_event_was_seen_does_not_kill_the_service(
        listener, dispatch, monkeypatch):
    def store_down(self, consumer, event_id):
        raise ServerSelectionTimeoutError("the store is out of reach")
    monkeypatch.setattr(ProcessedEvents, "seen", store_down)
    event = make_event("issues", "issue_reported", {})
    dispatch(event)
    wait_until(lambda: calls == [event["id"]])  # the worker ran it instead of the container dying
    monkeypatch.undo()
    second = make_event("issues", "issue_reported", {})
    dispatch(second)
    wait_until(lambda: calls == [event["id"], second["id"]])
    assert not listener._died.ready()
