"""Prometheus metrics at /metrics: requests per route and status, latency, RPC latency per service.

Under gunicorn each worker counts for itself; set PROMETHEUS_MULTIPROC_DIR (an empty,
writable directory) to have /metrics add up every worker's figures.
"""
import os
import time

from flask import Response, g, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client import multiprocess

REQUESTS = Counter("linli_http_requests_total", "HTTP requests answered", ["method", "route", "status"])
LATENCY = Histogram("linli_http_request_seconds", "Time to answer an HTTP request", ["method", "route"])
RPC = Histogram("linli_rpc_seconds", "Time of an RPC call to a service", ["service", "method", "outcome"])


def observe_rpc(service, method, outcome, seconds):
    RPC.labels(service, method, outcome).observe(seconds)


def _route():
    """The URL rule (`/api/v1/issues/<issue_id>`), not the path, so ids do not explode the labels."""
    return request.url_rule.rule if request.url_rule is not None else "unmatched"


def _begin():
    g.metrics_started = time.perf_counter()


def _finish(response):
    elapsed = time.perf_counter() - g.get("metrics_started", time.perf_counter())
    REQUESTS.labels(request.method, _route(), str(response.status_code)).inc()
    LATENCY.labels(request.method, _route()).observe(elapsed)
    return response


def _exposition():
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest()


def init_app(app):
    app.before_request(_begin)
    app.after_request(_finish)
    app.add_url_rule("/metrics", "metrics", lambda: Response(_exposition(), mimetype=CONTENT_TYPE_LATEST))
