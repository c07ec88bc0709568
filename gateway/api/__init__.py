"""The versioned HTTP API: one flask-smorest Blueprint per resource."""
from http import HTTPStatus

from gateway.identity.guard import login_required

PREFIX = "/api/v1"
BEARER = [{"bearerAuth": []}]


def _documented(blp, view, *statuses):
    for status in statuses:
        view = blp.alt_response(status, response=HTTPStatus(status).name)(view)
    return view


def protected(blp):
    """Decorator: log-in required, documented with the bearer token and its 401 and 403."""
    def decorate(view):
        return blp.doc(security=BEARER)(_documented(blp, login_required(view), 401, 403))
    return decorate


def remote(blp):
    """Decorator documenting the answers of an endpoint that calls a service over RPC."""
    def decorate(view):
        return _documented(blp, view, 404, 502, 503, 504)
    return decorate
