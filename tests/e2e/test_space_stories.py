"""Stories 3, 4 and 6 through the gateway on the five real processes: the 37° space, Tuesday slots,
the life-circle guide; and the no-double-booking and coupon-quota guarantees under 200 concurrent calls."""
import collections
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import pytest
from icalendar import Calendar
from kombu import Connection, Exchange, Producer

from gateway.seed import DEMO_PASSWORD, demo_login
from services.common.envelope import make_event
from tests.e2e.platform import wait_for

PASSWORD = "Linli-e2e-2024!"
LOCAL = timezone(timedelta(hours=8))


def login(platform, name, password=PASSWORD):
    response = platform.api("POST", "/api/v1/auth/login", json={"login": name, "password": password})
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


@pytest.fixture(scope="module")
def space(platform):
    """The seeded community with the 37° space seeded by the bookings service, and the demo staff and shop."""
    [community] = [c for c in platform.api("GET", "/api/v1/communities").json()["items"] if c["name"] == "未来街区"]
    detail = platform.api("GET", f"/api/v1/communities/{community['id']}").json()
    shop = login(platform, demo_login("shop"), DEMO_PASSWORD)
    shop_id = platform.api("GET", "/api/v1/me", token=shop).json()["account"]["id"]
    with platform.rpc() as rpc:
        rpc.bookings.seed_demo(community["id"], shop_id)
    staff = login(platform, demo_login("social_worker"), DEMO_PASSWORD)
    resources = platform.api("GET", f"/api/v1/communities/{community['id']}/resources", token=staff).json()["items"]
    return {"id": community["id"], "unit": detail["units"][0], "staff": staff, "shop": shop,
            "resources": {r["key"]: r for r in resources}}


def register(platform, space):
    phone = "139" + str(uuid.uuid4().int)[:8]
    response = platform.api("POST", "/api/v1/auth/register", json={
        "display_name": "居民" + phone[-4:], "phone": phone, "password": PASSWORD,
        "community_id": space["id"], "unit_id": space["unit"]["id"]})
    assert response.status_code == 201, response.text
    return login(platform, phone)


def at(days, hour, minute=0):
    """A Shanghai wall-clock time `days` from today, as ISO 8601."""
    today = datetime.now(LOCAL).replace(hour=hour, minute=minute, second=0, microsecond=0)
    return (today + timedelta(days=days)).isoformat()


def book(platform, token, space, key, starts, ends, **extra):
    return platform.api("POST", "/api/v1/bookings", token=token, json={
        "community_id": space["id"], "resource_id": space["resources"][key]["id"],
        "starts_at": starts, "ends_at": ends, **extra})


def publish_shift(platform, space, kind, volunteer_id, starts, ends):
    """A shift event exactly as the volunteers service publishes it (exchange volunteers.events)."""
    event = make_event("volunteers", kind, {
        "shift_id": "e2e-shift", "activity_id": "e2e-tuesday", "community_id": space["id"],
        "volunteer_id": volunteer_id, "skill": "hairdressing", "place": "37°便民空间",
        "starts_at": starts, "ends_at": ends, "activity_kind": "tuesday_service", "late": False})
    with Connection(platform.broker.uri) as conn:
        Producer(conn.channel()).publish(event, exchange=Exchange("volunteers.events", type="topic", durable=True),
                                         routing_key=kind, serializer="json", declare=[
                                             Exchange("volunteers.events", type="topic", durable=True)])


