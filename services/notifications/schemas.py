"""marshmallow at the notifications service's edges: tolerant readers in, strict shapes out."""
from marshmallow import EXCLUDE, RAISE, Schema, fields, validate


class Tolerant(Schema):
    class Meta:
        unknown = EXCLUDE


class AccountRegisteredData(Tolerant):
    account_id = fields.String(required=True)
    display_name = fields.String(load_default=None, allow_none=True)
    locale = fields.String(load_default="zh-CN", allow_none=True)
    email = fields.String(load_default=None, allow_none=True)
    phone = fields.String(load_default=None, allow_none=True)


class IssueReportedData(Tolerant):
    issue_id = fields.String(required=True)
    community_id = fields.String(required=True)
    reporter_id = fields.String(required=True)
    category = fields.String(required=True)
    title = fields.String(required=True)
    building_id = fields.String(required=True)


class ListInboxSchema(Schema):
    class Meta:
        unknown = RAISE

    account_id = fields.String(required=True, validate=validate.Length(min=1, max=64))
    limit = fields.Integer(load_default=20, validate=validate.Range(1, 100))
    before = fields.String(load_default=None, allow_none=True)


class InboxItemSchema(Schema):
    id = fields.String()
    kind = fields.String()
    title = fields.String()
    body = fields.String()
    subject = fields.Dict()
    community_id = fields.String(allow_none=True)
    created_at = fields.AwareDateTime()
    read_at = fields.AwareDateTime(allow_none=True)
