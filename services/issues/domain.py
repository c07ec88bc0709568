"""Pure rules of a resident report: categories, states and the legal moves between them."""
from datetime import datetime, timezone

CATEGORIES = ("parking", "non_motor_vehicles", "noise", "sanitation", "repairs",
              "safety", "greenery", "elevators", "other")

SUBMITTED, ACCEPTED, ASSIGNED, IN_PROGRESS = "submitted", "accepted", "assigned", "in_progress"
RESOLVED, CLOSED, REJECTED, MERGED, REOPENED = "resolved", "closed", "rejected", "merged", "reopened"

TRANSITIONS = {
    SUBMITTED: {ACCEPTED, REJECTED, MERGED},
    ACCEPTED: {ASSIGNED, REJECTED, MERGED},
    ASSIGNED: {IN_PROGRESS, ASSIGNED, MERGED},
    IN_PROGRESS: {RESOLVED, ASSIGNED},
    RESOLVED: {CLOSED, REOPENED},
    REOPENED: {ASSIGNED, IN_PROGRESS},
    CLOSED: set(),
    REJECTED: set(),
    MERGED: set(),
}


class IllegalTransition(ValueError):
    pass


def check_transition(current, target):
    """Raise unless a case in state `current` may move to `target`."""
    if target not in TRANSITIONS.get(current, set()):
        raise IllegalTransition(f"cannot move a case from {current} to {target}")


def timeline_entry(action, actor_id, status, note=None, at=None):
    """One line of a case's history: who did what, when, leaving it in which state."""
    return {"at": at or datetime.now(timezone.utc), "action": action, "actor_id": actor_id,
            "status": status, "note": note}
