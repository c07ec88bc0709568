"""The api_keys outside Open311 clients report with: issued by a community's admin."""
from datetime import timezone

from flask.views import MethodView
from flask_smorest import Blueprint

from gateway import directory, roles
from gateway.api import PREFIX, protected
from gateway.identity import guard, memberships
from gateway.open311 import keys
from gateway.schemas.open311 import KeyInSchema, KeyListSchema, KeySchema
from gateway.web.problems import Problem, invalid

blp = Blueprint("open311_keys", __name__, url_prefix=f"{PREFIX}/communities",
                description="Open311 GeoReport v2 api_keys (/open311/v2/)")


def _aware(record):
    """Times read back from the store are naive UTC; answer them with their zone."""
    return {k: v.replace(tzinfo=timezone.utc) if hasattr(v, "tzinfo") and v.tzinfo is None else v
            for k, v in record.items()}


@blp.route("/<community_id>/open311-keys")
class Keys(MethodView):
    @protected(blp)
    @blp.response(200, KeyListSchema)
    def get(self, community_id):
        """The community's Open311 api_keys, without the keys themselves (community admin)"""
        guard.require_role(directory.community_or_404(community_id).id, roles.COMMUNITY_ADMIN)
        return {"items": [_aware(k) for k in keys.listed(community_id)]}

    @protected(blp)
    @blp.arguments(KeyInSchema)
    @blp.response(201, KeySchema)
    def post(self, data, community_id):
        """Issue an api_key whose Open311 requests are reported as a named member (community admin)"""
        community = directory.community_or_404(community_id)
        guard.require_role(community.id, roles.COMMUNITY_ADMIN)
        if memberships.find(data["account_id"], community.id) is None:
            raise invalid({"account_id": ["Not a member of this community."]})
        return _aware(keys.issue(community.id, data["account_id"], data["name"], guard.authenticate().id)), 201


@blp.route("/<community_id>/open311-keys/<key_id>")
class Key(MethodView):
    @protected(blp)
    @blp.response(204)
    @blp.alt_response(404, response="NOT_FOUND")
    def delete(self, community_id, key_id):
        """Revoke an api_key: its requests are refused from now on (community admin)"""
        guard.require_role(directory.community_or_404(community_id).id, roles.COMMUNITY_ADMIN)
        if not keys.revoke(community_id, key_id):
            raise Problem(404, "No such api_key in this community.")
