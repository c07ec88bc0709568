"""Errors the issues service's RPC methods raise (mapped to HTTP by the gateway)."""
from services.common.errors import InvalidInput, NotFound  # noqa: F401  (re-exported)


class IssueNotFound(NotFound):
    def __init__(self, issue_id):
        super().__init__(f"no issue {issue_id}", issue_id=issue_id)
