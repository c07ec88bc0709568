"""I/O of the volunteers service behind a few verbs; every contention is a unique insert."""
import uuid

from mongoengine import NotUniqueError, ValidationError
from nameko.extensions import DependencyProvider

from services.common.store import Store
from services.volunteers import domain
from services.volunteers.exceptions import Conflict, Missing
from services.volunteers.models import (Activity, HoursEntry, Mark, Seat, Shift, Signup, SignupKey,
                                        SkillVerification, Team, Volunteer, Waitlisted)


def insert(document):
    """Insert under the document's unique `_id`; False if someone got there first."""
    try:
        document.save(force_insert=True)
        return True
    except NotUniqueError:
        return False


class Rota:
    """Volunteers, shifts, seats, sign-ups, marks and the hours ledger."""

    def volunteer(self, community_id, account_id):
        found = Volunteer.objects(id=f"{community_id}:{account_id}").first()
        if found is None:
            raise Missing("volunteer", account_id)
        return self._with_verifications([found], account_id=account_id)[0]

    def volunteers(self, community_id):
        return self._with_verifications(list(Volunteer.objects(community_id=community_id)), community_id=community_id)

    def _with_verifications(self, volunteers, **filters):
        """Profiles with staff's verifications folded into `skills` (stored apart: never a profile rewrite)."""
        by_account = {v.account_id: v for v in volunteers}
        for check in SkillVerification.objects(**filters):
            if check.account_id in by_account:
                by_account[check.account_id].skills[check.skill] = {"verified": True}
        return volunteers

    @staticmethod
    def find(model, key):
        """The document with this id, or None (also for a key not even shaped like the model's ids)."""
        try:
            return model.objects(id=key).first()
        except ValidationError:  # a team's id is an ObjectId
            return None

    def get(self, model, key, what):
        found = self.find(model, key)
        if found is None:
            raise Missing(what, key)
        return found

    def shift(self, shift_id):
        return self.get(Shift, shift_id, "shift")

    def signup(self, signup_id):
        return self.get(Signup, signup_id, "signup")

    def shifts(self, community_id, since, until=None):
        query = {"community_id": community_id, "starts_at__gte": since}
        if until is not None:
            query["starts_at__lt"] = until
        return list(Shift.objects(**query).order_by("starts_at"))

    def starting(self, since, until):
        """Every community's shifts starting in [since, until)."""
        return list(Shift.objects(starts_at__gte=since, starts_at__lt=until))

    def mark(self, key):
        return Mark.objects(id=key).first()

    def mark_once(self, mark, outbox, *events):
        """Save a once-only mark with its events; False if it exists (the events are not sent)."""
        if not events:
            return insert(mark)
        try:
            outbox.save(mark, *events)
            return True
        except NotUniqueError:
            return False

    def marks_of(self, shift_id):
        """{kind: {signup ids}} of a shift's marks."""
        found = {}
        for mark in Mark.objects(shift_id=shift_id).only("kind", "signup_id"):
            found.setdefault(mark.kind, set()).add(mark.signup_id)
        return found

    def signup_ids(self, shift_id):
        return {s.id for s in Signup.objects(shift_id=shift_id).only("id")}

    def live_signups(self, shift_id=None, volunteer_id=None):
        """Sign-ups not withdrawn, of a shift or of a volunteer."""
        query = {k: v for k, v in (("shift_id", shift_id), ("volunteer_id", volunteer_id)) if v}
        signups = list(Signup.objects(**query))
        gone = {m.signup_id for m in Mark.objects(kind="withdrawn", signup_id__in=[s.id for s in signups])}
        return [s for s in signups if s.id not in gone]

    def taken(self, shift_ids):
        """{shift_id: {skill: seats taken}}."""
        counts = {}
        for seat in Seat.objects(shift_id__in=list(shift_ids)).only("shift_id", "skill"):
            per_shift = counts.setdefault(seat.shift_id, {})
            per_shift[seat.skill] = per_shift.get(seat.skill, 0) + 1
        return counts

    def claim(self, shift, volunteer_id, skill, now):
        """Take the first free seat: a Signup to save, None if full; Conflict if signed up already."""
        signup_id = uuid.uuid4().hex
        key = SignupKey(id=f"{shift.id}:{volunteer_id}", shift_id=shift.id, signup_id=signup_id, taken_at=now)
        if not insert(key):
            raise Conflict("already signed up for this shift", reason="already_signed_up")
        for seat_id in domain.seat_ids(shift.id, skill, shift.needs[skill]):
            if insert(Seat(id=seat_id, shift_id=shift.id, skill=skill, volunteer_id=volunteer_id,
                           signup_id=signup_id, taken_at=now)):
                return Signup(id=signup_id, shift_id=shift.id, activity_id=shift.activity_id,
                              community_id=shift.community_id, volunteer_id=volunteer_id, skill=skill,
                              seat_id=seat_id, starts_at=shift.starts_at, ends_at=shift.ends_at,
                              signed_up_at=now)
        key.delete()
        return None

    def release(self, signup):
        """Free the seat and the volunteer's key of a withdrawn (or never saved) sign-up."""
        Seat.objects(id=signup.seat_id, volunteer_id=signup.volunteer_id).delete()
        SignupKey.objects(id=f"{signup.shift_id}:{signup.volunteer_id}", signup_id=signup.id).delete()

    def release_orphans(self, before):
        """Free seats and keys taken before `before` whose sign-up was never saved (a crash mid-sign-up);
        returns the (shift_id, skill) of each freed seat."""
        freed = []
        for model in (SignupKey, Seat):
            for held in model.objects(taken_at__lt=before):
                if held.signup_id and Signup.objects(id=held.signup_id).first() is None:
                    gone = model.objects(id=held.id, signup_id=held.signup_id).delete()
                    if gone and model is Seat:
                        freed.append((held.shift_id, held.skill))
        return freed

    def wait(self, shift_id, volunteer_id, skill, now):
        """Join the shift's waitlist (once); returns the 1-based position."""
        insert(Waitlisted(id=f"{shift_id}:{volunteer_id}", shift_id=shift_id, volunteer_id=volunteer_id,
                          skill=skill, at=now))
        queue = self.waiting(shift_id, skill)
        return next(i for i, entry in enumerate(queue, 1) if entry.volunteer_id == volunteer_id)

    def waiting(self, shift_id, skill):
        return list(Waitlisted.objects(shift_id=shift_id, skill=skill).order_by("at", "id"))

    def leave_waitlist(self, entry):
        """True for the one worker whose delete removed the entry."""
        return Waitlisted.objects(id=entry.id).delete() == 1

    def credit(self, entry):
        """Append a ledger entry once; its `_id` names its source."""
        return insert(entry)

    def ledger(self, community_id, volunteer_id=None, team_id=None, since=None, until=None):
        query = {"community_id": community_id}
        for name, value in (("volunteer_id", volunteer_id), ("team_id", team_id),
                            ("at__gte", since), ("at__lt", until)):
            if value is not None:
                query[name] = value
        return list(HoursEntry.objects(**query))

    def activity(self, activity_id):
        return self.get(Activity, activity_id, "activity")

    def activity_shifts(self, activity_id):
        return list(Shift.objects(activity_id=activity_id).order_by("starts_at"))

    def team(self, team_id):
        return self.get(Team, team_id, "team")

    def teams(self, community_id):
        return list(Team.objects(community_id=community_id))


class RotaStore(DependencyProvider):
    """The service's documents, on its own connection."""

    store = Store()

    def get_dependency(self, worker_ctx):
        return Rota()
