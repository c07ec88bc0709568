"""Fields shared by the API schemas."""
import re

from bson import ObjectId
from marshmallow import Schema, fields

HEX24 = re.compile(r"[0-9a-fA-F]{24}")


class Id(fields.Field):
    """A document id: a 24-hex-digit string outside, an ObjectId inside."""

    default_error_messages = {"invalid": "Not a valid id."}

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else str(value)

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str) or not HEX24.fullmatch(value):
            raise self.make_error("invalid")
        return ObjectId(value)


class ProblemSchema(Schema):
    """RFC 9457 problem details."""

    type = fields.String(metadata={"description": "A URI naming the kind of problem"})
    title = fields.String()
    status = fields.Integer()
    detail = fields.String()
    errors = fields.Dict(metadata={"description": "For 422: each offending field and what is wrong"})


class PageSchema(Schema):
    """A page of a list (gateway/web/lists.py): `next` is the cursor of the next page, null on the last."""

    next = fields.String(allow_none=True, metadata={"description": "Cursor of the next page (pass it as `cursor`)"})


class SecretHolderSchema(Schema):
    """What a list shows of a secret given out once (gateway/secret_keys.py): an Open311 key, a kiosk's token."""

    id = fields.String(metadata={"description": "The public id: the start of the secret's SHA-256"})
    name = fields.String()
    created_by = fields.String()
    created_at = fields.AwareDateTime()
    revoked_at = fields.AwareDateTime(allow_none=True)
