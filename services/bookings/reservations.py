"""Entrypoints of reservations: request, approve or decline, cancel, check in, no-shows."""
import hashlib
import secrets
from datetime import datetime, timezone

from bson import ObjectId
from mongoengine import NotUniqueError
from nameko.rpc import rpc

from services.bookings import domain, exceptions
from services.bookings.checkin_codes import claim_code
from services.bookings.claims import Taken, claim_one_seat_throughout, claim_slots
from services.bookings.dependencies import Space
from services.bookings.models import Booking
from services.bookings.schemas import EVENT_SCHEMAS, ActSchema, RequestBookingSchema
from services.common.dependencies import EventOutbox, RequestContext
from services.common.errors import load

def utcnow():
    return datetime.now(timezone.utc)


def iso(moment):
    return domain.utc(moment).isoformat().replace("+00:00", "Z")


class Reservations:
    """Mixed into BookingsService; its dependencies are the service's."""

    space = Space()
    outbox = EventOutbox()
    context = RequestContext()

    @rpc
    def request_booking(self, payload):
        """Book a resource; a replay of the same `submission_key` returns the first booking."""
        req, resource, rules, windows = self._allowed(payload)
        booking = new_booking(resource, req, domain.initial_status(rules, req["roles"]))
        if (earlier := Booking.objects(id=booking.id).first()) is not None:
            return dump_booking(earlier)
        try:
            limits = self._take_quota(booking, rules)
        except exceptions.Conflict as refused:
            return self._earlier_or_raise(booking, refused)
        try:
            self._claim_time(booking, resource, rules, windows)
        except Taken:
            self.space.limits.release(limits)
            return self._earlier_or_raise(booking, exceptions.slot_taken(str(resource.id)))
        code = None
        try:
            code = claim_code(self.space.codes, booking)
            self.outbox.save(booking, self._event(
                "booking_confirmed" if booking.status == domain.CONFIRMED else "booking_requested", booking))
        except BaseException as failed:
            self.space.slots.release(booking.claims)
            self.space.limits.release(limits)
            self.space.codes.release([code] if code else [])  # a replay that lost leaves no code behind
            if isinstance(failed, NotUniqueError):  # a concurrent delivery of the same submission won
                return dump_booking(Booking.objects.get(id=booking.id))
            raise
        return dump_booking(booking)

    @staticmethod
    def _earlier_or_raise(booking, refusal):
        """A concurrent delivery of the same submission may hold the quota or seats: its booking, else the refusal."""
        if (earlier := Booking.objects(id=booking.id).first()) is not None:
            return dump_booking(earlier)
        raise refusal from None

    @rpc
    def get_booking(self, booking_id):
        return dump_booking(self.space.booking(booking_id))

    @rpc
    def list_bookings(self, community_id, account_id=None, resource_id=None):
        query = {"community_id": community_id}
        query.update({k: v for k, v in (("account_id", account_id), ("resource_id", resource_id)) if v})
        return [dump_booking(b) for b in self.space.bookings(**query)]

    @rpc
    def confirm_booking(self, payload):
        act, booking = self._staff_act(payload)
        self._step(booking, "decision")
        return self._move(booking, domain.CONFIRMED, act, "booking_confirmed")

    @rpc
    def decline_booking(self, payload):
        act, booking = self._staff_act(payload)
        self._step(booking, "decision")
        self._release(booking, quota=True)
        done = self._move(booking, domain.DECLINED, act, "booking_declined")
        self._offer_freed(booking)
        return done

    @rpc
    def cancel_booking(self, payload):
        act = load(ActSchema(), payload)
        booking = self.space.booking(act["booking_id"])
        staff = domain.is_staff(act["roles"])
        if booking.account_id != act["actor_id"] and not staff:
            raise exceptions.Forbidden("only the resident who booked or staff may cancel")
        rules = domain.rules_from(self.space.resource(booking.resource_id).rules)
        if not staff and not domain.may_cancel(rules, booking.starts_at, utcnow()):
            raise exceptions.Conflict(f"bookings may be cancelled until {rules.cancel_hours} hours before")
        self._step(booking, "decision" if booking.status in (domain.REQUESTED, domain.OFFERED) else "outcome")
        self._release(booking, quota=True)
        done = self._move(booking, domain.CANCELLED, act, "booking_cancelled")
        self._offer_freed(booking)
        return done

    @rpc
    def check_in_booking(self, payload):
        act = load(ActSchema(), payload)
        booking = self.space.booking(act["booking_id"])
        by_code = act["code"] is not None and secrets.compare_digest(act["code"], booking.check_in_code)
        if not (domain.is_staff(act["roles"]) or by_code):
            raise exceptions.Forbidden("staff check bookings in, or the resident shows the booking's code")
        return self._check_in(booking, act)

    def _check_in(self, booking, act):
        """Every check-in's one path: a confirmed booking, its window open, its one outcome won, its event saved."""
        if booking.status != domain.CONFIRMED:
            raise exceptions.Conflict(f"a {booking.status} booking cannot be checked in")
        if not domain.may_check_in(booking.starts_at, booking.ends_at, utcnow()):
            raise exceptions.Conflict("check-in opens 30 minutes before the start and closes at the end")
        self._step(booking, "outcome")
        return self._move(booking, domain.CHECKED_IN, act, "booking_checked_in")

    @rpc
    def release_no_shows(self):
        """Bookings not checked in within the grace period are released and count as no-shows (the sweep's half)."""
        now = utcnow()
        return self._release_no_shows(self.space.bookings(status=domain.CONFIRMED, starts_at__lt=now), now)

    def _release_no_shows(self, started, now):
        """Of these confirmed bookings that have started, release those past their grace period; how many."""
        released = 0
        for booking in started:
            rules = domain.rules_from(self.space.resource(booking.resource_id).rules)
            if domain.no_show_due(rules, booking.starts_at, now) and self.space.steps.take(
                    f"{booking.id}:outcome", "timer"):
                self._release(booking, quota=False)
                self._move(booking, domain.NO_SHOW, {"actor_id": "timer", "reason": "not checked in"},
                           "booking_no_show")
                self._offer_freed(booking)
                released += 1
        return released

    def _allowed(self, payload):
        """The request, its resource, rules and volunteer windows, once the rules allow it; else 4xx."""
        req = load(RequestBookingSchema(), payload)
        resource = self.space.resource(req["resource_id"], req["community_id"])
        rules = domain.rules_from(resource.rules)
        windows = self.space.windows(str(resource.id)) if resource.kind == "service" else None
        try:
            domain.check_booking(rules, req["starts_at"], req["ends_at"], utcnow(), req["roles"],
                                 req["quantity"], windows and [(w.starts_at, w.ends_at) for w in windows])
        except domain.Refused as refused:
            raise exceptions.refused(refused.field, refused.message) from None
        return req, resource, rules, windows

    def _staff_act(self, payload):
        act = load(ActSchema(), payload)
        booking = self.space.booking(act["booking_id"])
        if not domain.is_staff(act["roles"]):
            raise exceptions.Forbidden("only staff approve or decline bookings")
        if booking.status != domain.REQUESTED:
            raise exceptions.Conflict(f"the booking is already {booking.status}")
        return act, booking

    def _step(self, booking, stage):
        """Win the right to make this booking's one `stage` move, or 409: someone else made it."""
        if booking.status in domain.FINAL or not self.space.steps.take(f"{booking.id}:{stage}", str(booking.id)):
            raise exceptions.Conflict(f"the booking is already {booking.status} or being changed")

    def _release(self, booking, quota):
        self.space.slots.release(booking.claims)
        if quota:
            self.space.limits.release(self.space.limits.held_by(str(booking.id)))

    def _move(self, booking, status, act, event_type):
        booking.status, booking.reason = status, act.get("reason")
        booking.history.append({"at": utcnow(), "status": status, "actor_id": act["actor_id"],
                                "reason": act.get("reason")})
        self.outbox.save(booking, self._event(event_type, booking))
        return dump_booking(booking)

    def _take_quota(self, booking, rules):
        """Quota tokens (unique inserts) for the booking's week and its quarter hours in the month."""
        held = []
        mine = f"{booking.resource_id}:{booking.account_id}"
        try:
            if rules.max_per_week:
                scope = f"week:{mine}:{domain.week_key(booking.starts_at)}"
                held += self._tokens(scope, rules.max_per_week, 1, booking,
                                     f"at most {rules.max_per_week} bookings a week of this resource (no-shows count)")
            if rules.max_hours_per_month:
                scope = f"month:{mine}:{domain.month_key(booking.starts_at)}"
                held += self._tokens(scope, rules.max_hours_per_month * 4, len(domain.slots(booking.starts_at,
                                                                                             booking.ends_at)),
                                     booking, f"at most {rules.max_hours_per_month} hours a month of this resource "
                                              "(no-shows count)")
        except BaseException:
            self.space.limits.release(held)
            raise
        return held

    def _tokens(self, scope, total, count, booking, message):
        try:
            return self.space.limits.take_any([f"{scope}:{i}" for i in range(total)], str(booking.id), count)
        except Taken:
            raise exceptions.Conflict(message) from None

    def _claim_time(self, booking, resource, rules, windows):
        owner = str(booking.id)
        if windows is not None:
            covering = [w for w in windows if domain.utc(w.starts_at) <= booking.starts_at
                        and booking.ends_at <= domain.utc(w.ends_at)]
            seat, booking.claims = claim_one_seat_throughout(
                self.space.slots, str(resource.id), [f"{w.shift_id}:{w.volunteer_id}" for w in covering],
                domain.slots(booking.starts_at, booking.ends_at), owner)
            booking.shift_id, booking.volunteer_id = seat.split(":", 1)
            return
        span = domain.claimed_span(booking.starts_at, booking.ends_at, rules)
        booking.claims = claim_slots(self.space.slots, str(resource.id), [str(i) for i in range(rules.capacity)],
                                     domain.slots(*span), booking.quantity, owner)

    def _event(self, event_type, booking, **extra):
        data = {**booking_event_data(booking, event_type), **extra}
        return self.outbox.event(event_type, EVENT_SCHEMAS[event_type]().load(data), subject=str(booking.id))


