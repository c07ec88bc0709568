"""Errors an RPC method may raise; the gateway maps each, by class name, to an HTTP status."""
import json


class LinliError(Exception):
    """Base: `str(err)` is JSON so the detail survives nameko's RemoteError."""

    def __init__(self, detail, **extra):
        self.detail = detail
        self.extra = extra
        super().__init__(json.dumps({"detail": detail, **extra}, ensure_ascii=False))


class InvalidInput(LinliError):
    """The input broke a schema; `errors` names each offending field."""

    def __init__(self, errors):
        super().__init__("invalid input", errors=errors)


class NotFound(LinliError):
    pass


class Conflict(LinliError):
    pass


class Forbidden(LinliError):
    pass


def load(schema, payload):
    """Validate `payload` with a marshmallow schema or raise InvalidInput."""
    from marshmallow import ValidationError

    try:
        return schema.load(payload)
    except ValidationError as err:
        raise InvalidInput(err.messages) from None
