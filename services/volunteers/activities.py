"""Entrypoints of activities and their shifts: templates, the gaps staff see, invitations."""
import uuid
from datetime import datetime, timezone

from nameko.rpc import rpc

from services.common.dependencies import EventOutbox
from services.common.errors import load
from services.volunteers import domain, dumps, events, templates
from services.volunteers.dependencies import RotaStore
from services.volunteers.exceptions import InvalidInput
from services.volunteers.models import Activity, Invitation, Shift
from services.volunteers.schemas import ActivitySchema, InviteSchema


class Activities:
    """Mixed into VolunteersService; its dependencies are the service's."""

    rota = RotaStore()
    outbox = EventOutbox()

    @rpc
    def create_activity(self, payload):
        """An activity and the shifts its template generates, each announced as `shift_scheduled`."""
        request = load(ActivitySchema(), payload)
        template = request.pop("template")
        activity = Activity(id=uuid.uuid4().hex, created_at=datetime.now(timezone.utc), **request)
        return dumps.activity(activity, self._schedule(activity, templates.generate(template)))

    @rpc
    def get_activity(self, activity_id):
        activity = self.rota.activity(activity_id)
        return dumps.activity(activity, self.rota.activity_shifts(activity.id))

    @rpc
    def list_shifts(self, community_id, since=None, until=None):
        """Shifts starting in [since, until) (default: from now on), with seats taken per skill."""
        shifts = self.rota.shifts(community_id, _moment(since), _moment(until, None))
        taken = self.rota.taken(s.id for s in shifts)
        return [dumps.shift(s, taken.get(s.id, {})) for s in shifts]

    @rpc
    def shift_gaps(self, community_id, since=None, until=None):
        """Upcoming shifts that still lack people, with what is missing per skill."""
        gaps = []
        for shift in self.list_shifts(community_id, since, until):
            if missing := domain.missing(shift["needs"], shift["taken"]):
                gaps.append({**shift, "missing": missing})
        return gaps

    @rpc
    def invite(self, payload):
        """Invite the volunteers who have the skill and are free then; returns who was invited."""
        request = load(InviteSchema(), payload)
        shift = self.rota.shift(request["shift_id"])
        if request["skill"] not in shift.needs:
            raise InvalidInput({"skill": [f"this shift needs one of {sorted(shift.needs)}"]})
        invited = []
        for volunteer in self._candidates(shift, request["skill"]):
            invitation = Invitation(id=f"{shift.id}:{volunteer.account_id}", shift_id=shift.id,
                                    volunteer_id=volunteer.account_id, skill=request["skill"],
                                    invited_by=request["invited_by"], at=datetime.now(timezone.utc))
            event = self.outbox.event("volunteer_invited", events.data(
                "volunteer_invited", **dumps.shift_facts(shift), title=shift.title,
                volunteer_id=volunteer.account_id, skill=request["skill"]), subject=shift.id)
            if self.rota.mark_once(invitation, self.outbox, event):
                invited.append(volunteer.account_id)
        return {"shift_id": shift.id, "skill": request["skill"], "invited": invited}

    def _candidates(self, shift, skill):
        starts_at, ends_at = domain.utc(shift.starts_at), domain.utc(shift.ends_at)
        busy = {s.volunteer_id for s in self.rota.live_signups(shift_id=shift.id)}
        for volunteer in self.rota.volunteers(shift.community_id):
            able = skill == domain.GENERAL or skill in domain.counting_skills(volunteer.skills)
            free = domain.available(volunteer.availability, starts_at, ends_at, templates.LOCAL)
            if able and free and volunteer.account_id not in busy:
                yield volunteer

    def _schedule(self, activity, specs, key=None):
        """Save the shifts, then their activity: an activity is readable only with all its shifts.

        Shift ids derive from the activity, so a retry after a crash midway adds none and then saves the activity.
        """
        activity.shift_count = len(specs)
        shifts = []
        for index, spec in enumerate(specs):
            shift = Shift(id=f"{activity.id}-{index:03d}", activity_id=activity.id,
                          community_id=activity.community_id, activity_kind=activity.kind,
                          title=activity.title, place=activity.place, lead_id=activity.lead_id,
                          team_id=activity.team_id, starts_at=spec["starts_at"], ends_at=spec["ends_at"],
                          needs=spec["needs"])
            event = self.outbox.event("shift_scheduled", events.data(
                "shift_scheduled", **dumps.shift_facts(shift), title=shift.title, needs=dict(shift.needs)),
                subject=shift.id)
            self.rota.mark_once(shift, self.outbox, event)
            shifts.append(shift)
        activity.save()
        return shifts


def _moment(text, default=...):
    if text is None:
        return datetime.now(timezone.utc) if default is ... else default
    try:
        return domain.utc(datetime.fromisoformat(text))
    except (TypeError, ValueError):
        raise InvalidInput({"since/until": ["an ISO 8601 time"]}) from None
