"""The kit's pure parts: configuration, envelope, errors and log lines, with no infrastructure."""
import json
import logging
import uuid
from datetime import datetime

import pytest
from marshmallow import Schema, fields

from services.common import config, logs, topology
from services.common.envelope import EnvelopeSchema, exchange_of, make_event
from services.common.errors import InvalidInput, NotFound, load


def test_a_database_named_in_the_uri_wins_over_the_prefix(monkeypatch):
    monkeypatch.setenv("MONGODB_URI", "mongodb://mongo:27017/issues")
    monkeypatch.setenv("LINLI_DB_PREFIX", "test_")
    assert config.database_name("issues") == "issues"


def test_without_a_database_in_the_uri_the_prefix_names_it(monkeypatch):
    monkeypatch.setenv("MONGODB_URI", "mongodb://127.0.0.1:27017/")
    monkeypatch.setenv("LINLI_DB_PREFIX", "test_")
    assert config.database_name("bookings") == "test_bookings"


def test_the_containers_broker_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("AMQP_URI", "amqp://env/")
    assert config.amqp_uri({"AMQP_URI": "amqp://container/"}) == "amqp://container/"
    assert config.amqp_uri({}) == "amqp://env/"


def test_retry_delays_are_read_as_seconds(monkeypatch):
    monkeypatch.setenv("LINLI_RETRY_DELAYS", "0.5, 2,10")
    assert config.retry_delays() == (0.5, 2.0, 10.0)
    assert topology.delay_key(0.5) == "500ms"


def test_an_event_carries_the_cloudevents_attributes_and_reads_back():
    event = make_event("issues", "issue_reported", {"issue_id": "i1"}, subject="i1", request_id="r1")
    assert {"specversion", "id", "source", "type", "time", "subject", "datacontenttype", "data"} <= set(event)
    assert event["specversion"] == "1.0" and event["source"] == "linli/issues"
    assert uuid.UUID(event["id"])
    assert datetime.fromisoformat(event["time"]).utcoffset().total_seconds() == 0
    assert exchange_of(event) == "issues.events"
    read = EnvelopeSchema().load({**event, "extension_we_do_not_know": 1})
    assert read["requestid"] == "r1" and read["dataversion"] == 1


def test_an_error_keeps_its_detail_and_kind_through_a_string():
    class IssueNotFound(NotFound):
        pass

    assert json.loads(str(IssueNotFound("no issue x", issue_id="x"))) == {
        "detail": "no issue x", "kind": "NotFound", "issue_id": "x"}


def test_loading_bad_input_raises_invalid_input_naming_the_field():
    class Thing(Schema):
        size = fields.Integer(required=True)

    with pytest.raises(InvalidInput) as raised:
        load(Thing(), {"size": "big"})
    assert list(raised.value.extra["errors"]) == ["size"]
    assert json.loads(str(raised.value))["errors"]["size"]


def test_a_log_line_is_json_with_the_bound_request_id(monkeypatch):
    monkeypatch.setenv("LINLI_SERVICE", "issues")
    logs.bind(request_id="req-42")
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "stored %s", ("it",), None)
    record.event_id = "e1"
    line = json.loads(logs.JsonFormatter().format(record))
    logs.bind()
    assert line["message"] == "stored it"
    assert (line["service"], line["request_id"], line["event_id"]) == ("issues", "req-42", "e1")
