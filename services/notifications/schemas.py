"""marshmallow at the notifications service's edges: tolerant readers in, strict shapes out."""
from marshmallow import EXCLUDE, RAISE, Schema, ValidationError, fields, validate, validates_schema

from services.notifications import policy


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


class Strict(Schema):
    class Meta:
        unknown = RAISE


ID = dict(validate=validate.Length(min=1, max=64))
CHANNELS = fields.List(fields.String(validate=validate.OneOf(policy.OUTSIDE)), load_default=list)


class AudienceSchema(Strict):
    account_ids = fields.List(fields.String(**ID), load_default=list, validate=validate.Length(max=5000))
    roles = fields.List(fields.String(**ID), load_default=list)
    parties = fields.Boolean(load_default=False)
    building_ids = fields.List(fields.String(**ID), load_default=list)
    grid_ids = fields.List(fields.String(**ID), load_default=list)
    skills = fields.List(fields.String(validate=validate.OneOf(policy.SKILLS)), load_default=list)

    @validates_schema
    def names_someone(self, data, **kwargs):
        if not any(data.values()):
            raise ValidationError("name at least one person, role, party group, building or grid", "audience")


class PublishAnnouncementSchema(Strict):
    community_id = fields.String(required=True, **ID)
    author_id = fields.String(required=True, **ID)
    title = fields.String(required=True, validate=validate.Length(min=1, max=120))
    body = fields.String(required=True, validate=validate.Length(min=1, max=2000))
    audience = fields.Nested(AudienceSchema, required=True)
    priority = fields.String(load_default="normal", validate=validate.OneOf(policy.PRIORITIES))
    channels = CHANNELS
    submission_key = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=200))


class AnnouncementPublishedSchema(Strict):
    """Outgoing `announcement_published` data."""

    announcement_id = fields.String(required=True)
    community_id = fields.String(required=True)
    author_id = fields.String(required=True)
    title = fields.String(required=True)
    body = fields.String(required=True)
    priority = fields.String(required=True)
    channels = fields.List(fields.String(), required=True)
    audience = fields.Dict(required=True)


class AnnouncementPublishedData(Tolerant):
    announcement_id = fields.String(required=True)
    community_id = fields.String(required=True)
    title = fields.String(required=True)
    body = fields.String(required=True)
    priority = fields.String(required=True)
    channels = fields.List(fields.String(), required=True)
    audience = fields.Dict(required=True)


EVENT_SCHEMAS = {"announcement_published": AnnouncementPublishedSchema}


class AnnouncementSchema(Schema):
    id = fields.String()
    community_id = fields.String()
    author_id = fields.String()
    title = fields.String()
    body = fields.String()
    audience = fields.Dict()
    priority = fields.String()
    channels = fields.List(fields.String())
    created_at = fields.AwareDateTime()


class ResendSchema(Strict):
    announcement_id = fields.String(required=True, **ID)
    channel = fields.String(required=True, validate=validate.OneOf(policy.OUTSIDE))


class DeliverySchema(Schema):
    id = fields.String()
    account_id = fields.String()
    channel = fields.String()
    status = fields.String()
    attempts = fields.Integer()
    last_error = fields.String(allow_none=True)
    title = fields.String()
    subject = fields.Dict()
    created_at = fields.AwareDateTime()
    sent_at = fields.AwareDateTime(allow_none=True)
    due_at = fields.AwareDateTime()
    read_at = fields.AwareDateTime(allow_none=True)


class DeliveryQuerySchema(Strict):
    community_id = fields.String(required=True, **ID)
    status = fields.String(load_default=None, allow_none=True,
                           validate=validate.OneOf(("queued", "held", "sent", "failed", "digested")))
    limit = fields.Integer(load_default=100, validate=validate.Range(1, 500))


class QuietHoursSchema(Strict):
    start = fields.String(required=True, validate=validate.Regexp(r"^([01]\d|2[0-3]):[0-5]\d$"))
    end = fields.String(required=True, validate=validate.Regexp(r"^([01]\d|2[0-3]):[0-5]\d$"))


# A category names a kind of message ("cases", "bookings"); it becomes a key of the stored preferences.
CATEGORY = validate.Regexp(r"^[a-z][a-z0-9_]{0,39}$", error="a category: a-z, 0-9 and _, at most 40")


class PreferencesSchema(Strict):
    channels = fields.Dict(keys=fields.String(validate=CATEGORY),
                           values=fields.List(fields.String(validate=validate.OneOf(policy.OUTSIDE))),
                           load_default=dict)
    apprise_url = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=500))
    quiet_hours = fields.Nested(QuietHoursSchema, load_default=None, allow_none=True)
    digest = fields.List(fields.String(validate=CATEGORY), load_default=list)


class TemplateSchema(Strict):
    community_id = fields.String(required=True, **ID)
    kind = fields.String(required=True, validate=validate.Length(min=1, max=80))
    locale = fields.String(required=True, validate=validate.OneOf(("zh-CN", "en")))
    title = fields.String(required=True, validate=validate.Length(min=1, max=200))
    body = fields.String(required=True, validate=validate.Length(min=1, max=2000))
    editor_id = fields.String(required=True, **ID)


class SkillsData(Tolerant):
    """Reads `volunteer_registered` (skills) and `skill_verified` (skill)."""

    community_id = fields.String(required=True)
    volunteer_id = fields.String(required=True)
    skills = fields.List(fields.String(), load_default=list)
    skill = fields.String(load_default=None)
