"""The kiosk of the 37° space: devices the community admin registers, and what a device may read and do."""
from functools import wraps

from flask.views import MethodView
from flask_smorest import Blueprint

from gateway import directory, roles, runtime
from gateway.api import PREFIX, _documented, protected, remote
from gateway.api.open311_keys import _aware
from gateway.identity import guard
from gateway.kiosk import board, devices
from gateway.models.accounts import stored_now
from gateway.schemas.kiosk import (CheckedInSchema, CheckInSchema, DeviceInSchema, DeviceListSchema, DeviceSchema,
                                   KioskSchema, NoticeListSchema, ServicesSchema)
from gateway.web.problems import Problem

blp = Blueprint("kiosk", __name__, url_prefix=PREFIX,
                description="The kiosk: its device tokens, and the few things a device may do")
DEVICE = [{"deviceToken": []}]


def device_only(view):
    """Decorator: the view runs only for a kiosk's valid device token, documented with its 401."""
    @wraps(view)
    def guarded(*args, **kwargs):
        devices.current()
        return view(*args, **kwargs)
    return blp.doc(security=DEVICE)(_documented(blp, guarded, 401))


@blp.route("/communities/<community_id>/kiosk-devices")
class Devices(MethodView):
    @protected(blp)
    @blp.response(200, DeviceListSchema)
    def get(self, community_id):
        """The community's kiosk devices, without their tokens (community admin)"""
        guard.require_role(directory.community_or_404(community_id).id, roles.COMMUNITY_ADMIN)
        return {"items": [_aware(d) for d in devices.listed(community_id)]}

    @protected(blp)
    @blp.arguments(DeviceInSchema)
    @blp.response(201, DeviceSchema)
    def post(self, data, community_id):
        """Register a kiosk device: its token is answered once (community admin)"""
        community = directory.community_or_404(community_id)
        guard.require_role(community.id, roles.COMMUNITY_ADMIN)
        return _aware(devices.register(community.id, data["name"], guard.authenticate().id)), 201


@blp.route("/communities/<community_id>/kiosk-devices/<device_id>")
class Device(MethodView):
    @protected(blp)
    @blp.response(204)
    @blp.alt_response(404, response="NOT_FOUND")
    def delete(self, community_id, device_id):
        """Revoke a kiosk device: its token is refused (401) from now on (community admin)"""
        guard.require_role(directory.community_or_404(community_id).id, roles.COMMUNITY_ADMIN)
        if not devices.revoke(community_id, device_id):
            raise Problem(404, "No such kiosk device in this community.")


@blp.route("/kiosk")
class Kiosk(MethodView):
    @device_only
    @blp.response(200, KioskSchema)
    def get(self):
        """The calling device and its community (kiosk device)"""
        device = devices.current()
        community = directory.community_or_404(device["community_id"])
        return {"device": {"id": device["id"], "name": device["name"]},
                "community": {"id": str(community.id), "name": community.name}}


@blp.route("/kiosk/services")
class Services(MethodView):
    @device_only
    @remote(blp)
    @blp.response(200, ServicesSchema)
    def get(self):
        """Today's and next Tuesday's service sessions with their free turns (kiosk device)"""
        return board.service_days(devices.current()["community_id"], stored_now())


@blp.route("/kiosk/check-in")
class CheckIn(MethodView):
    @device_only
    @remote(blp)
    @blp.arguments(CheckInSchema)
    @blp.response(200, CheckedInSchema)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, data):
        """Check in the booking with this code, from 30 minutes before its start (kiosk device)"""
        device = devices.current()
        return board.check_in(device["community_id"], device["id"], data["code"])


@blp.route("/kiosk/announcements")
class Announcements(MethodView):
    @device_only
    @remote(blp)
    @blp.response(200, NoticeListSchema)
    def get(self):
        """The community's current announcements for everyone who lives there: the last 14 days, newest 5 (kiosk device)"""
        community_id = devices.current()["community_id"]
        return {"items": runtime.current().rpc.call("notifications", "public_announcements", community_id)}
