"""Handlers of other services' events: residents served at a booking, patrols asked for by a meeting."""
from datetime import datetime, timedelta, timezone

from services.common.envelope import EnvelopeSchema
from services.common.errors import load
from services.common.handlers import event_handler
from services.volunteers import templates
from services.volunteers.models import Activity, HoursEntry
from services.volunteers.readers import ActionItemAssignedData, BookingCheckedInData

PATROL_HOURS = ("19:00", "21:00")
PATROL_PLACE = "小区巡查 (集合点: 37°便民空间)"


class Flows:
    """Mixed into VolunteersService: needs `rota`, `outbox` and `_schedule` from the other mixins."""

    @event_handler("bookings", "booking_checked_in")
    def on_booking_checked_in(self, body):
        """Credit the volunteer who served the resident; the booking id keys the entry, so once."""
        data = load(BookingCheckedInData(), load(EnvelopeSchema(), body)["data"])
        if data["volunteer_id"]:
            self.rota.credit(HoursEntry(id=f"booking:{data['booking_id']}", community_id=data["community_id"],
                                        volunteer_id=data["volunteer_id"], kind="service", served=1,
                                        shift_id=data["shift_id"], at=data["starts_at"]))

    @event_handler("issues", "action_item_assigned")
    def on_action_item_assigned(self, body):
        """A patrol agreed at a joint meeting becomes a patrol activity with its evening rota."""
        data = load(ActionItemAssignedData(), load(EnvelopeSchema(), body)["data"])
        if data["kind"] != "patrol" or not data["patrol"]:
            return
        activity = Activity(id=f"action-item-{data['action_item_id']}", community_id=data["community_id"],
                            kind="patrol", title=data["title"], place=PATROL_PLACE,
                            source={"type": "action_item", "id": data["action_item_id"]},
                            created_at=datetime.now(timezone.utc))
        self._schedule(activity, templates.rota(first_patrol_day(data["due_at"]), data["patrol"]["days"],
                                                *PATROL_HOURS, data["patrol"]["people_per_evening"]))


def first_patrol_day(due_at, now=None):
    """The patrol starts the local day after the clean-up is due (or tomorrow), never in the past."""
    today = (now or datetime.now(timezone.utc)).astimezone(templates.LOCAL).date()
    after = (due_at.astimezone(templates.LOCAL).date() if due_at else today) + timedelta(days=1)
    return max(after, today + timedelta(days=1))
