"""Registering, logging in, refreshing and logging out."""
from marshmallow import Schema, ValidationError, fields, pre_load, validate, validates_schema

from gateway.identity import logins, passwords
from gateway.models.accounts import LOCALES
from gateway.schemas.fields import Id


class RegisterSchema(Schema):
    display_name = fields.String(required=True, validate=validate.Length(min=1, max=40))
    phone = fields.String(validate=validate.Regexp(logins.PHONE, error="Not a valid mobile number."))
    email = fields.Email(validate=validate.Length(max=254))
    password = fields.String(required=True, load_only=True)
    locale = fields.String(load_default="zh-CN", validate=validate.OneOf(LOCALES))
    community_id = Id(required=True)
    unit_id = Id(load_default=None)

    @pre_load
    def canonical_logins(self, data, **kwargs):
        if isinstance(data, dict):
            data = dict(data)
            if isinstance(data.get("phone"), str):
                data["phone"] = logins.normalize_phone(data["phone"])
            if isinstance(data.get("email"), str):
                data["email"] = logins.normalize_email(data["email"])
        return data

    @validates_schema
    def login_and_password(self, data, **kwargs):
        if not data.get("phone") and not data.get("email"):
            raise ValidationError("Give a phone number or an email address.", "phone")
        personal = (data.get("phone"), (data.get("email") or "").split("@")[0])
        if weak := passwords.weaknesses(data["password"], *personal):
            raise ValidationError(weak, "password")


class LoginSchema(Schema):
    login = fields.String(required=True, validate=validate.Length(min=1, max=254),
                          metadata={"description": "Phone number or email address"})
    password = fields.String(required=True, load_only=True, validate=validate.Length(max=1024))


class RefreshSchema(Schema):
    refresh_token = fields.String(required=True, load_only=True)


class LogoutSchema(Schema):
    refresh_token = fields.String(load_only=True, metadata={
        "description": "The session to end; without it, the access token's session"})
    everywhere = fields.Boolean(load_default=False, metadata={"description": "End every session"})


class TokensSchema(Schema):
    access_token = fields.String()
    refresh_token = fields.String()
    token_type = fields.String()
    expires_in = fields.Integer(metadata={"description": "Seconds the access token stays valid"})
