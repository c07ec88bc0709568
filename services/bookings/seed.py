"""The demo 37° service space, life-circle places and a wall shop's coupon; safe to run again."""
from datetime import datetime, timedelta, timezone

from nameko.rpc import rpc

from services.bookings.geo import SPACE_37
from services.bookings.models import Coupon, Place, Resource
from services.bookings.places import LifeCircle
from services.bookings.resources import Resources

EVERY_DAY = {day: ["08:00-21:00"] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
STAFF_AND_VOLUNTEERS = ["volunteer", "building_leader", "grid_leader", "social_worker", "community_admin"]
LOAN = {"max_minutes": 3 * 24 * 60, "grace_minutes": 60}  # toolbox loans span days: no opening hours
SESSION = {"min_minutes": 15, "max_minutes": 30, "cancel_hours": 2}

RESOURCES = [
    {"key": "lounge", "kind": "room", "name": "37°便民空间休息室", "name_en": "37° lounge",
     "rules": {"hours": EVERY_DAY, "max_minutes": 240, "approval": True, "buffer_minutes": 15, "cancel_hours": 24,
               "max_per_week": 2}},
    {"key": "party-home", "kind": "room", "name": "党员之家", "name_en": "Party members' home",
     "rules": {"hours": EVERY_DAY, "max_minutes": 180, "approval": True, "roles": STAFF_AND_VOLUNTEERS}},
    {"key": "projector", "kind": "equipment", "name": "投影仪", "name_en": "Projector",
     "rules": {"hours": EVERY_DAY, "max_minutes": 240, "approval": True}},
    {"key": "drill", "kind": "equipment", "name": "工具百宝箱·电钻", "name_en": "Toolbox drill",
     "rules": LOAN | {"capacity": 2}},
    {"key": "ladder", "kind": "equipment", "name": "工具百宝箱·人字梯", "name_en": "Toolbox ladder",
     "rules": LOAN},
    {"key": "printer", "kind": "printer", "name": "自助打印机", "name_en": "Self-service printer",
     "rules": {"hours": EVERY_DAY, "max_minutes": 15, "grace_minutes": 5}},
    {"key": "haircut", "kind": "service", "skill": "hairdressing", "name": "相约星期二·义务理发",
     "name_en": "Tuesday haircut", "rules": SESSION},
    {"key": "legal-advice", "kind": "service", "skill": "legal_advice", "name": "相约星期二·法律咨询",
     "name_en": "Tuesday legal advice", "rules": SESSION},
    {"key": "blood-pressure", "kind": "service", "skill": "nursing", "name": "相约星期二·测血压",
     "name_en": "Tuesday blood-pressure check", "rules": SESSION},
]

PLACES = [
    ("clinic", "changzheng-clinic", "长征镇社区卫生服务中心", "Changzheng community health centre", "梅川路1号", "08:00-16:30", 31.2452, 121.3932),
    ("market", "wet-market", "长征菜市场", "Changzheng wet market", "真北路88号", "06:00-18:00", 31.2418, 121.3961),
    ("school", "primary-school", "长征中心小学", "Changzheng primary school", "清峪路12号", "07:30-17:00", 31.2475, 121.3987),
    ("pharmacy", "pharmacy", "益丰大药房", "Yifeng pharmacy", "梅川路66号", "08:00-22:00", 31.2440, 121.3915),
    ("transport", "metro", "地铁13号线真北路站", "Metro line 13, Zhenbei Rd", "真北路", "05:30-23:00", 31.2391, 121.4020),
    ("clinic", "district-hospital", "普陀区中心医院", "Putuo district central hospital", "兰溪路164号", "00:00-24:00", 31.2330, 121.4180),
]
CENTRE = SPACE_37


class Seeding:
    """Mixed into BookingsService: `seed_demo` fills a community's demo data once."""

    @rpc
    def seed_demo(self, community_id, shop_id=None):
        made = {"resources": 0, "places": 0, "coupons": 0}
        for spec in RESOURCES:
            if not Resource.objects(community_id=community_id, key=spec["key"]).count():
                Resources.create_resource(self, {"community_id": community_id, **spec})
                made["resources"] += 1
        for category, key, name, name_en, address, hours, lat, lng in PLACES:
            if not Place.objects(community_id=community_id, key=key).count():
                LifeCircle.create_place(self, {"community_id": community_id, "key": key, "name": name,
                                               "name_en": name_en, "category": category, "address": address,
                                               "hours": hours, "lat": lat, "lng": lng})
                made["places"] += 1
        if shop_id and not Coupon.objects(community_id=community_id, shop_id=shop_id).count():
            now = datetime.now(timezone.utc)
            self.create_coupon({"community_id": community_id, "shop_id": shop_id, "shop_name": "围墙商铺·何记早点",
                                "title": "早点满10元减3元", "quota": 50, "per_resident": 1,
                                "valid_from": now.isoformat(), "valid_until": (now + timedelta(days=90)).isoformat()})
            made["coupons"] += 1
        return made


def main():
    """Seed the running platform's demo community: `python -m services.bookings.seed` after `make run`."""
    import os

    import requests
    from nameko.standalone.rpc import ClusterRpcProxy

    from services.common import config

    base = os.environ.get("LINLI_GATEWAY_URL", f"http://127.0.0.1:{os.environ.get('LINLI_GATEWAY_PORT', '8000')}")
    login = requests.post(f"{base}/api/v1/auth/login", timeout=10,
                          json={"login": "shop@demo.linli", "password": "linli-demo-2024"}).json()
    me = requests.get(f"{base}/api/v1/me", headers={"Authorization": f"Bearer {login['access_token']}"},
                      timeout=10).json()
    community_id = me["memberships"][0]["community_id"]
    with ClusterRpcProxy({"AMQP_URI": config.amqp_uri()}, timeout=30) as rpc:
        print(rpc.bookings.seed_demo(community_id, me["account"]["id"]))


if __name__ == "__main__":
    main()
