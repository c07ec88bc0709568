"""Staff announcements, their read receipts and outside deliveries; a person's preferences."""
from marshmallow import EXCLUDE, Schema, fields, validate

from gateway.schemas.fields import PageSchema

CHANNEL = fields.String(validate=validate.OneOf(("email", "apprise")))
IDS = fields.List(fields.String(validate=validate.Length(min=1, max=64)), load_default=list)


class AudienceSchema(Schema):
    account_ids = IDS
    roles = IDS
    parties = fields.Boolean(load_default=False, metadata={"description": "rc, pm and oc: the three parties"})
    building_ids = IDS
    grid_ids = IDS
    skills = fields.List(fields.String(validate=validate.OneOf(
        ("hairdressing", "legal_advice", "nursing", "it", "drawing", "first_aid"))), load_default=list,
        metadata={"description": "every volunteer with one of these skills"})


class AnnouncementInSchema(Schema):
    title = fields.String(required=True, validate=validate.Length(min=1, max=120))
    body = fields.String(required=True, validate=validate.Length(min=1, max=2000))
    audience = fields.Nested(AudienceSchema, required=True)
    priority = fields.String(load_default="normal", validate=validate.OneOf(("low", "normal", "critical")),
                             metadata={"description": "critical overrides preferences and quiet hours"})
    channels = fields.List(CHANNEL, load_default=list, metadata={"description": "outside channels besides the inbox"})


class AnnouncementSchema(Schema):
    id = fields.String()
    community_id = fields.String()
    author_id = fields.String()
    title = fields.String()
    body = fields.String()
    audience = fields.Dict()
    priority = fields.String()
    channels = fields.List(fields.String())
    created_at = fields.String(metadata={"format": "date-time"})


class ReceiptSchema(Schema):
    account_id = fields.String()
    display_name = fields.String(allow_none=True)
    read_at = fields.String(allow_none=True, metadata={"format": "date-time"})


class DeliverySchema(Schema):
    id = fields.String()
    account_id = fields.String()
    channel = fields.String()
    status = fields.String(metadata={"description": "queued, held (for the digest), sent, failed, digested"})
    attempts = fields.Integer()
    last_error = fields.String(allow_none=True)
    title = fields.String()
    subject = fields.Dict()
    created_at = fields.String(metadata={"format": "date-time"})
    sent_at = fields.String(allow_none=True, metadata={"format": "date-time"})
    due_at = fields.String(metadata={"format": "date-time"})
    read_at = fields.String(allow_none=True, metadata={"format": "date-time",
                                                       "description": "when the person read it in the app"})


class ReceiptsSchema(AnnouncementSchema):
    recipients = fields.Integer()
    read = fields.List(fields.Nested(ReceiptSchema))
    unread = fields.List(fields.Nested(ReceiptSchema))
    deliveries = fields.List(fields.Nested(DeliverySchema))


class ResendInSchema(Schema):
    channel = fields.String(required=True, validate=validate.OneOf(("email", "apprise")))


class ResendSchema(Schema):
    queued = fields.List(fields.String())
    already = fields.List(fields.String(), metadata={"description": "unread, but it already went to them this way"})
    unreachable = fields.List(fields.String(), metadata={"description": "unread, but with no such contact point"})


class DeliveryQuerySchema(Schema):
    status = fields.String(load_default=None, validate=validate.OneOf(("queued", "held", "sent", "failed", "digested")))
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=500))


class DeliveriesSchema(PageSchema):
    items = fields.List(fields.Nested(DeliverySchema))


class QuietHoursSchema(Schema):
    start = fields.String(required=True, validate=validate.Regexp(r"^([01]\d|2[0-3]):[0-5]\d$"),
                          metadata={"description": "HH:MM, Asia/Shanghai"})
    end = fields.String(required=True, validate=validate.Regexp(r"^([01]\d|2[0-3]):[0-5]\d$"))


CATEGORY = validate.Regexp(r"^[a-z][a-z0-9_]{0,39}$", error="A category: a-z, 0-9 and _, at most 40 characters.")


class PreferencesSchema(Schema):
    channels = fields.Dict(keys=fields.String(validate=CATEGORY), values=fields.List(CHANNEL),
                           load_default=dict, metadata={"description": "category -> outside channels; else in-app only"})
    apprise_url = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=500),
                                metadata={"description": "an Apprise URL (WeCom, DingTalk, an SMS gateway, ...)"})
    quiet_hours = fields.Nested(QuietHoursSchema, load_default=None, allow_none=True)
    digest = fields.List(fields.String(validate=CATEGORY), load_default=list,
                         metadata={"description": "categories whose low-priority messages wait for the daily digest"})


class TemplateInSchema(Schema):
    title = fields.String(required=True, validate=validate.Length(min=1, max=200))
    body = fields.String(required=True, validate=validate.Length(min=1, max=2000))


class TemplateSchema(Schema):
    kind = fields.String()
    locale = fields.String()
    title = fields.String()
    body = fields.String()
    own = fields.Dict(allow_none=True)


class TemplatesSchema(PageSchema):
    items = fields.List(fields.Nested(TemplateSchema))


class AnnouncementQuerySchema(Schema):
    class Meta:
        unknown = EXCLUDE

    limit = fields.Integer(load_default=20, validate=validate.Range(1, 100))
    cursor = fields.String(load_default=None, validate=validate.Regexp(r"^\d{1,6}$", error="Not a cursor this list gave."),
                           metadata={"description": "The `next` of the previous page"})


class ListedAnnouncementSchema(AnnouncementSchema):
    recipients = fields.Integer(metadata={"description": "Staff only: how many people it reached in the app"})
    read = fields.Integer(metadata={"description": "Staff only: how many of them have read it"})


class AnnouncementListSchema(Schema):
    items = fields.List(fields.Nested(ListedAnnouncementSchema))
    next = fields.String(allow_none=True, metadata={"description": "Cursor of the next page (pass it as `cursor`)"})
