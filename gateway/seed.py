"""Seed the demo community; safe to run again (it looks everything up before creating it).

    python -m gateway.seed                  create what is missing, print the demo logins
    python -m gateway.seed --print-logins   only print the demo logins

Accounts go through registration itself, so `account_registered` and `membership_granted`
are published like for any new user.
"""
import sys
import uuid

from gateway import demo, runtime, settings
from gateway.identity import memberships, registration, sessions
from gateway.models import Building, Community, Grid, Town, Unit
from gateway.schemas.auth import RegisterSchema

DEMO_PASSWORD = demo.PASSWORD
demo_login = demo.login_name


def floor_area(building, floor, index):
    """A fixed, plausible floor area between 60 and 140 m² for each unit."""
    return 60 + ((building * 37 + floor * 11 + index * 23) % 161) / 2


def ensure_directory():
    """The town, the community, its buildings, units and micro-grids; returns the community."""
    town = Town.objects(name=demo.TOWN["name"]).first() or Town(**demo.TOWN).save()
    community = (Community.objects(town_id=town.id, name=demo.COMMUNITY["name"]).first()
                 or Community(town_id=town.id, **demo.COMMUNITY).save())
    buildings = {number: ensure_building(community, number) for number in demo.BUILDINGS}
    for building in buildings.values():
        ensure_units(building)
    ensure_grids(community, buildings)
    return community


def ensure_building(community, number):
    clubhouse = number == demo.CLUBHOUSE
    lat, lng = demo.building_position(number)
    building = Building.objects(community_id=community.id, number=number).first() or Building(
        community_id=community.id, number=number, name=f"{number}号{'会所' if clubhouse else '楼'}",
        kind="clubhouse" if clubhouse else "residential",
        amenities=demo.CLUBHOUSE_AMENITIES if clubhouse else [], lat=lat, lng=lng).save()
    if building.lat is None:  # seeded before buildings had a position
        building.update(set__lat=lat, set__lng=lng)
        building.reload()
    return building


def ensure_units(building):
    if building.kind != "residential":
        return
    existing = {u.number for u in Unit.objects(building_id=building.id).only("number")}
    missing = [Unit(community_id=building.community_id, building_id=building.id, number=f"{floor}{index:02d}",
                    floor=floor, floor_area_m2=floor_area(building.number, floor, index))
               for floor in range(1, demo.FLOORS + 1) for index in range(1, demo.UNITS_PER_FLOOR + 1)
               if f"{floor}{index:02d}" not in existing]
    if missing:
        Unit.objects.insert(missing)


def ensure_grids(community, buildings):
    numbers = sorted(buildings)
    for start in range(0, len(numbers), demo.BUILDINGS_PER_GRID):
        grid_number = start // demo.BUILDINGS_PER_GRID + 1
        if not Grid.objects(community_id=community.id, number=grid_number).count():
            members = numbers[start:start + demo.BUILDINGS_PER_GRID]
            Grid(community_id=community.id, number=grid_number, name=f"第{grid_number}微网格",
                 name_en=f"Micro-grid {grid_number}",
                 building_ids=[buildings[n].id for n in members]).save()


def ensure_account(state, community, person, request_id):
    """Register the demo person if needed, then make their roles the listed ones."""
    account = sessions.find_account(person.email)
    if account is None:
        unit_id = home_unit(community, person)
        data = RegisterSchema().load({
            "display_name": person.display_name, "phone": person.phone, "email": person.email,
            "password": demo.PASSWORD, "locale": "zh-CN", "community_id": str(community.id),
            "unit_id": unit_id and str(unit_id)})
        account, _ = registration.register(state.outbox, data, request_id)
    membership = memberships.find(account.id, community.id)
    if membership is None or set(membership.roles) != set(person.roles):
        memberships.grant(state.outbox, account.id, community.id, person.roles, request_id=request_id)
    return account


def home_unit(community, person):
    if person.building is None:
        return None
    building = Building.objects(community_id=community.id, number=person.building).first()
    return Unit.objects(building_id=building.id, number=person.unit).first().id


def main(argv):
    if "--print-logins" not in argv:
        settings.configure_logging()
        state = runtime.build(settings.load())
        try:
            state.publisher.declare_topology()
            community = ensure_directory()
            request_id = f"seed-{uuid.uuid4().hex}"
            for person in demo.ACCOUNTS:
                ensure_account(state, community, person, request_id)
        finally:
            state.close()
    print(demo.logins_table())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