def test_two_hundred_concurrent_bookings_of_ten_places_and_claims_of_fifty_coupons(platform, space):
    with ThreadPoolExecutor(8) as pool:
        residents = list(pool.map(lambda _: register(platform, space), range(10)))
    lecture = platform.api("POST", f"/api/v1/communities/{space['id']}/resources", token=space["staff"], json={
        "key": "lecture", "kind": "room", "name": "健康讲座", "rules": {
            "hours": {d: ["08:00-21:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")},
            "capacity": 10}})
    assert lecture.status_code == 201, lecture.text
    space["resources"]["lecture"] = lecture.json()
    coupon = platform.api("POST", f"/api/v1/communities/{space['id']}/coupons", token=space["shop"], json={
        "shop_name": "何记早点", "title": "豆浆免费", "quota": 50, "per_resident": 5,
        "valid_from": at(-1, 8), "valid_until": at(7, 8)}).json()
    callers = [residents[n % 10] for n in range(200)]  # 10 residents × a limit of 5 each = the quota of 50
    with ThreadPoolExecutor(64) as pool:
        started = time.monotonic()
        booked = list(pool.map(lambda t: book(platform, t, space, "lecture", at(2, 14), at(2, 16)), callers))
        claimed = list(pool.map(lambda t: platform.api(
            "POST", f"/api/v1/communities/{space['id']}/coupons/{coupon['id']}/claim", token=t), callers))
        print(f"400 concurrent calls took {time.monotonic() - started:.1f} s")
    for responses, winners, created in ((booked, 10, 201), (claimed, 50, 201)):
        codes = [r.status_code for r in responses]
        assert codes.count(created) == winners and codes.count(409) == 200 - winners, collections.Counter(codes).most_common() + [r.text for r in responses if r.status_code not in (201, 409)][:2]
        assert {r.headers["Content-Type"] for r in responses if r.status_code == 409} == {"application/problem+json"}
        assert all(r.json()["detail"] for r in responses if r.status_code == 409)
    db = platform.db("bookings")
    lecture_id = space["resources"]["lecture"]["id"]
    assert db.bookings.count_documents({"resource_id": lecture_id}) == 10
    assert db.slot_claims.count_documents({"resource_id": lecture_id}) == 10 * 8
    assert db.coupon_claims.count_documents({"coupon_id": coupon["id"]}) == 50
    assert db.coupon_seats.count_documents({"coupon_id": coupon["id"]}) == 50


