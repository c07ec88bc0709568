"""Loans: equipment picked up by check-in, returned early (the rest of its time frees up), or overdue once."""
from datetime import datetime, timedelta, timezone

import pytest
from bson import ObjectId

from services.bookings.tests.conftest import booking, soon
from services.common.errors import Conflict


def picked_up(call, drill, account="a1", hours=2.0):
    made = call("request_booking", booking(drill, account=account, start=soon(0), hours=hours))
    return call("check_in_booking", {"booking_id": made["id"], "actor_id": account, "roles": ["resident"],
                                     "code": made["check_in_code"]})


def test_an_early_return_frees_the_rest_of_the_loan(call, resource, database, bookings_tap):
    drill = resource("drill", kind="equipment")
    loan = picked_up(call, drill)
    assert database("bookings").slot_claims.count_documents({}) == 8
    returned = call("return_loan", {"booking_id": loan["id"], "actor_id": "a1", "roles": ["resident"]})
    assert returned["status"] == "returned"
    assert database("bookings").slot_claims.count_documents({}) == 0  # it had not started yet: all of it is free
    with pytest.raises(Conflict):
        call("return_loan", {"booking_id": loan["id"], "actor_id": "a1", "roles": ["resident"]})
    assert [e["type"] for e in bookings_tap()][-1] == "loan_returned"


def test_a_loan_past_its_due_time_is_reported_overdue_once(call, resource, database, bookings_tap):
    drill = resource("drill", kind="equipment")
    loan = picked_up(call, drill, hours=0.5)
    due = datetime.now(timezone.utc) - timedelta(minutes=1)
    database("bookings").bookings.update_one({"_id": ObjectId(loan["id"])}, {"$set": {"ends_at": due}})
    assert call("report_overdue_loans") == 1
    assert call("report_overdue_loans") == 0
    [overdue] = [e for e in bookings_tap() if e["type"] == "loan_overdue"]
    assert overdue["data"]["booking_id"] == loan["id"] and overdue["data"]["account_id"] == "a1"


def test_only_a_picked_up_loan_can_be_returned(call, resource):
    drill = resource("drill", kind="equipment")
    made = call("request_booking", booking(drill))
    with pytest.raises(Conflict):
        call("return_loan", {"booking_id": made["id"], "actor_id": "a1", "roles": ["resident"]})
