"""Entrypoints of resources and their calendars (RFC 5545 feeds per resource and per resident)."""
import hashlib
import hmac
import os
from datetime import datetime, timezone

from bson import ObjectId
from mongoengine import NotUniqueError
from nameko.rpc import rpc

from services.bookings import domain, exceptions, ical
from services.bookings.dependencies import Space
from services.bookings.models import Resource
from services.bookings.schemas import CreateResourceSchema, RulesSchema
from services.common.errors import load

SHOWN = (domain.REQUESTED, domain.CONFIRMED, domain.CHECKED_IN, domain.RETURNED)


def feed_secret():
    return os.environ.get("LINLI_FEED_SECRET", "linli-development-feed-secret").encode()


def feed_token(account_id):
    """A private, unguessable calendar address for one resident: `<account>.<hmac>`."""
    digest = hmac.new(feed_secret(), account_id.encode(), hashlib.sha256).hexdigest()[:32]
    return f"{account_id}.{digest}"


class Resources:
    """Mixed into BookingsService; its dependencies are the service's."""

    space = Space()

    @rpc
    def create_resource(self, payload):
        data = load(CreateResourceSchema(), payload)
        data["rules"] = RulesSchema().dump(data["rules"])
        resource = Resource(id=ObjectId(), created_at=datetime.now(timezone.utc), **data)
        try:
            resource.save(force_insert=True)
        except NotUniqueError:
            raise exceptions.Conflict(f"this community already has a resource {data['key']}") from None
        return dump_resource(resource)

    @rpc
    def list_resources(self, community_id, kind=None):
        return [dump_resource(r) for r in self.space.resources(community_id, kind)]

    @rpc
    def get_resource(self, resource_id, community_id=None):
        resource = self.space.resource(resource_id, community_id)
        out = dump_resource(resource)
        if resource.kind == "service":
            out["windows"] = [{"starts_at": iso(w.starts_at), "ends_at": iso(w.ends_at),
                               "volunteer_id": w.volunteer_id, "shift_id": w.shift_id}
                              for w in self.space.windows(resource_id)]
        return out

    @rpc
    def resource_calendar(self, resource_id, community_id=None):
        resource = self.space.resource(resource_id, community_id)
        bookings = [b for b in self.space.bookings(resource_id=resource_id) if b.status in SHOWN]
        return ical.calendar(resource.name, [
            {"id": str(b.id), "title": f"{resource.name} · 已预订 booked",  # public: no resident's title
             "starts_at": b.starts_at, "ends_at": b.ends_at, "status": b.status} for b in bookings])

    @rpc
    def calendar_token(self, account_id):
        return feed_token(account_id)

    @rpc
    def resident_calendar(self, token):
        account_id = token.rsplit(".", 1)[0]
        if not hmac.compare_digest(feed_token(account_id), token):
            raise exceptions.NotFound("no calendar at this address")
        bookings = [b for b in self.space.bookings(account_id=account_id) if b.status in SHOWN]
        return ical.calendar("我的预约 My bookings", [
            {"id": str(b.id), "title": f"{b.resource_name}{' · ' + b.title if b.title else ''}",
             "starts_at": b.starts_at, "ends_at": b.ends_at, "status": b.status} for b in bookings])


def iso(moment):
    return domain.utc(moment).isoformat().replace("+00:00", "Z")


def dump_resource(resource):
    return {"id": str(resource.id), "community_id": resource.community_id, "key": resource.key,
            "kind": resource.kind, "name": resource.name, "name_en": resource.name_en,
            "skill": resource.skill, "rules": dict(resource.rules)}
