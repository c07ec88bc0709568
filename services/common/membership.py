"""The membership projection as a nameko dependency and its event reader."""
from marshmallow import EXCLUDE, RAISE, Schema, fields, validate
from nameko.extensions import DependencyProvider

from services.common import people
from services.common.envelope import EnvelopeSchema
from services.common.errors import load
from services.common.store import Store


class MembershipGrantedData(Schema):
    """Tolerant reader of `membership_granted` data."""

    class Meta:
        unknown = EXCLUDE

    account_id = fields.String(required=True)
    community_id = fields.String(required=True)
    roles = fields.List(fields.String(), required=True)
    building_id = fields.String(load_default=None, allow_none=True)
    unit_id = fields.String(load_default=None, allow_none=True)
    grid_id = fields.String(load_default=None, allow_none=True)


class MemberQuery(Schema):
    class Meta:
        unknown = RAISE

    account_id = fields.String(required=True, validate=validate.Length(min=1, max=64))
    community_id = fields.String(required=True, validate=validate.Length(min=1, max=64))


class Memberships:
    def __init__(self, model):
        self.model = model

    def record(self, body):
        """Keep the membership an incoming `membership_granted` event carries."""
        event = load(EnvelopeSchema(), body)
        return people.record(self.model, event["id"], event["time"], load(MembershipGrantedData(), event["data"]))

    def roles(self, account_id, community_id):
        query = load(MemberQuery(), {"account_id": account_id, "community_id": community_id})
        found = people.current(self.model, **query)
        return sorted(found[0]["roles"]) if found else []

    def holders(self, community_id, roles):
        return people.holders(people.current(self.model, community_id=community_id), roles)


class MembershipProjection(DependencyProvider):
    """A service's own projection of memberships, on its own database."""

    store = Store()

    def __init__(self, model):
        self.model = model

    def get_dependency(self, worker_ctx):
        return Memberships(self.model)
