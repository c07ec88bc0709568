"""Coupons under concurrent claims, single redemption, and the life-circle guide on the real store."""
from datetime import datetime, timedelta, timezone

import pytest

from services.bookings.seed import CENTRE
from services.common.errors import Conflict, Forbidden


def make_coupon(call, quota=50, per_resident=1, **overrides):
    now = datetime.now(timezone.utc)
    return call("create_coupon", {"community_id": "c1", "shop_id": "shop-1", "shop_name": "何记早点",
                                  "title": "满10减3", "quota": quota, "per_resident": per_resident,
                                  "valid_from": (now - timedelta(hours=1)).isoformat(),
                                  "valid_until": (now + timedelta(days=1)).isoformat(), **overrides})


def test_two_hundred_concurrent_claims_on_fifty_coupons_give_exactly_fifty(call, fire, database):
    coupon = make_coupon(call)
    outcomes = fire("claim_coupon", [(coupon["id"], "c1", f"r{n}") for n in range(200)])
    codes = [o["code"] for o in outcomes if isinstance(o, dict)]
    assert len(codes) == 50 and len(set(codes)) == 50
    assert [o for o in outcomes if not isinstance(o, dict)] == ["Conflict"] * 150
    db = database("bookings")
    assert db.coupon_claims.count_documents({}) == 50
    assert db.coupon_seats.count_documents({}) == 50
    assert db.limits.count_documents({}) == 50  # the losers' per-resident keys were given back


def test_one_resident_cannot_claim_beyond_the_limit_even_all_at_once(call, fire, database):
    coupon = make_coupon(call, per_resident=2)
    outcomes = fire("claim_coupon", [(coupon["id"], "c1", "greedy")] * 20)
    assert sum(isinstance(o, dict) for o in outcomes) == 2
    assert database("bookings").coupon_seats.count_documents({}) == 2


def test_a_coupon_is_redeemed_once_by_its_shop(call, bookings_tap):
    coupon = make_coupon(call)
    claim = call("claim_coupon", coupon["id"], "c1", "r1")
    with pytest.raises(Forbidden):
        call("redeem_coupon", claim["code"], "another-shop")
    assert call("redeem_coupon", claim["code"], "shop-1")["redeemed"] is True
    with pytest.raises(Conflict, match="already"):
        call("redeem_coupon", claim["code"], "shop-1")
    assert [e["type"] for e in bookings_tap()] == ["coupon_claimed", "coupon_redeemed"]


def test_an_expired_coupon_cannot_be_claimed(call, database):
    past = datetime.now(timezone.utc) - timedelta(days=2)
    coupon = make_coupon(call, valid_from=past.isoformat(), valid_until=(past + timedelta(days=1)).isoformat())
    with pytest.raises(Conflict, match="not valid"):
        call("claim_coupon", coupon["id"], "c1", "r1")
    assert database("bookings").limits.count_documents({}) == 0


def test_the_seed_is_idempotent_and_places_are_found_by_walking_distance(call):
    first = call("seed_demo", "c1", "shop-1")
    assert first == {"resources": 9, "places": 6, "coupons": 1}
    assert call("seed_demo", "c1", "shop-1") == {"resources": 0, "places": 0, "coupons": 0}
    near = call("nearby_places", {"community_id": "c1", "lat": CENTRE[0], "lng": CENTRE[1]})
    assert [p["walk_minutes"] for p in near] == sorted(p["walk_minutes"] for p in near)
    assert all(p["walk_minutes"] <= 15 for p in near)
    assert "district-hospital" not in {p["key"] for p in near}  # about 3 km away
    clinics = call("nearby_places", {"community_id": "c1", "lat": CENTRE[0], "lng": CENTRE[1],
                                     "category": "clinic", "max_minutes": 60})
    assert {p["key"] for p in clinics} == {"changzheng-clinic", "district-hospital"}
    geojson = call("places_geojson", "c1", "market")
    assert geojson["type"] == "FeatureCollection"
    assert [f["properties"]["key"] for f in geojson["features"]] == ["wet-market"]
