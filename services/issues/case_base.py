"""What every case mixin shares: its dependencies, the one way a case moves, and its dump."""
from datetime import datetime, timezone

from services.common.dependencies import EventOutbox, RequestContext
from services.issues import domain
from services.issues.dependencies import Issues
from services.issues.exceptions import Conflict, IllegalMove
from services.issues.schemas import CaseEventSchema, IssueAssignedSchema, IssueSchema, IssueStatusChangedSchema

EVENTS = {"accepted": ("issue_accepted", CaseEventSchema), "assigned": ("issue_assigned", IssueAssignedSchema),
          "reassigned": ("issue_assigned", IssueAssignedSchema), "resolved": ("issue_resolved", CaseEventSchema)}


def utcnow():
    return datetime.now(timezone.utc)


class CaseBase:
    """The dependencies every case mixin shares, and the one way a case moves."""

    issues = Issues()
    outbox = EventOutbox()
    context = RequestContext()

    def _case_move(self, issue, target, action, actor_id, note=None, **changes):
        """Check the move, claim the case's next timeline slot, write the case with its event."""
        previous = issue.status
        try:
            domain.check_transition(previous, target)
        except domain.IllegalTransition:
            raise IllegalMove(str(issue.id), previous, action) from None
        now = utcnow()
        self.issues.claim(issue, action, actor_id, now)
        for name, value in changes.items():
            setattr(issue, name, value)
        issue.status = target
        issue.timeline = [*issue.timeline, domain.timeline_entry(action, actor_id, target, note, at=now)]
        type_, schema = EVENTS.get(action, ("issue_status_changed", IssueStatusChangedSchema))
        data = case_event(issue, previous, action, actor_id, note, now)
        if schema is IssueStatusChangedSchema:
            data["merged_into"] = issue.merged_into
        self.outbox.save(issue, self.outbox.event(type_, schema().load(data), subject=str(issue.id)))
        return issue

    def _case_note(self, issue, action, actor_id, note=None, **changes):
        """A timeline entry that leaves the state as it is (a "me too", a merged-in report)."""
        now = utcnow()
        self.issues.claim(issue, action, actor_id, now)
        for name, value in changes.items():
            setattr(issue, name, value)
        issue.timeline = [*issue.timeline, domain.timeline_entry(action, actor_id, issue.status, note, at=now)]
        issue.save()
        return issue

    def _case_note_retrying(self, issue, action, actor_id, note=None, changes=lambda issue: {}, attempts=5):
        """`_case_note`, reloading the case and trying the next slot when a concurrent move took this one."""
        for _ in range(attempts):
            try:
                return self._case_note(issue, action, actor_id, note, **changes(issue))
            except Conflict:
                issue = self.issues.get(str(issue.id))
        raise Conflict("the case kept changing at the same moment; try again", issue_id=str(issue.id))



def case_event(issue, previous, action, actor_id, note, at):
    """The facts every move's event carries."""
    return {"issue_id": str(issue.id), "community_id": issue.community_id, "reporter_id": issue.reporter_id,
            "follower_ids": list(issue.follower_ids or [issue.reporter_id]), "title": issue.title,
            "category": issue.category, "grid_id": issue.location.grid_id, "status": issue.status,
            "previous_status": previous, "action": action, "actor_id": actor_id, "note": note,
            "at": at.isoformat(), "party": issue.party, "handler_group": issue.handler_group}


def dump_issue(issue):
    return IssueSchema().dump({**issue.to_mongo().to_dict(), "id": str(issue.id),
                               "location": issue.location.to_mongo().to_dict()})
