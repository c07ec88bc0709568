"""Entrypoints of the wall shops' coupons: publish, claim under a quota and a limit, redeem once."""
import random
from datetime import datetime, timezone

from bson import ObjectId
from nameko.rpc import rpc

from services.bookings import coupons_rules, domain, exceptions
from services.bookings.claims import Taken
from services.bookings.dependencies import Space
from services.bookings.models import Coupon, CouponClaim
from services.bookings.schemas import EVENT_SCHEMAS, CreateCouponSchema
from services.common.dependencies import EventOutbox
from services.common.errors import load


def utcnow():
    return datetime.now(timezone.utc)


class Coupons:
    """Mixed into BookingsService; its dependencies are the service's."""

    space = Space()
    outbox = EventOutbox()

    @rpc
    def create_coupon(self, payload):
        data = load(CreateCouponSchema(), payload)
        coupon = Coupon(id=ObjectId(), created_at=utcnow(), **data).save(force_insert=True)
        return dump_coupon(coupon, 0)

    @rpc
    def list_coupons(self, community_id):
        return [dump_coupon(c, self._claimed(c)) for c in Coupon.objects(community_id=community_id)]

    @rpc
    def claim_coupon(self, coupon_id, community_id, account_id):
        coupon = self.space.coupon(coupon_id, community_id)
        if not coupons_rules.valid_at(coupon, utcnow()):
            raise exceptions.Conflict("this coupon is not valid now")
        code = coupons_rules.new_code()
        mine = f"{coupon.id}:{account_id}"
        try:
            [limit] = self.space.limits.take_any([f"coupon:{mine}:{i}" for i in range(coupon.per_resident)], code)
        except Taken:
            raise exceptions.Conflict(f"at most {coupon.per_resident} of this coupon per resident") from None
        try:
            seat = self._take_seat(coupon, code)
        except Taken:
            self.space.limits.release([limit])
            raise exceptions.Conflict("all coupons are taken (已领完)") from None
        claim = CouponClaim(id=code, coupon_id=str(coupon.id), community_id=coupon.community_id,
                            account_id=account_id, seat=seat, limit_key=limit, claimed_at=utcnow())
        try:
            self.outbox.save(claim, self._coupon_event("coupon_claimed", coupon, account_id))
        except BaseException:
            self.space.seats.release([seat])
            self.space.limits.release([limit])
            raise
        return dump_claim(claim, coupon)

    @rpc
    def my_coupons(self, account_id):
        claims = CouponClaim.objects(account_id=account_id).order_by("claimed_at")
        return [dump_claim(c, self.space.coupon(c.coupon_id)) for c in claims]

    @rpc
    def redeem_coupon(self, code, shop_id, roles=()):
        claim = self.space.claim(code)
        coupon = self.space.coupon(claim.coupon_id)
        if coupon.shop_id != shop_id and not domain.is_staff(roles):
            raise exceptions.Forbidden("only the shop that issued this coupon redeems it")
        if not coupons_rules.valid_at(coupon, utcnow()):
            raise exceptions.Conflict("this coupon is not valid now")
        if not self.space.redemptions.take(code, shop_id, coupon_id=str(coupon.id)):
            raise exceptions.Conflict("this coupon has already been redeemed (已核销)")
        claim.redeemed, claim.redeemed_at = True, utcnow()
        self.outbox.save(claim, self._coupon_event("coupon_redeemed", coupon, claim.account_id))
        return dump_claim(claim, coupon)

    def _take_seat(self, coupon, code):
        """One of the quota's seats `<coupon>:<n>`; the free ones are tried, in random order."""
        taken = {d["_id"] for d in self.space.seats.collection.find({"coupon_id": str(coupon.id)}, {"_id": 1})}
        free = [f"{coupon.id}:{n}" for n in range(coupon.quota) if f"{coupon.id}:{n}" not in taken]
        random.shuffle(free)
        for seat in free:
            if self.space.seats.take(seat, code, coupon_id=str(coupon.id)):
                return seat
        raise Taken(str(coupon.id))

    def _claimed(self, coupon):
        return self.space.seats.collection.count_documents({"coupon_id": str(coupon.id)})

    def _coupon_event(self, event_type, coupon, account_id):
        data = {"coupon_id": str(coupon.id), "community_id": coupon.community_id, "account_id": account_id,
                "shop_id": coupon.shop_id, "shop_name": coupon.shop_name, "title": coupon.title,
                "valid_until": iso(coupon.valid_until)}
        return self.outbox.event(event_type, EVENT_SCHEMAS[event_type]().load(data), subject=str(coupon.id))


def iso(moment):
    return domain.utc(moment).isoformat().replace("+00:00", "Z")


def dump_coupon(coupon, claimed):
    return {"id": str(coupon.id), "community_id": coupon.community_id, "shop_id": coupon.shop_id,
            "shop_name": coupon.shop_name, "title": coupon.title, "quota": coupon.quota,
            "per_resident": coupon.per_resident, "claimed": claimed, "left": coupon.quota - claimed,
            "valid_from": iso(coupon.valid_from), "valid_until": iso(coupon.valid_until)}


def dump_claim(claim, coupon):
    return {"code": claim.id, "coupon_id": claim.coupon_id, "account_id": claim.account_id,
            "title": coupon.title, "shop_name": coupon.shop_name, "claimed_at": iso(claim.claimed_at),
            "redeemed": claim.redeemed, "redeemed_at": claim.redeemed_at and iso(claim.redeemed_at),
            "valid_until": iso(coupon.valid_until)}
