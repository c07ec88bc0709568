"""A person's inbox, read through the notifications service."""
from marshmallow import Schema, fields, validate


class InboxQuerySchema(Schema):
    limit = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))
    before = fields.String(load_default=None, validate=validate.Length(max=200),
                           metadata={"description": "The `next` cursor of the previous page"})
    cursor = fields.String(load_default=None, validate=validate.Length(max=200),
                           metadata={"description": "The same as `before`: the list convention's name for it"})


class SubjectSchema(Schema):
    type = fields.String()
    id = fields.String()


class NotificationSchema(Schema):
    id = fields.String()
    kind = fields.String()
    title = fields.String()
    body = fields.String()
    created_at = fields.String(metadata={"format": "date-time"})
    read_at = fields.String(allow_none=True, metadata={"format": "date-time"})
    subject = fields.Nested(SubjectSchema, allow_none=True)
    community_id = fields.String(allow_none=True)


class InboxSchema(Schema):
    items = fields.List(fields.Nested(NotificationSchema))
    next = fields.String(allow_none=True, metadata={"description": "Cursor for the next page"})
