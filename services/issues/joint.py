"""Entrypoints of joint handling (四联): meetings of rc, pm and oc about cases, and their action items."""
from bson import ObjectId
from nameko.rpc import rpc

from services.common.envelope import EnvelopeSchema
from services.common.errors import load
from services.common.handlers import event_handler
from services.issues import domain
from services.issues.case_base import CaseBase, utcnow
from services.issues.case_schemas import ActionItemInSchema, CompleteItemSchema, MinutesSchema, ScheduleMeetingSchema
from services.issues.exceptions import Conflict, InvalidInput
from services.issues.models import ActionItem, JointMeeting
from services.issues.schemas import ActionItemAssignedSchema, ActivityCompletedData, JointMeetingScheduledSchema


class JointHandling(CaseBase):
    """Mixed into IssuesService: joint meetings with an agenda of cases, minutes and action items."""

    @rpc
    def schedule_joint_meeting(self, payload):
        """Call rc, pm and oc to a meeting about open cases; each case notes it, its followers are told."""
        data = load(ScheduleMeetingSchema(), payload)
        cases = [self.issues.get(i, data["community_id"]) for i in dict.fromkeys(data["issue_ids"])]
        if closed := [str(c.id) for c in cases if c.status not in domain.OPEN]:
            raise Conflict("only open cases can be on a joint meeting's agenda", issue_ids=closed)
        meeting = JointMeeting(id=ObjectId(), community_id=data["community_id"], title=data["title"],
                               starts_at=data["starts_at"], place=data["place"], agenda=[str(c.id) for c in cases],
                               parties=sorted(set(data["parties"])), scheduled_by=data["actor_id"],
                               created_at=utcnow())
        followers = domain.add_followers([], *(f for c in cases for f in c.follower_ids))
        self.outbox.save(meeting, self.outbox.event("joint_meeting_scheduled", JointMeetingScheduledSchema().load({
            "meeting_id": str(meeting.id), "community_id": meeting.community_id, "title": meeting.title,
            "starts_at": data["starts_at"].isoformat(), "place": meeting.place, "issue_ids": meeting.agenda,
            "parties": meeting.parties, "follower_ids": followers}), subject=str(meeting.id)))
        for case in cases:
            self._case_note_retrying(case, "joint_meeting_scheduled", data["actor_id"], str(meeting.id))
        return dump_meeting(meeting, [])

    @rpc
    def record_minutes(self, payload):
        data = load(MinutesSchema(), payload)
        meeting = self.issues.meeting(data["meeting_id"], data["community_id"])
        meeting.minutes = data["minutes"]
        meeting.save()
        return dump_meeting(meeting, self.issues.action_items(meeting_id=str(meeting.id)))

    @rpc
    def get_joint_meeting(self, meeting_id, community_id):
        meeting = self.issues.meeting(meeting_id, community_id)
        return dump_meeting(meeting, self.issues.action_items(meeting_id=str(meeting.id)))

    @rpc
    def add_action_item(self, payload):
        """Give one party a task (or a volunteer patrol) about an agenda case, due by a date."""
        data = load(ActionItemInSchema(), payload)
        meeting = self.issues.meeting(data["meeting_id"], data["community_id"])
        if data["issue_id"] not in meeting.agenda:
            raise InvalidInput({"issue_id": ["This case is not on the meeting's agenda."]})
        if (data["kind"] == "patrol") != (data["patrol"] is not None):
            raise InvalidInput({"patrol": ["A patrol needs days and people per evening; a task has none."]})
        item = ActionItem(id=ObjectId(), meeting_id=str(meeting.id), issue_id=data["issue_id"],
                          community_id=meeting.community_id, party=data["party"], title=data["title"],
                          due_at=data["due_at"], kind=data["kind"], patrol=data["patrol"])
        self.outbox.save(item, self.outbox.event("action_item_assigned", ActionItemAssignedSchema().load({
            "action_item_id": str(item.id), "meeting_id": item.meeting_id, "issue_id": item.issue_id,
            "community_id": item.community_id, "party": item.party, "title": item.title,
            "due_at": data["due_at"].isoformat(), "kind": item.kind, "patrol": item.patrol}), subject=str(item.id)))
        return dump_item(item)

    @rpc
    def complete_action_item(self, payload):
        data = load(CompleteItemSchema(), payload)
        item = self.issues.action_item(data["action_item_id"], data["community_id"])
        return dump_item(self.issues.mark_done(item, data["actor_id"], utcnow()))

    @rpc
    def list_action_items(self, issue_id, community_id):
        self.issues.get(issue_id, community_id)
        return [dump_item(item) for item in self.issues.action_items(issue_id=issue_id)]

    @event_handler("volunteers", "activity_completed")
    def on_activity_completed(self, body):
        """A patrol the volunteers ran to its end marks its action item done (the same again changes nothing)."""
        data = load(ActivityCompletedData(), load(EnvelopeSchema(), body)["data"])
        source = data["source"] or {}
        if source.get("type") != "action_item":
            return
        item = self.issues.action_item(source["id"])
        self.issues.mark_done(item, f"volunteers:{data['activity_id']}", utcnow())


def dump_item(item):
    return {"id": str(item.id), "meeting_id": item.meeting_id, "issue_id": item.issue_id, "party": item.party,
            "title": item.title, "due_at": item.due_at.isoformat(), "kind": item.kind, "patrol": item.patrol,
            "done_at": item.done_at.isoformat() if item.done_at else None, "done_by": item.done_by}


def dump_meeting(meeting, items):
    return {"id": str(meeting.id), "community_id": meeting.community_id, "title": meeting.title,
            "starts_at": meeting.starts_at.isoformat(), "place": meeting.place, "agenda": meeting.agenda,
            "parties": meeting.parties, "minutes": meeting.minutes, "scheduled_by": meeting.scheduled_by,
            "action_items": [dump_item(item) for item in items]}
