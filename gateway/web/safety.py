"""Refuse JSON bodies that smuggle MongoDB operators (`$where`) or dotted paths into field names.

Also refuse, with 415, a body in another media type sent to the JSON API (`/api/`).
"""
from flask import request

from gateway.web.problems import Problem, invalid

MESSAGE = "Field names may not start with '$' or contain '.'."


def smuggled_keys(value):
    """Field errors for every key that could be read as a MongoDB operator or path; {} if none."""
    errors = {}
    if isinstance(value, dict):
        for key, item in value.items():
            if str(key).startswith("$") or "." in str(key):
                errors[key] = [MESSAGE]
            elif nested := smuggled_keys(item):
                errors[key] = nested
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if nested := smuggled_keys(item):
                errors[index] = nested
    return errors


def _check_media_type():
    if request.path.startswith("/api/") and request.content_length and not request.is_json:
        raise Problem(415, "Send the body as JSON (Content-Type: application/json).")


def _check_body():
    if request.method not in ("POST", "PUT", "PATCH", "DELETE"):
        return
    _check_media_type()
    if request.is_json:
        body = request.get_json(silent=True)
        if errors := smuggled_keys(body):
            raise invalid(errors, "Field names may not start with '$' or contain '.'.")


def init_app(app):
    app.before_request(_check_body)
