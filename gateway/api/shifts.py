"""Activities and their shifts: templates, gaps, sign-ups, withdrawal, invitations, check-in and out."""
from flask.views import MethodView
from flask_smorest import Blueprint

from gateway import roles, runtime
from gateway.api import PREFIX, protected, remote
from gateway.web import lists
from gateway.identity import guard
from gateway.schemas.volunteers import (ActivityInSchema, AttendanceInSchema, InviteInSchema, PeriodQuerySchema,
                                        SignUpInSchema)
from gateway.web.problems import Problem

blp = Blueprint("shifts", __name__, url_prefix=PREFIX, description="Activities, shifts and sign-ups")


def call(method, *args):
    return runtime.current().rpc.call("volunteers", method, *args)


def me():
    return str(guard.authenticate().id)


def is_staff(community_id):
    return guard.has_role(community_id, *roles.STAFF)


def when(query):
    return [query[k].isoformat() if query[k] else None for k in ("since", "until")]


@blp.route("/communities/<community_id>/activities")
class Activities(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(ActivityInSchema)
    @blp.response(201)
    def post(self, data, community_id):
        """Staff create an activity; its template generates the shifts (Shanghai time, stored UTC)"""
        guard.require_role(community_id, *roles.STAFF)
        template = {**data["template"], "first_day": data["template"]["first_day"].isoformat()}
        return call("create_activity", {**data, "template": template, "community_id": community_id}), 201


@blp.route("/activities/<activity_id>")
class Activity(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200)
    def get(self, activity_id):
        """An activity with its shifts: for members of its community"""
        activity = call("get_activity", activity_id)
        guard.require_role(activity["community_id"])
        return activity


@blp.route("/communities/<community_id>/shifts")
class Shifts(MethodView):
    @protected(blp)
    @remote(blp)
    @lists.paged(sorts=("starts_at", "title"), filters=("activity_id", "activity_kind", "place"))
    @blp.arguments(PeriodQuerySchema, location="query")
    @blp.response(200)
    def get(self, query, community_id):
        """Shifts from `since` (default now) to `until`, with seats taken per skill"""
        guard.require_role(community_id)
        return {"items": call("list_shifts", community_id, *when(query))}


@blp.route("/communities/<community_id>/shift-gaps")
class Gaps(MethodView):
    @protected(blp)
    @remote(blp)
    @lists.paged(sorts=("starts_at", "title"), filters=("activity_id", "activity_kind", "place"))
    @blp.arguments(PeriodQuerySchema, location="query")
    @blp.response(200)
    def get(self, query, community_id):
        """Staff see the shifts that still lack people, and what is missing per skill"""
        guard.require_role(community_id, *roles.STAFF)
        return {"items": call("shift_gaps", community_id, *when(query))}


@blp.route("/shifts/<shift_id>/signups")
class SignUps(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(SignUpInSchema)
    @blp.response(201)
    def post(self, data, shift_id):
        """Sign myself up: 201 with a seat, 202 on the waitlist, 409 with the reason otherwise"""
        guard.require_role(call("shift_signups", shift_id)["shift"]["community_id"])
        answer = call("sign_up", {**data, "shift_id": shift_id, "volunteer_id": me()})
        return answer, 201 if answer["status"] == "signed_up" else 202

    @protected(blp)
    @remote(blp)
    @blp.response(200)
    def get(self, shift_id):
        """Who is signed up and who waits: for staff and the shift's lead"""
        answer = call("shift_signups", shift_id)
        if answer["shift"]["lead_id"] != me() and not is_staff(answer["shift"]["community_id"]):
            raise Problem(403, "Only staff and the shift's lead may see who signed up.")
        return answer


@blp.route("/shifts/<shift_id>/invitations")
class Invitations(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(InviteInSchema)
    @blp.response(200)
    def post(self, data, shift_id):
        """Staff invite the volunteers who have the skill and are available then"""
        shift = call("shift_signups", shift_id)["shift"]
        guard.require_role(shift["community_id"], *roles.STAFF)
        return call("invite", {"shift_id": shift_id, "skill": data["skill"], "invited_by": me()})


def act(method, signup_id, data=None):
    """Do `method` on a sign-up as the caller; staff of its community may act for anyone."""
    signup = call("get_signup", signup_id)
    guard.require_role(signup["community_id"])
    payload = {"signup_id": signup_id, "actor_id": me(), "actor_is_staff": is_staff(signup["community_id"])}
    if data is not None:
        payload.update({**data, "at": data["at"].isoformat() if data["at"] else None})
    return call(method, payload)


@blp.route("/signups/<signup_id>")
class SignUp(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(200)
    def delete(self, signup_id):
        """Withdraw; within 24 hours of the start staff are alerted to find cover"""
        return act("withdraw", signup_id)


@blp.route("/signups/<signup_id>/check-in")
class CheckIn(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(AttendanceInSchema)
    @blp.response(201)
    def post(self, data, signup_id):
        """Check in: the volunteer at the place, or the shift's lead"""
        return act("check_in", signup_id, data), 201


@blp.route("/signups/<signup_id>/check-out")
class CheckOut(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(AttendanceInSchema)
    @blp.response(201)
    def post(self, data, signup_id):
        """Check out, with a patrol's note and photos; the hours are credited from the actual times"""
        return act("check_out", signup_id, data), 201


@blp.route("/signups/<signup_id>/no-show")
class NoShow(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(201)
    def post(self, signup_id):
        """The shift's lead or staff record that the volunteer never came"""
        return act("record_no_show", signup_id), 201
