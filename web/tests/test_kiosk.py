"""The kiosk of the 37° space: a community admin registers it in the staff console (the token is
shown once), staff type the token into the kiosk once, and the kiosk shows today's and next
Tuesday's services with free turns and the current announcements, and checks a resident's booking in by its code. A revoked
token sends the kiosk back to its set-up screen. zh-CN in full, then English."""
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import expect

from conftest import serious_violations, shot
from resident_steps import as_person, register
from staff_steps import SHANGHAI, call, eventually, fresh, open_staff, pick

KIOSK = {"viewport": {"width": 1920, "height": 1080}}


@pytest.fixture(scope="module")
def booked(platform):
    """A nurse scheduled from the next quarter hour today, and a resident's blood-pressure turn then."""
    nurse, person = register(platform, number=21), register(platform)
    cid, me = person["directory"]["id"], nurse["me"]["account"]["id"]
    as_person(platform, nurse, "POST", f"/communities/{cid}/volunteers", json={"skills": ["nursing"]})
    call(platform, "social_worker", "POST", f"/communities/{cid}/volunteers/{me}/skills/nursing/verification", json={})
    now = datetime.now(SHANGHAI)
    soon = now + timedelta(minutes=10)  # a quarter hour 10-25 minutes ahead: check-in is open from 30 before
    start = soon.replace(second=0, microsecond=0) + timedelta(minutes=-soon.minute % 15 or (15 if soon.second else 0))
    activity = call(platform, "social_worker", "POST", f"/communities/{cid}/activities", json={
        "kind": "tuesday_services", "title": fresh("自助屏测血压"), "place": "37°便民空间", "template": {
            "kind": "weekly", "weekday": start.isoweekday(), "start": start.strftime("%H:%M"),
            "end": (start + timedelta(hours=1)).strftime("%H:%M"), "first_day": start.date().isoformat(),
            "weeks": 1, "needs": {"nursing": 1}}})
    as_person(platform, nurse, "POST", f"/shifts/{activity['shifts'][0]['id']}/signups", json={"skill": "nursing"})
    session = next(r for r in call(platform, "owner", "GET", f"/communities/{cid}/resources")["items"]
                   if r["key"] == "blood-pressure")
    eventually(lambda: any(w["volunteer_id"] == me for w in call(
        platform, "owner", "GET", f"/communities/{cid}/resources/{session['id']}")["windows"]), what="the nurse's window")
    booking = as_person(platform, person, "POST", "/bookings", json={
        "community_id": cid, "resource_id": session["id"], "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(minutes=30)).isoformat()})
    notice = fresh("9号楼电梯检修")
    home = next(b for b in person["directory"]["buildings"] if b["number"] == 9)
    call(platform, "social_worker", "POST", f"/communities/{cid}/announcements", json={
        "title": notice, "body": "周五9:00-12:00", "audience": {"building_ids": [home["id"]]}})
    return {"code": booking["check_in_code"], "start": start, "notice": notice}


def register_device(open_app, locale):
    """The community admin registers a kiosk in the staff console; the token shown once."""
    page = open_staff(open_app, locale, path="/devices")
    name = fresh("大厅")
    page.get_by_label(pick(locale, "设备名称（放在哪里）", "Device name (where it stands)")).fill(name)
    page.get_by_role("button", name=pick(locale, "登记并生成令牌", "Register and make a token")).click()
    token = page.get_by_label(pick(locale, "设备令牌", "Device token"))
    expect(token).to_be_visible()
    shot(page, f"staff-devices-{locale}")
    assert serious_violations(page) == []
    return page, token.input_value(), name


def set_up_kiosk(open_app, locale, token):
    page = open_app("kiosk", locale, device=KIOSK)
    field = page.get_by_label(pick(locale, "设备令牌", "Device token"))
    expect(field).to_be_visible()
    shot(page, f"kiosk-setup-{locale}")
    assert serious_violations(page) == []
    field.fill(token)
    page.get_by_role("button", name=pick(locale, "保存并启用", "Save and start")).click()
    expect(page.get_by_role("heading", name=pick(locale, "今天和下周二的服务", "Services today and next Tuesday"))).to_be_visible()
    return page


def type_code(page, code):
    for digit in code:
        page.get_by_role("group", name="数字键盘").get_by_role("button", name=digit, exact=True).click()
    page.get_by_role("button", name="签到", exact=True).click()


def test_a_registered_kiosk_shows_free_turns_and_checks_a_booking_in_by_its_code(open_app, booked):
    staff, token, device_name = register_device(open_app, "zh-CN")
    assert token.startswith("kiosk_")
    page = set_up_kiosk(open_app, "zh-CN", token)
    today = page.get_by_role("region").filter(has_text="测血压").first
    expect(today.get_by_role("list", name="相约星期二·测血压 可预约时间").get_by_text(
        (booked["start"] + timedelta(minutes=30)).strftime("%H:%M"))).to_be_visible()
    expect(page.get_by_text("更新于").first).to_be_visible()
    expect(page.get_by_role("region", name="社区公告").get_by_role("heading", name=booked["notice"])).to_be_visible()
    shot(page, "kiosk-board-zh-CN")
    assert serious_violations(page) == []

    wrong = f"{(int(booked['code']) + 1) % 10 ** 6:06d}"
    type_code(page, wrong)
    expect(page.get_by_role("status").filter(has_text="没有找到现在可以签到的预约")).to_be_visible()
    type_code(page, booked["code"])
    expect(page.get_by_role("status").filter(has_text="签到成功")).to_be_visible()
    shot(page, "kiosk-checked-in-zh-CN")
    page.get_by_label("签到码（6 位数字）").fill(booked["code"])
    page.get_by_label("签到码（6 位数字）").press("Enter")
    expect(page.get_by_role("status").filter(has_text="已经签到过了")).to_be_visible()

    mine = staff.get_by_role("row").filter(has_text=device_name)
    mine.get_by_role("button", name=f"停用“{device_name}”").click()
    expect(mine.get_by_text("已于")).to_be_visible()
    page.reload()
    expect(page.get_by_role("alert").filter(has_text="设备令牌已停用")).to_be_visible()
    expect(page.get_by_label("设备令牌")).to_be_visible()


def test_the_kiosk_and_its_device_screen_read_in_english(open_app, booked):
    _, token, _ = register_device(open_app, "en")
    page = set_up_kiosk(open_app, "en", token)
    expect(page.get_by_text("Updated at").first).to_be_visible()
    expect(page.get_by_role("region", name="Announcements").get_by_role("heading", name=booked["notice"])).to_be_visible()
    expect(page.get_by_role("heading", name="Tuesday blood-pressure check").first).to_be_visible()
    page.get_by_label("Check-in code (6 digits)").fill("12")
    page.get_by_role("button", name="Check in", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="Please enter the 6-digit check-in code")).to_be_visible()
    shot(page, "kiosk-board-en")
    assert serious_violations(page) == []
