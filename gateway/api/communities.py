"""The community directory, and the roles of a community's members."""
from flask.views import MethodView
from flask_smorest import Blueprint

from gateway import directory, roles, runtime
from gateway.api import PREFIX, protected
from gateway.identity import guard, memberships
from gateway.schemas.accounts import MembershipSchema, RolesSchema
from gateway.schemas.directory import CommunityDetailSchema, CommunityListSchema
from gateway.web import etags, lists, requestid
from gateway.web.problems import Problem

blp = Blueprint("communities", __name__, url_prefix=f"{PREFIX}/communities",
                description="Communities, buildings, units and micro-grids")


@blp.route("")
class Communities(MethodView):
    @lists.paged(sorts=("name", "name_en"))
    @blp.response(200, CommunityListSchema)
    def get(self):
        """Every community on the platform"""
        return {"items": [{"id": c.id, "name": c.name, "name_en": c.name_en, "town": town}
                          for c, town in directory.communities()]}


@blp.route("/<community_id>")
class CommunityDetail(MethodView):
    @blp.response(200, CommunityDetailSchema)
    def get(self, community_id):
        """One community: its buildings, units with floor area, and micro-grids"""
        return directory.community_detail(directory.community_or_404(community_id))


def member_or_404(community_id, account_id):
    member = memberships.find(account_id, community_id)
    if member is None:
        raise Problem(404, "This account is not a member of this community.")
    return member


@blp.route("/<community_id>/members/<account_id>/roles")
class MemberRoles(MethodView):
    @protected(blp)
    @guard.role_required(roles.COMMUNITY_ADMIN)
    @blp.response(200, MembershipSchema, headers=etags.HEADERS)
    @blp.alt_response(404, response="NOT_FOUND")
    def get(self, community_id, account_id):
        """A member's roles and home in the community, with its ETag (community admins only)"""
        return etags.tagged(member_or_404(community_id, account_id), MembershipSchema())

    @protected(blp)
    @guard.role_required(roles.COMMUNITY_ADMIN)
    @etags.documented(blp)
    @blp.arguments(RolesSchema)
    @blp.response(200, MembershipSchema, headers=etags.HEADERS)
    def put(self, data, community_id, account_id):
        """Replace a member's roles in the community (community admins only; If-Match optional)"""
        member = member_or_404(community_id, account_id)
        etags.check(lambda: member, MembershipSchema())
        granted = memberships.grant(runtime.current().outbox, member.account_id, member.community_id,
                                    data["roles"], request_id=requestid.current())
        return etags.tagged(granted, MembershipSchema())
