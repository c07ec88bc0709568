"""The versioned HTTP API: one flask-smorest Blueprint per resource."""
from gateway.identity.guard import login_required

PREFIX = "/api/v1"
BEARER = [{"bearerAuth": []}]


def protected(blp):
    """Decorator: log-in required, and documented as needing the bearer token."""
    def decorate(view):
        return blp.doc(security=BEARER)(login_required(view))
    return decorate
