"""What every case mixin shares: its dependencies, the one way a case moves, and its dump."""
import logging
from datetime import datetime, timezone

from mongoengine import NotUniqueError
from pymongo.errors import PyMongoError

from services.common.dependencies import EventOutbox, RequestContext
from services.issues import domain
from services.issues.dependencies import Issues
from services.issues.exceptions import Conflict, IllegalMove
from services.issues.read_model import CaseRows
from services.issues.schemas import CaseEventSchema, IssueAssignedSchema, IssueSchema, IssueStatusChangedSchema

EVENTS = {"accepted": ("issue_accepted", CaseEventSchema), "assigned": ("issue_assigned", IssueAssignedSchema),
          "reassigned": ("issue_assigned", IssueAssignedSchema), "resolved": ("issue_resolved", CaseEventSchema)}


log = logging.getLogger(__name__)


def utcnow():
    return datetime.now(timezone.utc)


class CaseBase:
    """The dependencies every case mixin shares, and the one way a case moves."""

    issues = Issues()
    outbox = EventOutbox()
    context = RequestContext()
    read_model = CaseRows()

    def _case_move(self, issue, target, action, actor_id, note=None, **changes):
        """Check the move, then write the case in its new state with its event."""
        previous = issue.status
        try:
            domain.check_transition(previous, target)
        except domain.IllegalTransition:
            raise IllegalMove(str(issue.id), previous, action) from None
        now = utcnow()
        changes["status"] = target
        entry = domain.timeline_entry(action, actor_id, target, note, at=now)
        seq = self._case_stage(issue, entry, changes)
        type_, schema = EVENTS.get(action, ("issue_status_changed", IssueStatusChangedSchema))
        data = case_event(issue, previous, action, actor_id, note, now)
        if schema is IssueStatusChangedSchema:
            data["merged_into"] = issue.merged_into
        event = self.outbox.event(type_, schema().load(data), subject=str(issue.id))
        return self._case_commit(issue, seq, entry, changes, event)

    def _case_note(self, issue, action, actor_id, note=None, **changes):
        """A timeline entry that leaves the state as it is (a "me too", a merged-in report)."""
        entry = domain.timeline_entry(action, actor_id, issue.status, note, at=utcnow())
        seq = self._case_stage(issue, entry, changes)
        return self._case_commit(issue, seq, entry, changes, None)

    def _case_stage(self, issue, entry, changes):
        """Apply the write to the loaded case in memory (to build its event); returns the slot it takes."""
        seq = domain.next_seq(issue.timeline)
        for name, value in changes.items():
            setattr(issue, name, value)
        issue.timeline = [*issue.timeline, entry]
        return seq

    def _case_commit(self, issue, seq, entry, changes, event):
        """Claim slot `seq` with the whole write, then make it; a lost claim is a Conflict and changes nothing.

        The claim carries the write, so a claim whose worker died before writing the case is
        finished by the next mover that finds it stale, instead of blocking the case forever.
        """
        try:
            self.issues.claim(issue, seq, entry, changes, event)
        except Conflict:  # the slot is taken
            self._case_finish_stale(str(issue.id), seq)
            raise
        return self._case_write(issue, event)

    def _case_write(self, issue, event):
        """Write the case, then its row in the read model (this worker holds the case's slot, so rows follow in order)."""
        if event is None:
            issue.save()
        else:
            self.outbox.save(issue, event)
        self.read_model.refresh(issue.to_mongo().to_dict())
        return issue

    def _case_finish_stale(self, issue_id, seq):
        """Make the write of a claim older than the grace period whose case never got it."""
        claim = self.issues.stale_claim(issue_id, seq)
        if claim is None:
            return
        issue = self.issues.get(issue_id)
        if domain.next_seq(issue.timeline) != seq:
            return
        self._case_stage(issue, claim.entry, claim.changes)
        try:
            self._case_write(issue, claim.event or None)
        except (NotUniqueError, PyMongoError):  # another mover is finishing it at the same moment
            log.warning("stale case claim finished elsewhere", extra={"issue_id": issue_id, "seq": seq})

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
