"""The community directory and the demo seed."""
from collections import Counter

from gateway import demo, seed
from gateway.models import Account, Building, Grid, Town, Unit


def test_the_communities_list_names_the_town(client):
    [community] = client.get("/api/v1/communities").get_json()["items"]
    assert community["name"] == "未来街区" and community["name_en"] == "Future Block"
    assert community["town"]["name"] == "长征镇" and community["town"]["district"] == "普陀区"


def test_a_community_shows_buildings_units_with_floor_area_and_grids(community):
    detail = community["detail"]
    assert [b["number"] for b in detail["buildings"]] == list(range(1, 31))
    [clubhouse] = [b for b in detail["buildings"] if b["kind"] == "clubhouse"]
    assert clubhouse["number"] == 28 and "37°便民空间" in clubhouse["amenities"]
    units_per_building = Counter(u["building_id"] for u in detail["units"])
    assert set(units_per_building.values()) == {24} and clubhouse["id"] not in units_per_building
    assert all(60 <= u["floor_area_m2"] <= 140 for u in detail["units"])
    assert len(detail["grids"]) == 6 and all(len(g["building_ids"]) == 5 for g in detail["grids"])
    assert all(b["grid_id"] for b in detail["buildings"])


def test_an_unknown_community_is_a_404_problem(client):
    for community_id in ("0" * 24, "not-an-id"):
        response = client.get(f"/api/v1/communities/{community_id}")
        assert response.status_code == 404 and response.mimetype == "application/problem+json"


def test_floor_areas_are_fixed_from_run_to_run():
    assert seed.floor_area(3, 2, 1) == seed.floor_area(3, 2, 1)
    areas = {seed.floor_area(b, f, i) for b in range(1, 31) for f in range(1, 7) for i in range(1, 5)}
    assert min(areas) >= 60 and max(areas) <= 140 and len(areas) > 20


def test_seeding_twice_creates_nothing_new(app, events):
    counts = lambda: [m.objects.count() for m in (Town, Building, Unit, Grid, Account)]  # noqa: E731
    before = counts()
    community = seed.ensure_directory()
    for person in demo.ACCOUNTS:
        seed.ensure_account(app.extensions["linli"], community, person, "second-run")
    assert counts() == before
    assert not [e for _, _, e in _drain(events) if e["requestid"] == "second-run"]


def test_every_role_has_a_demo_login_that_works(client, demo_login):
    for person in demo.ACCOUNTS:
        me = client.get("/api/v1/me", headers=demo_login(person.role)).get_json()
        assert person.role in me["memberships"][0]["roles"]


def test_the_logins_can_be_printed_without_a_store(capsys):
    assert seed.main(["--print-logins"]) == 0
    printed = capsys.readouterr().out
    assert demo.PASSWORD in printed
    assert all(person.email in printed and person.phone in printed for person in demo.ACCOUNTS)


def _drain(tap):
    try:
        tap.wait_for(lambda event: False, timeout=0.5)
    except AssertionError:
        pass
    return tap.seen
