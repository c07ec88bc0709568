"""Errors the volunteers service's RPC methods raise (mapped to HTTP by the gateway)."""
from services.common.errors import Conflict, Forbidden, InvalidInput, NotFound  # noqa: F401  (re-exported)


def refused(rule):
    """A broken sign-up rule as a 409 whose `reason` a client can act on."""
    return Conflict(str(rule), reason=rule.reason)


class Missing(NotFound):
    def __init__(self, what, key):
        super().__init__(f"no {what} {key}", **{f"{what}_id": key})
