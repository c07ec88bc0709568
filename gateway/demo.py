"""The demo community and its logins: the one list `make run` prints and the seed creates."""
from dataclasses import dataclass

from gateway import roles as r

PASSWORD = "linli-demo-2024"
TOWN = {"name": "长征镇", "name_en": "Changzheng town", "district": "普陀区", "city": "上海市"}
COMMUNITY = {"name": "未来街区", "name_en": "Future Block"}
BUILDINGS = range(1, 31)
CLUBHOUSE = 28  # the clubhouse of No. 28 houses the 37° service space
CLUBHOUSE_AMENITIES = ["37°便民空间", "党员之家", "工具百宝箱", "自助打印机"]
FLOORS, UNITS_PER_FLOOR, BUILDINGS_PER_GRID = 6, 4, 5
SPACE_37 = (31.2443, 121.3948)  # the clubhouse, as the bookings service places the 37° space


def building_position(number):
    """Where a demo building stands: rows of six, 40 m apart, laid out around the clubhouse."""
    row, column = divmod(number - 1, 6)
    home_row, home_column = divmod(CLUBHOUSE - 1, 6)
    return (round(SPACE_37[0] + (row - home_row) * 0.00036, 6),
            round(SPACE_37[1] + (column - home_column) * 0.00042, 6))


@dataclass(frozen=True)
class DemoAccount:
    role: str
    phone: str
    display_name: str
    roles: tuple
    building: int = None
    unit: str = None

    @property
    def email(self):
        return login_name(self.role)


def login_name(role):
    """The demo login of a role: `building_leader` → `building-leader@demo.linli`."""
    return f"{role.replace('_', '-')}@demo.linli"


ACCOUNTS = (
    DemoAccount(r.RESIDENT, "13800000001", "居民小王", (r.RESIDENT,), 3, "201"),
    DemoAccount(r.OWNER, "13800000002", "业主老李", (r.RESIDENT, r.OWNER), 5, "302"),
    DemoAccount(r.BUILDING_LEADER, "13800000003", "楼组长张阿姨", (r.RESIDENT, r.OWNER, r.BUILDING_LEADER), 7, "101"),
    DemoAccount(r.GRID_LEADER, "13800000004", "网格长陈先生", (r.RESIDENT, r.OWNER, r.GRID_LEADER), 12, "402"),
    DemoAccount(r.VOLUNTEER, "13800000005", "志愿者刘师傅", (r.RESIDENT, r.VOLUNTEER), 21, "103"),
    DemoAccount(r.SOCIAL_WORKER, "13800000006", "社工小周", (r.SOCIAL_WORKER,)),
    DemoAccount(r.COMMUNITY_ADMIN, "13800000007", "林书记", (r.COMMUNITY_ADMIN, r.SOCIAL_WORKER)),
    DemoAccount(r.PM_STAFF, "13800000008", "物业赵经理", (r.PM_STAFF,)),
    DemoAccount(r.OC_MEMBER, "13800000009", "业委会孙委员", (r.RESIDENT, r.OWNER, r.OC_MEMBER), 9, "504"),
    DemoAccount(r.SHOP, "13800000010", "围墙商铺何老板", (r.SHOP,)),
    DemoAccount(r.TOWN_ADMIN, "13800000011", "长征镇郑科长", (r.TOWN_ADMIN,)),
)


def logins_table():
    """The demo logins as printable lines."""
    lines = [f"Demo logins (password for all: {PASSWORD}):"]
    lines += [f"  {a.role:<16} {a.email:<28} {a.phone}  {a.display_name}" for a in ACCOUNTS]
    return "\n".join(lines)
