"""Errors an RPC method may raise; the gateway maps each, by its kind, to an HTTP status."""
import json


class LinliError(Exception):
    """Base: `str(err)` is JSON so the detail survives nameko's RemoteError.

    The JSON names the error's `kind` (InvalidInput, NotFound, Conflict, Forbidden), so a
    service's own subclass (IssueNotFound) still maps to the right HTTP status.
    """

    kind = "LinliError"

    def __init__(self, detail, **extra):
        self.detail = detail
        self.extra = extra
        super().__init__(json.dumps({"detail": detail, "kind": self.kind, **extra}, ensure_ascii=False))


class InvalidInput(LinliError):
    """The input broke a schema; `errors` names each offending field."""

    kind = "InvalidInput"

    def __init__(self, errors):
        super().__init__("invalid input", errors=errors)


class NotFound(LinliError):
    kind = "NotFound"


class Conflict(LinliError):
    kind = "Conflict"


class Forbidden(LinliError):
    kind = "Forbidden"


def load(schema, payload):
    """Validate `payload` with a marshmallow schema or raise InvalidInput."""
    from marshmallow import ValidationError

    try:
        return schema.load(payload)
    except ValidationError as err:
        raise InvalidInput(err.messages) from None