def test_story_3_film_night_haircut_drill_and_printer_with_a_private_calendar(platform, space):
    resident, neighbour = register(platform, space), register(platform, space)
    lounge = book(platform, resident, space, "lounge", at(3, 19), at(3, 21), title="电影之夜")
    projector = book(platform, resident, space, "projector", at(3, 19), at(3, 21), title="电影之夜")
    assert [lounge.status_code, lounge.json()["status"], projector.json()["status"]] == [201, "requested", "requested"]
    for made in (lounge, projector):
        confirmed = platform.api("POST", f"/api/v1/bookings/{made.json()['id']}/confirm", token=space["staff"], json={})
        assert confirmed.status_code == 200 and confirmed.json()["status"] == "confirmed"
    assert book(platform, neighbour, space, "lounge", at(3, 20), at(3, 21)).status_code == 409
    series = platform.api("POST", "/api/v1/bookings/series", token=neighbour, json={
        "community_id": space["id"], "resource_id": space["resources"]["lounge"]["id"],
        "starts_at": at(3, 19), "ends_at": at(3, 21), "every_days": 7, "count": 8})
    assert [o["status"] for o in series.json()["occurrences"]] == ["taken"] + ["free"] * 7, series.text

    haircut_start, haircut_end = at(4, 9), at(4, 11, 30)
    assert book(platform, resident, space, "haircut", haircut_start, at(4, 9, 30)).status_code == 422
    publish_shift(platform, space, "shift_signed_up", "hairdresser-1", haircut_start, haircut_end)
    path = f"/api/v1/communities/{space['id']}/resources/{space['resources']['haircut']['id']}"
    wait_for(lambda: platform.api("GET", path, token=resident).json().get("windows"), 20, "the haircut window")
    haircut = book(platform, resident, space, "haircut", haircut_start, at(4, 9, 30))
    assert haircut.status_code == 201 and haircut.json()["volunteer_id"] == "hairdresser-1"

    now = datetime.now(LOCAL)
    start = now.replace(second=0, microsecond=0, minute=now.minute // 15 * 15) + timedelta(minutes=15)
    drill = book(platform, resident, space, "drill", start.isoformat(), (start + timedelta(hours=2)).isoformat())
    assert drill.status_code == 201, drill.text
    picked_up = platform.api("POST", f"/api/v1/bookings/{drill.json()['id']}/check-in", token=resident,
                             json={"code": drill.json()["check_in_code"]})
    assert picked_up.json()["status"] == "checked_in", picked_up.text
    returned = platform.api("POST", f"/api/v1/bookings/{drill.json()['id']}/return", token=resident, json={})
    assert returned.json()["status"] == "returned", returned.text
    printer = book(platform, resident, space, "printer", at(1, 10), at(1, 10, 15))
    assert printer.status_code == 201
    assert book(platform, neighbour, space, "printer", at(1, 10), at(1, 10, 15)).status_code == 409
    assert book(platform, neighbour, space, "printer", at(1, 10, 15), at(1, 10, 30)).status_code == 201

    feed = platform.api("GET", "/api/v1/me/calendar", token=resident).json()["url"]
    ics = platform.api("GET", feed.split(platform.url, 1)[1])
    assert ics.headers["Content-Type"].startswith("text/calendar")
    uids = {str(e["uid"]) for e in Calendar.from_ical(ics.text).walk("VEVENT")}
    assert uids == {f"{r.json()['id']}@linli" for r in (lounge, projector, haircut, drill, printer)}

    queued = platform.api("POST", "/api/v1/waitlist", token=neighbour, json={
        "community_id": space["id"], "resource_id": space["resources"]["printer"]["id"],
        "starts_at": at(1, 10), "ends_at": at(1, 10, 15)})
    assert queued.status_code == 201 and queued.json()["position"] == 1, queued.text
    cancelled = platform.api("POST", f"/api/v1/bookings/{printer.json()['id']}/cancel", token=resident, json={})
    assert cancelled.json()["status"] == "cancelled"
    [offer] = [b for b in platform.api("GET", f"/api/v1/communities/{space['id']}/bookings", token=neighbour)
               .json()["items"] if b["status"] == "offered"]
    accepted = platform.api("POST", f"/api/v1/bookings/{offer['id']}/accept", token=neighbour, json={})
    assert accepted.json()["status"] == "confirmed", accepted.text
    film_night = lounge.json()["id"]
    wait_for(lambda: ("booking_requested.staff", film_night) in inbox_kinds(platform, space["staff"]), 30,
             "the staff's approval request")
    wait_for(lambda: ("booking_confirmed.booker", film_night) in inbox_kinds(platform, resident), 30,
             "the resident's confirmation")


def test_bad_bookings_get_a_clear_4xx_and_change_nothing(platform, space):
    resident = register(platform, space)
    before = platform.db("bookings").slot_claims.count_documents({})
    cases = [
        (book(platform, resident, space, "lounge", at(-1, 19), at(-1, 20)), 422, "starts_at"),
        (book(platform, resident, space, "lounge", at(5, 22), at(5, 23)), 422, "starts_at"),
        (book(platform, resident, space, "lounge", at(5, 9), at(5, 18)), 422, "ends_at"),
        (book(platform, resident, space, "party-home", at(5, 9), at(5, 10)), 422, "roles"),
    ]
    for response, status, field in cases:
        assert response.status_code == status, response.text
        assert response.headers["Content-Type"] == "application/problem+json"
        assert field in response.json()["errors"]
    stranger = platform.api("POST", "/api/v1/bookings", token=resident, json={
        "community_id": "0" * 24, "resource_id": space["resources"]["lounge"]["id"],
        "starts_at": at(5, 9), "ends_at": at(5, 10)})
    assert stranger.status_code == 403
    unknown = platform.api("POST", "/api/v1/bookings", token=resident, json={
        "community_id": space["id"], "resource_id": "0" * 24, "starts_at": at(5, 9), "ends_at": at(5, 10)})
    assert unknown.status_code == 404
    assert platform.db("bookings").slot_claims.count_documents({}) == before


def test_story_6_nearby_clinics_and_a_coupon_redeemed_once(platform, space):
    resident = register(platform, space)
    clinics = platform.api("GET", f"/api/v1/communities/{space['id']}/places",
                           params={"category": "clinic"}).json()["items"]
    assert [p["key"] for p in clinics] == ["changzheng-clinic"] and clinics[0]["walk_minutes"] <= 15
    geojson = platform.api("GET", f"/api/v1/communities/{space['id']}/places.geojson").json()
    assert geojson["type"] == "FeatureCollection" and len(geojson["features"]) == 6
    [coupon] = [c for c in platform.api("GET", f"/api/v1/communities/{space['id']}/coupons", token=resident)
                .json()["items"] if c["title"] == "早点满10元减3元"]
    claim = platform.api("POST", f"/api/v1/communities/{space['id']}/coupons/{coupon['id']}/claim", token=resident)
    assert claim.status_code == 201
    code = claim.json()["code"]
    assert platform.api("POST", "/api/v1/coupons/redeem", token=resident, json={"code": code}).status_code == 403
    redeemed = platform.api("POST", "/api/v1/coupons/redeem", token=space["shop"], json={"code": code})
    assert redeemed.status_code == 200 and redeemed.json()["redeemed"] is True
    again = platform.api("POST", "/api/v1/coupons/redeem", token=space["shop"], json={"code": code})
    assert again.status_code == 409 and again.headers["Content-Type"] == "application/problem+json"
    mine = platform.api("GET", "/api/v1/me/coupons", token=resident).json()["items"]
    assert [(c["code"], c["redeemed"]) for c in mine] == [(code, True)]
    wait_for(lambda: {("coupon_claimed.holder", coupon["id"]), ("coupon_redeemed.holder", coupon["id"])}
             <= inbox_kinds(platform, resident), 30, "the coupon notices")


def inbox_kinds(platform, token):
    items = platform.api("GET", "/api/v1/me/notifications", token=token, params={"limit": 100}).json()["items"]
    return {(item["kind"], (item["subject"] or {}).get("id")) for item in items}


def test_story_4_a_hairdressers_shift_opens_haircut_slots_and_the_check_in_credits_her(platform, space):
    cid, staff = space["id"], space["staff"]
    hairdresser = register(platform, space)
    me = platform.api("GET", "/api/v1/me", token=hairdresser).json()["account"]["id"]
    joined = platform.api("POST", f"/api/v1/communities/{cid}/volunteers", token=hairdresser,
                          json={"display_name": "理发师傅", "skills": ["hairdressing"], "party_member": True})
    assert joined.status_code == 201, joined.text
    verified = platform.api("POST", f"/api/v1/communities/{cid}/volunteers/{me}/skills/hairdressing/verification",
                            token=staff)
    assert verified.status_code == 200, verified.text
    now = datetime.now(LOCAL)
    start = now.replace(second=0, microsecond=0, minute=now.minute // 15 * 15) + timedelta(minutes=15)
    end = start + timedelta(hours=2)
    created = platform.api("POST", f"/api/v1/communities/{cid}/activities", token=staff, json={
        "kind": "tuesday_services", "title": "相约星期二·理发", "place": "37°便民空间", "template": {
            "kind": "weekly", "weekday": start.isoweekday(), "start": start.strftime("%H:%M"),
            "end": end.strftime("%H:%M"), "first_day": start.date().isoformat(), "weeks": 1,
            "needs": {"hairdressing": 1}}})
    assert created.status_code == 201, created.text
    shift = created.json()["shifts"][0]
    resident = register(platform, space)
    slot = (shift["starts_at"], (datetime.fromisoformat(shift["starts_at"]) + timedelta(minutes=30)).isoformat())
    assert book(platform, resident, space, "haircut", *slot).status_code == 422  # no hairdresser yet

    signed = platform.api("POST", f"/api/v1/shifts/{shift['id']}/signups", token=hairdresser,
                          json={"skill": "hairdressing"})
    assert signed.status_code == 201, signed.text
    wait_for(lambda: book_when_open(platform, resident, space, slot), 30, "the haircut slot to open")
    [haircut] = [b for b in platform.api("GET", f"/api/v1/communities/{cid}/bookings", token=resident).json()["items"]
                 if b["resource_name"] == space["resources"]["haircut"]["name"]]
    assert (haircut["status"], haircut["volunteer_id"]) == ("confirmed", me)
    checked = platform.api("POST", f"/api/v1/bookings/{haircut['id']}/check-in", token=staff, json={})
    assert checked.json()["status"] == "checked_in", checked.text
    wait_for(lambda: platform.api("GET", f"/api/v1/communities/{cid}/hours", token=hairdresser,
                                  params={"volunteer_id": me}).json().get("served") == 1, 30, "the served resident")
    wait_for(lambda: ("booking_confirmed.booker", haircut["id"]) in inbox_kinds(platform, resident), 30,
             "the resident's confirmation")


def book_when_open(platform, resident, space, slot):
    return book(platform, resident, space, "haircut", *slot).status_code == 201


def test_a_resources_public_feed_shows_when_it_is_taken_without_titles(platform, space):
    resident = register(platform, space)
    made = book(platform, resident, space, "ladder", at(6, 10), at(6, 12), title="换灯泡 at home")
    assert made.status_code == 201, made.text
    feed = platform.api("GET", f"/api/v1/communities/{space['id']}/resources/{space['resources']['ladder']['id']}"
                               "/calendar.ics")
    events = Calendar.from_ical(feed.text).walk("VEVENT")
    assert [str(e["uid"]) for e in events] == [f"{made.json()['id']}@linli"]
    assert "换灯泡" not in feed.text
