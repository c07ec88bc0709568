"""Entrypoints of signing up and withdrawing: never more people than seats, a waitlist behind."""
from datetime import datetime, timezone

from nameko.rpc import rpc

from services.common.dependencies import EventOutbox
from services.common.errors import load
from services.volunteers import domain, dumps, events
from services.volunteers.dependencies import RotaStore
from services.volunteers.exceptions import Conflict, Forbidden, InvalidInput, refused
from services.volunteers.models import Mark
from services.volunteers.schemas import ActSchema, SignUpSchema
from services.volunteers.templates import LOCAL


def now():
    return datetime.now(timezone.utc)


class Signing:
    """Mixed into VolunteersService; its dependencies are the service's."""

    rota = RotaStore()
    outbox = EventOutbox()

    @rpc
    def sign_up(self, payload):
        """Take a seat on a shift, else join its waitlist (or 409 `full` with waitlist false)."""
        request = load(SignUpSchema(), payload)
        shift = self.rota.shift(request["shift_id"])
        skill = request["skill"] or self._only_fitting_skill(shift, request["volunteer_id"])
        if skill not in shift.needs:
            raise InvalidInput({"skill": [f"this shift needs one of {sorted(shift.needs)}"]})
        self._check_rules(shift, request["volunteer_id"], skill)
        signup = self.rota.claim(shift, request["volunteer_id"], skill, now())
        if signup is None:
            if not request["waitlist"]:
                raise Conflict("every seat of this skill is taken", reason="full")
            position = self.rota.wait(shift.id, request["volunteer_id"], skill, now())
            return {"status": "waitlisted", "shift_id": shift.id, "skill": skill, "position": position}
        self._save_signup(shift, signup)
        return dumps.signup(signup)

    @rpc
    def withdraw(self, payload):
        """Give the seat back; within the notice period staff are alerted to find cover."""
        request = load(ActSchema(), payload)
        signup = self.rota.signup(request["signup_id"])
        if request["actor_id"] != signup.volunteer_id and not request["actor_is_staff"]:
            raise Forbidden("only the volunteer or staff may withdraw this sign-up")
        shift, moment = self.rota.shift(signup.shift_id), now()
        if moment >= domain.utc(shift.starts_at):
            raise Conflict("the shift has started; it can no longer be withdrawn", reason="started")
        late = domain.is_late(domain.utc(shift.starts_at), moment)
        mark = Mark(id=f"{signup.id}:withdrawn", kind="withdrawn", signup_id=signup.id, shift_id=shift.id,
                    volunteer_id=signup.volunteer_id, actor_id=request["actor_id"], at=moment, late=late)
        self._save_withdrawal(shift, signup, mark)
        self.rota.release(signup)
        promoted = self._promote(shift, signup.skill)
        return {**dumps.signup(signup, "withdrawn"), "late": late, "promoted": promoted}

    @rpc
    def get_signup(self, signup_id):
        """One sign-up with its shift's lead, and whether it was withdrawn."""
        signup = self.rota.signup(signup_id)
        withdrawn = self.rota.mark(f"{signup.id}:withdrawn") is not None
        return {**dumps.signup(signup, "withdrawn" if withdrawn else "signed_up"),
                "lead_id": self.rota.shift(signup.shift_id).lead_id}

    @rpc
    def shift_signups(self, shift_id):
        """The shift's live sign-ups and its waitlist."""
        shift = self.rota.shift(shift_id)
        waiting = [{"volunteer_id": w.volunteer_id, "skill": w.skill, "at": dumps.iso(w.at)}
                   for skill in shift.needs for w in self.rota.waiting(shift.id, skill)]
        return {"shift": dumps.shift(shift), "signups": [dumps.signup(s) for s in self.rota.live_signups(shift.id)],
                "waitlist": waiting}

    @rpc
    def my_signups(self, volunteer_id, since=None):
        """A volunteer's live sign-ups from `since` (default: now) on, soonest first."""
        start = datetime.fromisoformat(since) if since else now()
        mine = [s for s in self.rota.live_signups(volunteer_id=volunteer_id) if domain.utc(s.ends_at) > start]
        return [dumps.signup(s) for s in sorted(mine, key=lambda s: s.starts_at)]

    def _only_fitting_skill(self, shift, volunteer_id):
        """The one seat skill of the shift the volunteer can take, if there is exactly one."""
        if len(shift.needs) == 1:
            return next(iter(shift.needs))
        able = domain.counting_skills(self.rota.volunteer(shift.community_id, volunteer_id).skills)
        fitting = [skill for skill in shift.needs if skill in able or skill == domain.GENERAL]
        return fitting[0] if len(fitting) == 1 else None

    def _check_rules(self, shift, volunteer_id, skill):
        volunteer = self.rota.volunteer(shift.community_id, volunteer_id)
        starts_at, ends_at = domain.utc(shift.starts_at), domain.utc(shift.ends_at)
        mine = [s for s in self.rota.live_signups(volunteer_id=volunteer_id) if s.shift_id != shift.id]
        try:
            if now() >= starts_at:
                raise domain.RuleBroken("started", "the shift has already started")
            domain.check_skill(skill, volunteer.skills)
            domain.check_clash(starts_at, ends_at, [{"id": s.shift_id, "starts_at": domain.utc(s.starts_at),
                                                     "ends_at": domain.utc(s.ends_at)} for s in mine])
            domain.check_weekly_limit(starts_at, [domain.utc(s.starts_at) for s in mine], LOCAL,
                                      volunteer.max_shifts_per_week)
        except domain.RuleBroken as rule:
            raise refused(rule) from None

    def _save_signup(self, shift, signup):
        event = self.outbox.event("shift_signed_up", events.data(
            "shift_signed_up", **dumps.shift_facts(shift), volunteer_id=signup.volunteer_id,
            skill=signup.skill), subject=shift.id)
        try:
            self.outbox.save(signup, event)
        except Exception:  # release what was taken, so a failed save never holds a seat
            self.rota.release(signup)
            raise

    def _save_withdrawal(self, shift, signup, mark):
        facts = dumps.shift_facts(shift)
        withdrawn = self.outbox.event("shift_withdrawn", events.data(
            "shift_withdrawn", **facts, volunteer_id=signup.volunteer_id, skill=signup.skill,
            late=mark.late), subject=shift.id)
        alerts = [self.outbox.event("shift_understaffed", events.data(
            "shift_understaffed", **facts, title=shift.title, missing={signup.skill: 1},
            reason="late_withdrawal", lead_id=shift.lead_id), subject=shift.id)] if mark.late else []
        if not self.rota.mark_once(mark, self.outbox, withdrawn, *alerts):
            raise Conflict("this sign-up was already withdrawn", reason="already_withdrawn")

    def _promote(self, shift, skill):
        """Give a freed seat to the first person waiting for it; their account id, or None."""
        for entry in self.rota.waiting(shift.id, skill):
            if not self.rota.leave_waitlist(entry):
                continue  # another withdrawal is promoting this person
            try:  # the rules again: since joining the list they may have taken a clashing shift
                self._check_rules(shift, entry.volunteer_id, skill)
                signup = self.rota.claim(shift, entry.volunteer_id, skill, now())
            except Conflict:
                continue
            if signup is None:  # the seat went to someone else meanwhile: keep the place in line
                self.rota.wait(shift.id, entry.volunteer_id, skill, entry.at)
                return None
            self._save_signup(shift, signup)
            return entry.volunteer_id
        return None
