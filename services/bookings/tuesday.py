"""Tuesday services: a service session's slots exist only while a volunteer with the skill is signed up."""
from mongoengine import NotUniqueError

from services.bookings import domain
from services.bookings.claims import Taken, claim_one_seat_throughout
from services.bookings.dependencies import Space
from services.bookings.models import Resource, ServiceWindow
from services.bookings.schemas import ShiftData
from services.common.envelope import EnvelopeSchema
from services.common.errors import load
from services.common.handlers import event_handler


def read_shift(body):
    return load(ShiftData(), load(EnvelopeSchema(), body)["data"])


class TuesdayServices:
    """Mixed into BookingsService (with Reservations): opens and closes service slots from shifts."""

    space = Space()

    @event_handler("volunteers", "shift_signed_up")
    def on_shift_signed_up(self, body):
        shift = read_shift(body)
        for resource in Resource.objects(community_id=shift["community_id"], kind="service", skill=shift["skill"]):
            window = ServiceWindow(id=f"{resource.id}:{shift['shift_id']}:{shift['volunteer_id']}",
                                   community_id=shift["community_id"], resource_id=str(resource.id),
                                   shift_id=shift["shift_id"], volunteer_id=shift["volunteer_id"],
                                   skill=shift["skill"], starts_at=shift["starts_at"], ends_at=shift["ends_at"])
            try:
                window.save(force_insert=True)
            except NotUniqueError:  # a redelivery: the window is already open
                pass

    @event_handler("volunteers", "shift_withdrawn")
    def on_shift_withdrawn(self, body):
        shift = read_shift(body)
        ServiceWindow.objects(shift_id=shift["shift_id"], volunteer_id=shift["volunteer_id"]).delete()
        for booking in self.space.bookings(shift_id=shift["shift_id"], volunteer_id=shift["volunteer_id"]):
            if booking.status in domain.ACTIVE:
                self._move_or_cancel(booking)

    def _move_or_cancel(self, booking):
        """Give the booking to another volunteer scheduled then, else cancel it; say which by an event."""
        others = [w for w in self.space.windows(booking.resource_id)
                  if domain.utc(w.starts_at) <= domain.utc(booking.starts_at)
                  and domain.utc(booking.ends_at) <= domain.utc(w.ends_at)]
        try:
            seat, claims = claim_one_seat_throughout(
                self.space.slots, booking.resource_id, [f"{w.shift_id}:{w.volunteer_id}" for w in others],
                domain.slots(booking.starts_at, booking.ends_at), str(booking.id))
        except Taken:
            if self.space.steps.take(f"{booking.id}:outcome", "volunteers"):
                self._release(booking, quota=True)
                self._move(booking, domain.CANCELLED, {"actor_id": "system", "reason": "volunteer_withdrawn"},
                           "booking_cancelled")
            return
        self.space.slots.release(booking.claims)
        previous = booking.volunteer_id
        booking.claims = claims
        booking.shift_id, booking.volunteer_id = seat.split(":", 1)
        event = self._event("booking_moved", booking, previous_volunteer_id=previous)
        self.outbox.save(booking, event)
