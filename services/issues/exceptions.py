"""Errors the issues service's RPC methods raise (mapped to HTTP by the gateway).

The gateway maps an error by its class name, so these make instances of the kit's own
classes (NotFound, Conflict, ...) instead of subclassing them.
"""
from services.common.errors import Conflict, Forbidden, InvalidInput, NotFound  # noqa: F401  (re-exported)


def IssueNotFound(issue_id):  # noqa: N802  (reads like the error it makes)
    return NotFound(f"no issue {issue_id}", issue_id=issue_id)


def IllegalMove(issue_id, status, action):  # noqa: N802
    return Conflict(f"a case in state {status} cannot be {action}", issue_id=issue_id, status=status,
                    action=action, reason="illegal_transition")


def ConcurrentMove(issue_id):  # noqa: N802
    return Conflict("someone else changed this case at the same moment; reload it and try again",
                    issue_id=issue_id, reason="concurrent_change")
