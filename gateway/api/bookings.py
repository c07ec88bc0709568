"""Bookings of the 37° space: request, approve, decline, cancel, check in; my bookings and calendar feed."""
import re

from flask import Response, request
from flask.views import MethodView
from flask_smorest import Blueprint

from gateway import runtime
from gateway.api import PREFIX, protected, remote
from gateway.web import lists
from gateway.identity import guard, memberships
from gateway.schemas.bookings import (ActInSchema, BookingInSchema, BookingListSchema, BookingSchema, FeedSchema,
                                      SeriesInSchema, SeriesSchema, WaitlistSchema)
from gateway.web.problems import Problem

blp = Blueprint("bookings", __name__, url_prefix=f"{PREFIX}", description="Bookings of the 37° service space")
FEED_TOKEN = re.compile(r"[0-9a-f]{24}\.[0-9a-f]{32}")
STAFF_ROLES = ("social_worker", "community_admin", "pm_staff", "oc_member", "town_admin")


def caller(community_id):
    """The caller's account id and roles in the community; 403 for a non-member."""
    account = guard.authenticate()
    held = guard.acting_roles(memberships.find(account.id, community_id))
    if not held:
        raise Problem(403, "You are not a member of this community.")
    return str(account.id), sorted(held)


def bookings_rpc(method, *args):
    return runtime.current().rpc.call("bookings", method, *args)


def shown(booking, account_id, roles):
    """A booking as the caller may see it: its check-in code only for the booker and staff."""
    if booking["account_id"] != account_id and not set(roles) & set(STAFF_ROLES):
        booking = {k: v for k, v in booking.items() if k != "check_in_code"}
    return booking


@blp.route("/bookings")
class Bookings(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(BookingInSchema)
    @blp.response(201, BookingSchema)
    def post(self, data):
        """Book a resource: confirmed at once, or requested when staff must approve (409 when full)"""
        account_id, roles = caller(data["community_id"])
        booking = bookings_rpc("request_booking", {
            "community_id": str(data["community_id"]), "resource_id": str(data["resource_id"]),
            "account_id": account_id, "roles": roles, "starts_at": data["starts_at"].isoformat(),
            "ends_at": data["ends_at"].isoformat(), "quantity": data["quantity"], "title": data["title"],
            "submission_key": request.headers.get("Idempotency-Key")})
        return booking, 201, {"Location": f"{PREFIX}/bookings/{booking['id']}"}


@blp.route("/bookings/series")
class Series(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(SeriesInSchema)
    @blp.response(200, SeriesSchema)
    def post(self, data):
        """A recurring booking: which occurrences are taken; with `book`, book the free ones"""
        account_id, roles = caller(data["community_id"])
        return bookings_rpc("request_series", {
            "community_id": str(data["community_id"]), "resource_id": str(data["resource_id"]),
            "account_id": account_id, "roles": roles, "starts_at": data["starts_at"].isoformat(),
            "ends_at": data["ends_at"].isoformat(), "quantity": data["quantity"], "title": data["title"],
            "every_days": data["every_days"], "count": data["count"], "book": data["book"]})


@blp.route("/waitlist")
class Waitlist(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(BookingInSchema)
    @blp.response(201, WaitlistSchema)
    def post(self, data):
        """Wait in line for a full time; freed time is offered first come, first served"""
        account_id, roles = caller(data["community_id"])
        return bookings_rpc("join_waitlist", {
            "community_id": str(data["community_id"]), "resource_id": str(data["resource_id"]),
            "account_id": account_id, "roles": roles, "starts_at": data["starts_at"].isoformat(),
            "ends_at": data["ends_at"].isoformat(), "quantity": data["quantity"], "title": data["title"]}), 201


@blp.route("/bookings/<booking_id>")
class BookingDetail(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, BookingSchema)
    def get(self, booking_id):
        """One booking: for the resident who made it and the community's staff"""
        booking = bookings_rpc("get_booking", booking_id)
        account_id, roles = caller(booking["community_id"])
        if booking["account_id"] != account_id and not set(roles) & set(STAFF_ROLES):
            raise Problem(403, "Only the resident who booked and staff may see this booking.")
        return booking


def act(method, booking_id, data):
    """Do `method` on a booking: its booker, or the community's staff (the service decides which may)."""
    booking = bookings_rpc("get_booking", booking_id)
    account_id, roles = caller(booking["community_id"])
    if booking["account_id"] != account_id and not set(roles) & set(STAFF_ROLES):
        raise Problem(403, "Only the resident who booked and staff may act on this booking.")
    done = bookings_rpc(method, {"booking_id": booking_id, "actor_id": account_id, "roles": roles, **data})
    return shown(done, account_id, roles)


for _action, _method, _summary in (
        ("confirm", "confirm_booking", "Approve a requested booking (staff)"),
        ("decline", "decline_booking", "Decline a requested booking with a reason (staff)"),
        ("cancel", "cancel_booking", "Cancel a booking (the resident until the deadline, or staff)"),
        ("check-in", "check_in_booking", "Check a booking in: staff, or the resident with the booking's code"),
        ("return", "return_loan", "Return borrowed equipment (the borrower or staff)"),
        ("accept", "accept_offer", "Accept time offered from the waitlist before the hold lapses")):
    def _view(data, booking_id, _method=_method):
        return act(_method, booking_id, data)
    _view.__name__ = _view.__qualname__ = f"{_method}_view"
    _view.__doc__ = _summary
    blp.route(f"/bookings/<booking_id>/{_action}", methods=["POST"])(
        protected(blp)(remote(blp)(blp.arguments(ActInSchema)(blp.response(200, BookingSchema)(_view)))))


@blp.route("/communities/<community_id>/bookings")
class CommunityBookings(MethodView):
    @protected(blp)
    @remote(blp)
    @lists.paged(sorts=("starts_at", "ends_at", "status"), filters=("status", "resource_id", "resource_kind"))
    @blp.response(200, BookingListSchema)
    def get(self, community_id):
        """Every booking of the community (staff), or the caller's own there"""
        account_id, roles = caller(community_id)
        mine = None if set(roles) & set(STAFF_ROLES) else account_id
        return {"items": bookings_rpc("list_bookings", community_id, mine)}


@blp.route("/me/calendar")
class MyFeed(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200, FeedSchema)
    def get(self):
        """The private iCalendar address of my bookings, for a calendar app"""
        token = bookings_rpc("calendar_token", str(guard.authenticate().id))
        return {"url": f"{request.host_url.rstrip('/')}{PREFIX}/calendars/{token}.ics"}


@blp.route("/calendars/<token>.ics")
class PrivateFeed(MethodView):
    @remote(blp)
    def get(self, token):
        """A resident's bookings as iCalendar (RFC 5545); the address itself is the secret"""
        if not FEED_TOKEN.fullmatch(token):  # `<account>.<32 hex>`; anything else is no address of ours
            raise Problem(404, "No calendar at this address.")
        return Response(bookings_rpc("resident_calendar", token), mimetype="text/calendar")
