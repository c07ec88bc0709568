"""Once per tick across instances, on the real store."""
from concurrent.futures import ThreadPoolExecutor

import mongoengine
import pytest

from services.common import store
from services.common.leases import TickLease


@pytest.fixture
def db(db_prefix):
    database = store.connect("leasetest")
    yield database
    mongoengine.disconnect("leasetest")


def test_exactly_one_of_many_instances_wins_a_tick(db):
    leases = [TickLease(db, "relay", 5) for _ in range(20)]
    with ThreadPoolExecutor(20) as pool:
        won = list(pool.map(lambda lease: lease.acquire(now=1000.0), leases))
    assert won.count(True) == 1


def test_every_new_tick_is_open_again(db):
    lease = TickLease(db, "relay", 5)
    assert lease.acquire(now=1000.0)
    assert not lease.acquire(now=1004.9)
    assert lease.acquire(now=1005.0)


def test_other_jobs_do_not_share_a_tick(db):
    assert TickLease(db, "relay", 5).acquire(now=1000.0)
    assert TickLease(db, "reminders", 5).acquire(now=1000.0)


def test_old_ticks_are_pruned(db):
    lease = TickLease(db, "relay", 5)
    lease.acquire(now=1000.0)
    lease.acquire(now=2000.0)
    lease.prune(now=2000.0)
    assert [doc["_id"] for doc in db.leases.find()] == ["relay:400"]
