"""A request id on every request: taken from `X-Request-Id` or made, echoed, logged, passed on."""
import logging
import re
import time
import uuid

from flask import g, has_app_context, request

from services.common import logs

HEADER = "X-Request-Id"
_ACCEPTABLE = re.compile(r"[A-Za-z0-9._:\-]{1,128}")
log = logging.getLogger("gateway.access")


def current():
    """The current request's id, or None outside a request."""
    return g.get("request_id") if has_app_context() else None


def _begin():
    offered = request.headers.get(HEADER, "")
    g.request_id = offered if _ACCEPTABLE.fullmatch(offered) else uuid.uuid4().hex
    g.started = time.monotonic()
    logs.bind(request_id=g.request_id)


def _finish(response):
    response.headers[HEADER] = g.get("request_id", "")
    elapsed = (time.monotonic() - g.get("started", time.monotonic())) * 1000
    log.info("request served", extra={"method": request.method, "path": request.path,
                                      "status": response.status_code, "ms": round(elapsed, 1)})
    return response


def _unbind(_exc=None):
    logs.bind()


def init_app(app):
    app.before_request(_begin)
    app.after_request(_finish)
    app.teardown_request(_unbind)
