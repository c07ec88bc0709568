"""The sweep timer: reminders the day before and an hour before (once each), then no-shows after the end."""
from datetime import datetime, timedelta, timezone

from nameko.rpc import rpc
from nameko.timer import timer

from services.common.dependencies import EventOutbox
from services.common.reminders import due_reminders
from services.volunteers import domain, dumps, events
from services.volunteers.dependencies import RotaStore
from services.volunteers.models import Mark

SWEEP_SECONDS = 20
AHEAD = timedelta(hours=24)
NO_SHOW_AFTER = timedelta(hours=1)
NO_SHOW_LOOKBACK = timedelta(days=2)  # shifts that started this long ago are still swept
ORPHAN_AFTER = timedelta(minutes=2)  # a sign-up saves its seat within seconds; older orphans came from a crash


class Reminders:
    """Mixed into VolunteersService (with Attendance's `_no_show`, Signing's `_promote`)."""

    rota = RotaStore()
    outbox = EventOutbox()

    @timer(interval=SWEEP_SECONDS)
    def sweep(self):
        self.send_due_reminders()

    @rpc
    def send_due_reminders(self, now=None):
        """Emit each due reminder exactly once (a unique mark per shift, volunteer and reminder)."""
        moment = domain.utc(datetime.fromisoformat(now)) if now else datetime.now(timezone.utc)
        sent = 0
        for shift in self.rota.starting(moment, moment + AHEAD):
            sent += self._remind(shift, moment)
            self._warn_if_understaffed(shift, moment)
        self._record_no_shows(moment)
        for shift_id, skill in self.rota.release_orphans(moment - ORPHAN_AFTER):
            self._promote(self.rota.shift(shift_id), skill)
        return sent

    def _record_no_shows(self, moment):
        """An hour after a shift ends, whoever never checked in is a no-show (recorded once)."""
        for shift in self.rota.starting(moment - NO_SHOW_LOOKBACK, moment):
            if moment < domain.utc(shift.ends_at) + NO_SHOW_AFTER:
                continue
            for signup in self.rota.live_signups(shift_id=shift.id):
                if self.rota.mark(f"{signup.id}:in") is None:
                    self._no_show(shift, signup, "system")

    def _remind(self, shift, moment):
        sent = 0
        for reminder in due_reminders(domain.utc(shift.starts_at), moment):
            for signup in self.rota.live_signups(shift_id=shift.id):
                mark = Mark(id=f"{shift.id}:{signup.volunteer_id}:{reminder}", kind="reminder",
                            shift_id=shift.id, volunteer_id=signup.volunteer_id, at=moment)
                event = self.outbox.event("shift_reminder_due", events.data(
                    "shift_reminder_due", **dumps.shift_facts(shift), title=shift.title,
                    volunteer_id=signup.volunteer_id, reminder=reminder), subject=shift.id)
                sent += self.rota.mark_once(mark, self.outbox, event)
        return sent

    def _warn_if_understaffed(self, shift, moment):
        """A day before, staff hear once of a shift that still lacks people."""
        missing = domain.missing(shift.needs, self.rota.taken([shift.id]).get(shift.id, {}))
        if not missing:
            return
        mark = Mark(id=f"{shift.id}:understaffed", kind="understaffed", shift_id=shift.id, at=moment)
        event = self.outbox.event("shift_understaffed", events.data(
            "shift_understaffed", **dumps.shift_facts(shift), title=shift.title, missing=missing,
            reason="starting_soon", lead_id=shift.lead_id), subject=shift.id)
        self.rota.mark_once(mark, self.outbox, event)
