"""Entrypoints of check-in, check-out and no-shows; hours credited from the actual times."""
from datetime import datetime, timedelta, timezone

from nameko.rpc import rpc

from services.common.dependencies import EventOutbox
from services.common.errors import load
from services.volunteers import domain, dumps, events
from services.volunteers.dependencies import RotaStore
from services.volunteers.exceptions import Conflict, Forbidden
from services.volunteers.models import Activity, HoursEntry, Mark
from services.volunteers.schemas import ActSchema

EARLY = timedelta(hours=1)  # a check-in may come this long before the start
LATE = timedelta(hours=6)  # and a check-out this long after the end


class Attendance:
    """Mixed into VolunteersService; its dependencies are the service's."""

    rota = RotaStore()
    outbox = EventOutbox()

    @rpc
    def check_in(self, payload):
        """The volunteer or the shift's lead records the arrival (once)."""
        request, signup, shift = self._act(payload)
        at = self._at(request, shift)
        mark = self._mark(signup, "in", request, at)
        event = self.outbox.event("shift_checked_in", events.data(
            "shift_checked_in", **self._facts(shift, signup), at=dumps.iso(at)), subject=shift.id)
        if not self.rota.mark_once(mark, self.outbox, event):
            raise Conflict("already checked in", reason="already_checked_in")
        return dumps.mark(mark)

    @rpc
    def check_out(self, payload):
        """Record the departure, credit the hours worked, and close the shift when all are out."""
        request, signup, shift = self._act(payload)
        arrived = self.rota.mark(f"{signup.id}:in")
        if arrived is None:
            raise Conflict("check in first", reason="not_checked_in")
        at = self._at(request, shift)
        if at < domain.utc(arrived.at):
            raise Conflict("the check-out is before the check-in", reason="before_check_in")
        seconds = domain.worked_seconds(domain.utc(arrived.at), at)
        self.rota.credit(HoursEntry(id=f"shift:{signup.id}", community_id=shift.community_id,
                                    volunteer_id=signup.volunteer_id, kind="shift", seconds=seconds,
                                    shift_id=shift.id, activity_id=shift.activity_id,
                                    team_id=shift.team_id, at=arrived.at))
        mark = self._mark(signup, "out", request, at, note=request["note"], photos=request["photos"])
        event = self.outbox.event("shift_checked_out", events.data(
            "shift_checked_out", **self._facts(shift, signup), at=dumps.iso(at), seconds=seconds,
            note=request["note"], photos=request["photos"]), subject=shift.id)
        if not self.rota.mark_once(mark, self.outbox, event):
            raise Conflict("already checked out", reason="already_checked_out")
        self._settle(shift)
        return {**dumps.mark(mark), "seconds": seconds, "hours": domain.hours(seconds)}

    @rpc
    def record_no_show(self, payload):
        """The lead or staff record that a volunteer never came."""
        request, signup, shift = self._act(payload, lead_only=True)
        if self.rota.mark(f"{signup.id}:in") is not None:
            raise Conflict("this volunteer checked in", reason="checked_in")
        mark = self._no_show(shift, signup, request["actor_id"])
        if mark is None:
            raise Conflict("already recorded", reason="already_recorded")
        return dumps.mark(mark)

    def _no_show(self, shift, signup, actor_id):
        """Record a no-show once (by hand or by the sweep); None if it already was."""
        mark = self._mark(signup, "no_show", {"actor_id": actor_id}, datetime.now(timezone.utc))
        event = self.outbox.event("shift_no_show", events.data(
            "shift_no_show", community_id=shift.community_id, shift_id=shift.id, signup_id=signup.id,
            volunteer_id=signup.volunteer_id, title=shift.title, starts_at=dumps.iso(shift.starts_at)),
            subject=shift.id)
        if not self.rota.mark_once(mark, self.outbox, event):
            return None
        self._settle(shift)
        return mark

    def _act(self, payload, lead_only=False):
        request = load(ActSchema(), payload)
        signup = self.rota.signup(request["signup_id"])
        shift = self.rota.shift(signup.shift_id)
        allowed = {shift.lead_id} | (set() if lead_only else {signup.volunteer_id})
        if request["actor_id"] not in allowed and not request["actor_is_staff"]:
            raise Forbidden("only the volunteer, the shift's lead or staff may do this")
        if self.rota.mark(f"{signup.id}:withdrawn") is not None:
            raise Conflict("this sign-up was withdrawn", reason="withdrawn")
        return request, signup, shift

    def _at(self, request, shift):
        """The actual time: given by the lead, or now; it must fall around the shift."""
        at = request["at"] or datetime.now(timezone.utc)
        if not domain.utc(shift.starts_at) - EARLY <= at <= domain.utc(shift.ends_at) + LATE:
            raise Conflict("that time is not around this shift", reason="outside_shift")
        return at.astimezone(timezone.utc)

    def _mark(self, signup, kind, request, at, **extra):
        return Mark(id=f"{signup.id}:{kind}", kind=kind, signup_id=signup.id, shift_id=signup.shift_id,
                    activity_id=signup.activity_id, volunteer_id=signup.volunteer_id,
                    actor_id=request["actor_id"], at=at, **extra)

    def _facts(self, shift, signup):
        return {"community_id": shift.community_id, "shift_id": shift.id, "signup_id": signup.id,
                "volunteer_id": signup.volunteer_id, "title": shift.title}

    def _settle(self, shift):
        """A full (or ended) shift whose people are all out or absent is done; the last one completes the activity."""
        marks = self.rota.marks_of(shift.id)  # one read: on FerretDB every filtered read scans
        live = self.rota.signup_ids(shift.id) - marks.get("withdrawn", set())
        out = marks.get("out", set())
        settled = out | marks.get("no_show", set())
        full = not domain.missing(shift.needs, self.rota.taken([shift.id]).get(shift.id, {}))
        over = datetime.now(timezone.utc) >= domain.utc(shift.ends_at)
        if not (full or over) or not live or not live <= settled or not out & live:
            return  # people may still sign up, or someone is still on duty
        done = Mark(id=f"{shift.id}:done", kind="done", shift_id=shift.id, activity_id=shift.activity_id,
                    at=datetime.now(timezone.utc))
        self.rota.mark_once(done, self.outbox)
        self._complete_activity(shift.activity_id)

    def _complete_activity(self, activity_id):
        activity = self.rota.find(Activity, activity_id)  # None: its scheduling stopped midway (never complete)
        done = Mark.objects(kind="done", activity_id=activity_id).count()
        if activity is None or done < activity.shift_count:
            return
        mark = Mark(id=f"{activity_id}:completed", kind="completed", activity_id=activity_id,
                    at=datetime.now(timezone.utc))
        event = self.outbox.event("activity_completed", events.data(
            "activity_completed", activity_id=activity_id, community_id=activity.community_id,
            kind=activity.kind, source=dict(activity.source) or None), subject=activity_id)
        self.rota.mark_once(mark, self.outbox, event)
