"""The volunteers service: volunteers, shifts, patrol rotas, check-in and hours.

Each area keeps its entrypoints in its own mixin module; this class only composes them.
"""
from nameko.rpc import rpc

from services.common.dependencies import RequestContext
from services.common.handlers import event_handler
from services.common.membership import MembershipProjection
from services.volunteers.activities import Activities
from services.volunteers.attendance import Attendance
from services.volunteers.flows import Flows
from services.volunteers.hours import Hours
from services.volunteers.models import MembershipVersion
from services.volunteers.profiles import Profiles
from services.volunteers.reminders import Reminders
from services.volunteers.signups import Signing


class VolunteersService(Profiles, Activities, Signing, Attendance, Reminders, Hours, Flows):
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
        """Account ids of the community's members holding the volunteer role."""
        return self.members.holders(community_id, ("volunteer",))
