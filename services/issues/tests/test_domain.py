"""Pure rules of a case's life, without broker or store."""
import pytest

from services.issues import domain


def test_a_submitted_case_can_be_accepted_or_rejected():
    domain.check_transition(domain.SUBMITTED, domain.ACCEPTED)
    domain.check_transition(domain.SUBMITTED, domain.REJECTED)


@pytest.mark.parametrize("current,target", [
    (domain.SUBMITTED, domain.RESOLVED),
    (domain.CLOSED, domain.REOPENED),
    (domain.REJECTED, domain.ACCEPTED),
    (domain.MERGED, domain.IN_PROGRESS),
])
def test_illegal_moves_are_refused(current, target):
    with pytest.raises(domain.IllegalTransition):
        domain.check_transition(current, target)


def test_a_resolved_case_can_be_reopened_and_worked_again():
    domain.check_transition(domain.RESOLVED, domain.REOPENED)
    domain.check_transition(domain.REOPENED, domain.IN_PROGRESS)


def test_a_timeline_entry_names_who_did_what_and_the_state_left():
    entry = domain.timeline_entry("reported", "acc-1", domain.SUBMITTED)
    assert entry["actor_id"] == "acc-1"
    assert entry["action"] == "reported"
    assert entry["status"] == domain.SUBMITTED
    assert entry["at"].tzinfo is not None
