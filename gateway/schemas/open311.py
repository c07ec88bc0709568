"""Open311 API keys as the community admin issues, lists and revokes them."""
from marshmallow import Schema, fields, validate

from gateway.schemas.fields import Id, SecretHolderSchema


class KeyInSchema(Schema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=60),
                         metadata={"description": "Who uses the key, e.g. the district's 12345 dashboard"})
    account_id = Id(required=True, metadata={"description": "The member the key's requests are reported as"})


class KeySchema(SecretHolderSchema):
    account_id = fields.String()
    key = fields.String(metadata={"description": "The api_key itself: shown once, when it is issued"})


class KeyListSchema(Schema):
    items = fields.List(fields.Nested(KeySchema))
