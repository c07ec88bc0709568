"""Entrypoints of recurring bookings: report which occurrences are taken, and book the rest on request."""
from datetime import datetime

from nameko.rpc import rpc

from services.bookings import domain
from services.bookings.claims import seat_claims
from services.bookings.dependencies import Space
from services.bookings.schemas import SeriesSchema
from services.common.errors import Conflict, InvalidInput, load


class Series:
    """Mixed into BookingsService (with Reservations): each occurrence is an ordinary booking."""

    space = Space()

    @rpc
    def request_series(self, payload):
        """Every `every_days` days, `count` times: each occurrence `free`, `taken` or `refused`; with `book`, booked."""
        series = load(SeriesSchema(), payload)
        first = {k: v for k, v in series.items() if k not in ("every_days", "count", "book")}
        report = []
        for starts_at, ends_at in domain.recurrence(first["starts_at"], first["ends_at"],
                                                    series["every_days"], series["count"]):
            one = {**first, "starts_at": starts_at.isoformat(), "ends_at": ends_at.isoformat(),
                   "submission_key": first["submission_key"] and f"{first['submission_key']}:{starts_at.isoformat()}"}
            report.append(self._occurrence(one, series["book"]))
        return {"occurrences": report}

    def _occurrence(self, one, book):
        entry = {"starts_at": one["starts_at"], "ends_at": one["ends_at"]}
        try:
            if book:
                made = self.request_booking(one)
                return {**entry, "status": "booked", "booking_id": made["id"]}
            _, resource, rules, _ = self._allowed(one)
        except InvalidInput as refused:
            return {**entry, "status": "refused", "errors": refused.extra["errors"]}
        except Conflict as taken:
            return {**entry, "status": "taken", "reason": taken.detail}
        return {**entry, "status": "free" if self._looks_free(resource, rules, one) else "taken"}

    def _looks_free(self, resource, rules, one):
        """A report only (it reads; booking is what guarantees): some seat is unclaimed in every slot."""
        start, end = domain.claimed_span(domain.utc(_parse(one["starts_at"])), domain.utc(_parse(one["ends_at"])),
                                         rules)
        seats = [str(i) for i in range(rules.capacity)]
        for slot in domain.slots(start, end):
            ids = seat_claims(str(resource.id), seats, slot)
            if self.space.slots.collection.count_documents({"_id": {"$in": ids}}) + one.get("quantity", 1) > len(ids):
                return False
        return True


def _parse(text):
    return datetime.fromisoformat(text)
