"""The volunteers service: volunteers, shifts, patrol rotas, check-in and hours.

The foundation gives it its projection of the community's people; rotas come next.
"""
from nameko.rpc import rpc

from services.common.dependencies import RequestContext
from services.common.handlers import event_handler
from services.common.membership import MembershipProjection
from services.volunteers.models import MembershipVersion


class VolunteersService:
    name = "volunteers"

    members = MembershipProjection(MembershipVersion)
    context = RequestContext()

    @event_handler("gateway", "membership_granted")
    def on_membership_granted(self, body):
        self.members.record(body)

    @rpc
    def member_roles(self, account_id, community_id):
        return self.members.roles(account_id, community_id)

    @rpc
    def volunteers_of(self, community_id):
        """Account ids of the community's registered volunteers."""
        return self.members.holders(community_id, ("volunteer",))
