"""The wall shops' coupons: publish, claim, redeem once by code."""
from flask.views import MethodView
from flask_smorest import Blueprint

from gateway import roles
from gateway.api import PREFIX, protected, remote
from gateway.web import lists
from gateway.api.bookings import bookings_rpc, caller
from gateway.identity import guard
from gateway.schemas.bookings import (ClaimListSchema, ClaimSchema, CouponInSchema, CouponListSchema, CouponSchema,
                                      RedeemInSchema)
from gateway.web.problems import Problem

blp = Blueprint("coupons", __name__, url_prefix=PREFIX, description="Coupons of the shops along the compound wall")


@blp.route("/communities/<community_id>/coupons")
class Coupons(MethodView):
    @protected(blp)
    @remote(blp)
    @lists.paged(sorts=("valid_until", "title", "left"), filters=("shop_id",))
    @blp.response(200, CouponListSchema)
    def get(self, community_id):
        """The community's coupons and how many are left"""
        caller(community_id)
        return {"items": bookings_rpc("list_coupons", community_id)}

    @protected(blp)
    @remote(blp)
    @blp.arguments(CouponInSchema)
    @blp.response(201, CouponSchema)
    def post(self, data, community_id):
        """Publish a coupon with a quota, a per-resident limit and a validity window (shops)"""
        account_id, held = caller(community_id)
        if roles.SHOP not in held:
            raise Problem(403, "Only a shop publishes coupons.")
        return bookings_rpc("create_coupon", {
            "community_id": community_id, "shop_id": account_id, **data,
            "valid_from": data["valid_from"].isoformat(), "valid_until": data["valid_until"].isoformat()}), 201


@blp.route("/communities/<community_id>/coupons/<coupon_id>/claim")
class Claim(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.response(201, ClaimSchema)
    def post(self, community_id, coupon_id):
        """Claim one coupon (409 when none is left or my limit is reached)"""
        account_id, _ = caller(community_id)
        return bookings_rpc("claim_coupon", coupon_id, community_id, account_id), 201


@blp.route("/me/coupons")
class MyCoupons(MethodView):
    @protected(blp)
    @remote(blp)
    @lists.paged(filters=("coupon_id",), key="code")
    @blp.response(200, ClaimListSchema)
    def get(self):
        """My claimed coupons and their codes"""
        return {"items": bookings_rpc("my_coupons", str(guard.authenticate().id))}


@blp.route("/coupons/redeem")
class Redeem(MethodView):
    @protected(blp)
    @remote(blp)
    @blp.arguments(RedeemInSchema)
    @blp.response(200, ClaimSchema)
    def post(self, data):
        """Redeem a coupon by the code the resident shows (the issuing shop; once only, else 409)"""
        return bookings_rpc("redeem_coupon", data["code"], str(guard.authenticate().id))
