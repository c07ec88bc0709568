"""Limits on guessing: failed logins per login name, and attempts per address.

Each attempt is its own document (an insert, never an update: FerretDB has no atomic
counters); the limit is a count over the window. Old attempts are pruned as new ones
arrive.
"""
import random
from datetime import timedelta

from flask import request

from gateway import runtime
from gateway.web.problems import Problem
from services.common.envelope import utcnow

COLLECTION = "throttle"


def parse(rule):
    """`"5/900"` → (5 attempts, 900 seconds)."""
    count, seconds = str(rule).split("/")
    return int(count), int(seconds)


def _collection():
    return runtime.current().db[COLLECTION]


def _recent(key, seconds):
    return _collection().count_documents({"key": key, "at": {"$gte": utcnow() - timedelta(seconds=seconds)}})


def _refuse(seconds, detail):
    return Problem(429, detail, slug="too-many-attempts", headers={"Retry-After": str(seconds)})


def record(key):
    _collection().insert_one({"key": key, "at": utcnow()})
    if random.random() < 0.01:
        _collection().delete_many({"at": {"$lt": utcnow() - timedelta(days=1)}})


def check_address(kind):
    """429 when this address tried too often; otherwise counts this attempt."""
    limit, seconds = parse(runtime.current().settings.address_attempts)
    key = f"address:{request.remote_addr}"
    if _recent(key, seconds) >= limit:
        raise _refuse(seconds, "Too many attempts from this address; try again later.")
    record(key)


def check_login(login_name):
    """429 while this login name has too many recent failures (whoever tries it)."""
    limit, seconds = parse(runtime.current().settings.login_failures)
    if _recent(f"login:{login_name.strip().lower()}", seconds) >= limit:
        raise _refuse(seconds, "Too many failed logins for this account; try again later.")


def failed_login(login_name):
    record(f"login:{login_name.strip().lower()}")
