"""The event envelope: CloudEvents 1.0 attributes around a small `data` of ids and facts."""
import uuid
from datetime import datetime, timezone

from marshmallow import EXCLUDE, Schema, fields


def utcnow():
    return datetime.now(timezone.utc)


def make_event(source, type_, data, subject=None, request_id=None, version=1):
    """A new event from service `source`; `type_` is past tense (`issue_reported`)."""
    return {
        "specversion": "1.0",
        "id": str(uuid.uuid4()),
        "source": f"linli/{source}",
        "type": type_,
        "time": utcnow().isoformat(timespec="milliseconds"),
        "subject": subject,
        "datacontenttype": "application/json",
        "dataversion": version,
        "requestid": request_id,
        "data": data,
    }


def exchange_of(event):
    """nameko's exchange for the event's producer: `<service>.events`."""
    return event["source"].split("/", 1)[1] + ".events"


class EnvelopeSchema(Schema):
    """Tolerant reader of an incoming envelope; each handler reads `data` its own way."""

    class Meta:
        unknown = EXCLUDE

    specversion = fields.String(required=True)
    id = fields.String(required=True)
    source = fields.String(required=True)
    type = fields.String(required=True)
    time = fields.AwareDateTime(required=True)
    subject = fields.String(allow_none=True)
    dataversion = fields.Integer(load_default=1)
    requestid = fields.String(allow_none=True, load_default=None)
    data = fields.Dict(required=True)
