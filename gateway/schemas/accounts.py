"""An account, its memberships, and role changes."""
from marshmallow import Schema, fields, validate

from gateway import roles
from gateway.schemas.fields import Id


class AccountSchema(Schema):
    id = Id()
    display_name = fields.String()
    locale = fields.String()
    email = fields.String(allow_none=True)
    phone = fields.String(allow_none=True)
    created_at = fields.AwareDateTime()


class MembershipSchema(Schema):
    account_id = Id()
    community_id = Id()
    roles = fields.List(fields.String())
    building_id = Id(allow_none=True)
    unit_id = Id(allow_none=True)
    grid_id = Id(allow_none=True)


class MeSchema(Schema):
    account = fields.Nested(AccountSchema)
    memberships = fields.List(fields.Nested(MembershipSchema))


class RolesSchema(Schema):
    roles = fields.List(fields.String(validate=validate.OneOf(roles.ALL)), required=True,
                        validate=validate.Length(min=1, max=len(roles.ALL)))
