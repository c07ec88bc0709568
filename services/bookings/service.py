"""The bookings service: the 37° space, Tuesday slots, loans and the life-circle guide.

The foundation gives it its projection of who may book; the booking rules come next.
"""
from nameko.rpc import rpc

from services.bookings.models import MembershipVersion
from services.common.dependencies import RequestContext
from services.common.handlers import event_handler
from services.common.membership import MembershipProjection


class BookingsService:
    name = "bookings"

    members = MembershipProjection(MembershipVersion)
    context = RequestContext()

    @event_handler("gateway", "membership_granted")
    def on_membership_granted(self, body):
        self.members.record(body)

    @rpc
    def member_roles(self, account_id, community_id):
        return self.members.roles(account_id, community_id)
