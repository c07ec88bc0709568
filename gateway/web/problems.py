"""RFC 9457 problem details: the one shape of every error the gateway answers with."""
import logging

from flask import jsonify
from werkzeug.exceptions import HTTPException

from gateway.web.i18n import language, translate, translate_errors

log = logging.getLogger(__name__)
MEDIA_TYPE = "application/problem+json"

TITLES = {
    400: ("bad-request", "Bad request"),
    401: ("unauthorized", "Authentication required"),
    403: ("forbidden", "Forbidden"),
    404: ("not-found", "Not found"),
    405: ("method-not-allowed", "Method not allowed"),
    409: ("conflict", "Conflict"),
    412: ("precondition-failed", "Precondition failed"),
    415: ("unsupported-media-type", "Unsupported media type"),
    429: ("too-many-requests", "Too many requests"),
    422: ("invalid-input", "Invalid input"),
    500: ("internal-error", "Internal server error"),
    502: ("bad-gateway", "A service gave an unexpected answer"),
    503: ("service-unavailable", "Service unavailable"),
    504: ("service-timeout", "A service did not answer in time"),
}


class Problem(Exception):
    """An error to answer with; `detail` is English and translated when rendered."""

    def __init__(self, status, detail=None, errors=None, slug=None, headers=None, **params):
        super().__init__(detail or status)
        self.status = status
        self.detail = detail
        self.errors = errors
        self.slug = slug
        self.headers = headers or {}
        self.params = params


def invalid(errors, detail="The request has invalid fields."):
    """A 422 naming each offending field."""
    return Problem(422, detail, errors=errors)


def render(problem):
    """The problem+json response for `problem`."""
    slug, title = TITLES.get(problem.status, ("error", "Error"))
    body = {
        "type": f"urn:linli:problem:{problem.slug or slug}",
        "title": translate(title),
        "status": problem.status,
        "detail": translate(problem.detail or title, **problem.params),
    }
    if problem.errors is not None:
        body["errors"] = translate_errors(problem.errors)
    response = jsonify(body)
    response.status_code = problem.status
    response.mimetype = MEDIA_TYPE
    response.headers["Content-Language"] = language()
    response.headers.update(problem.headers)
    return response


def from_http_exception(error):
    """A Werkzeug or flask-smorest HTTP error as a problem."""
    data = getattr(error, "data", None) or {}
    errors = _field_errors(data.get("messages") or data.get("errors"))
    headers = {k: v for k, v in error.get_headers() if k.lower() in ("allow", "www-authenticate")}
    headers.update(data.get("headers") or {})
    detail = data.get("message") or _default_detail(error.code)
    return render(Problem(error.code, detail, errors=errors, headers=headers))


def _field_errors(messages):
    """webargs nests field errors under their location (`json`, `query`); merge them."""
    if not isinstance(messages, dict):
        return None
    merged = {}
    for location, errors in messages.items():
        merged.update(errors if isinstance(errors, dict) else {location: errors})
    return merged


def _default_detail(status):
    if status == 422:
        return "The request has invalid fields."
    return TITLES.get(status, ("", "Error"))[1]


def handle_unexpected(error):
    """Any other exception: log it whole, tell the client nothing of its insides."""
    if isinstance(error, HTTPException):
        return from_http_exception(error)
    log.exception("unhandled error")
    return render(Problem(500, "Something went wrong on our side; please try again later."))
