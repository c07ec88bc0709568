"""The bookings service: the 37° space, Tuesday service slots, loans and the life-circle guide.

Each area keeps its entrypoints in its own mixin module; this class only composes them.
"""
from nameko.rpc import rpc

from services.bookings.checkin_codes import CodeCheckIn
from services.bookings.coupons import Coupons
from services.bookings.loans import Loans
from services.bookings.models import MembershipVersion
from services.bookings.places import LifeCircle
from services.bookings.reminders import Reminders
from services.bookings.reservations import Reservations
from services.bookings.resources import Resources
from services.bookings.seed import Seeding
from services.bookings.series import Series
from services.bookings.sweeper import Sweeper
from services.bookings.tuesday import TuesdayServices
from services.bookings.waitlist import Waitlist
from services.common.handlers import event_handler
from services.common.membership import MembershipProjection


class BookingsService(Reservations, CodeCheckIn, Reminders, Series, Waitlist, Loans, Sweeper, TuesdayServices, Resources, Coupons, LifeCircle, Seeding):
    name = "bookings"

    members = MembershipProjection(MembershipVersion)

    @event_handler("gateway", "membership_granted")
    def on_membership_granted(self, body):
        self.members.record(body)

    @rpc
    def member_roles(self, account_id, community_id):
        return self.members.roles(account_id, community_id)
