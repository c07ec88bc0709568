"""A short chaos run: crashes, a broker and a store outage and poison under load lose and double nothing."""
import pytest

from tests.chaos.reconcile import failed, table
from tests.chaos.scenario import Plan, Run

SHORT = Plan(faults=("sigkill:notifications", "sigkill:gateway", "poison", "broker_outage", "store_outage"),
             outage=4, settle=5, votes=6, shifts=20, retry_for=15, retry_delays="1,2,4,8",
             rpc_timeout=4)


@pytest.mark.timeout(900)  # a busy shared machine can stretch the platform's start-up several-fold
def test_under_faults_every_accepted_request_is_stored_once_and_every_event_consumed_once(tmp_path):
    with Run(tmp_path, SHORT) as run:
        rows, missing = run.execute()
    print("\n" + table(rows))
    assert not failed(rows), f"{table(failed(rows))}\nunconsumed events (first 10): {missing[:10]}"
