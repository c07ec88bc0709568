"""Stories 3 and 4, a Tuesday haircut: once a hairdresser (skill verified by staff) signs up for
next Tuesday's session, the resident app offers only the turns inside that volunteer's window, and
a resident books one. The volunteer's and staff's steps go through the API, as their apps send them."""
from datetime import datetime

from playwright.sync_api import expect

from conftest import serious_violations, shot
from resident_steps import as_person, call, open_as, register
from staff_steps import SHANGHAI, eventually, fresh


def test_a_resident_books_a_tuesday_haircut_turn_once_a_hairdresser_is_scheduled(open_app, platform):
    hairdresser, person = register(platform, number=21), register(platform)
    cid = person["directory"]["id"]
    me = hairdresser["me"]["account"]["id"]
    as_person(platform, hairdresser, "POST", f"/communities/{cid}/volunteers", json={"skills": ["hairdressing"]})
    call(platform, "social_worker", "POST", f"/communities/{cid}/volunteers/{me}/skills/hairdressing/verification", json={})
    activity = call(platform, "social_worker", "POST", f"/communities/{cid}/activities", json={
        "kind": "tuesday_services", "title": fresh("相约星期二"), "place": "37°便民空间", "template": {
            "kind": "weekly", "weekday": 2, "start": "13:00", "end": "14:00",
            "first_day": datetime.now(SHANGHAI).date().isoformat(), "weeks": 1, "needs": {"hairdressing": 1}}})
    as_person(platform, hairdresser, "POST", f"/shifts/{activity['shifts'][0]['id']}/signups", json={"skill": "hairdressing"})
    haircut = next(r for r in call(platform, "owner", "GET", f"/communities/{cid}/resources")["items"] if r["key"] == "haircut")
    eventually(lambda: any(w["volunteer_id"] == me for w in call(platform, "owner", "GET", f"/communities/{cid}/resources/{haircut['id']}")["windows"]),
               what="the hairdresser's window on the haircut session")

    page = open_as(open_app, "zh-CN", person, path=f"/space/{haircut['id']}")
    turns = page.get_by_role("region", name="可预约时段")
    expect(turns.get_by_role("button").first).to_be_visible()
    shot(page, "resident-tuesday-zh-CN")
    assert serious_violations(page) == []
    turns.get_by_role("button").first.click()
    expect(page.get_by_text("预约成功")).to_be_visible()
    expect(page.get_by_text("签到码")).to_be_visible()