def new_booking(resource, req, status):
    now = utcnow()
    return Booking(id=booking_id(req), community_id=resource.community_id, resource_id=str(resource.id),
                   resource_name=resource.name, resource_kind=resource.kind, account_id=req["account_id"],
                   starts_at=domain.utc(req["starts_at"]), ends_at=domain.utc(req["ends_at"]),
                   quantity=req["quantity"], title=req["title"], status=status,
                   created_at=now,  # the check-in code comes with its claim: checkin_codes.claim_code
                   history=[{"at": now, "status": status, "actor_id": req["account_id"], "reason": None}])


def booking_id(req):
    """A fresh id, or one derived from the caller's submission key: its unique `_id` is the claim."""
    if not req.get("submission_key"):
        return ObjectId()
    return ObjectId(hashlib.sha256(f"{req['account_id']}\0{req['submission_key']}".encode()).digest()[:12])


def booking_event_data(booking, event_type):
    data = {"booking_id": str(booking.id), "community_id": booking.community_id,
            "account_id": booking.account_id, "resource_id": booking.resource_id,
            "resource_name": booking.resource_name, "resource_kind": booking.resource_kind,
            "starts_at": iso(booking.starts_at), "ends_at": iso(booking.ends_at),
            "shift_id": booking.shift_id, "volunteer_id": booking.volunteer_id}
    if event_type in ("booking_declined", "booking_cancelled", "booking_no_show"):
        data["reason"] = booking.reason
    return data


def dump_booking(booking):
    return {"id": str(booking.id), "community_id": booking.community_id, "resource_id": booking.resource_id,
            "resource_name": booking.resource_name, "resource_kind": booking.resource_kind,
            "account_id": booking.account_id, "starts_at": iso(booking.starts_at),
            "ends_at": iso(booking.ends_at), "quantity": booking.quantity, "title": booking.title,
            "status": booking.status, "reason": booking.reason, "check_in_code": booking.check_in_code,
            "shift_id": booking.shift_id, "volunteer_id": booking.volunteer_id}
