"""Story 4, Tuesday services, through the screens: staff schedule a legal-advice session with the
skill it needs (staff console), a lawyer signs up in the resident app, and only then do the
session's turns open for a resident, who books one; the day-before reminders reach the lawyer's
and the resident's inboxes (the volunteers' and bookings' own sweeps, asked for the day before through RPC, the hook the
e2e tests use); staff check the lawyer in and out on the shift board, the hours show under "my
hours", and the resident checks in at the kiosk with the booking code. zh-CN in full; English
reads the same screens.

The session is scheduled today, 10-25 minutes ahead, so that check-in is open (30 minutes before
the start for a booking, an hour for a volunteer); it is not a Tuesday unless today is one."""
import re
from datetime import datetime, timedelta

from playwright.sync_api import expect

from conftest import serious_violations, shot
from resident_steps import as_person, open_as, register
from staff_steps import SHANGHAI, call, eventually, fresh, open_staff, pick
from test_kiosk import KIOSK


def soon():
    """A quarter hour 10 to 25 minutes ahead, in Shanghai."""
    ahead = datetime.now(SHANGHAI) + timedelta(minutes=10)
    return ahead.replace(second=0, microsecond=0) + timedelta(minutes=-ahead.minute % 15 or (15 if ahead.second else 0))


def schedule(open_app, locale, title, start):
    page = open_staff(open_app, locale, path="/tuesday", role="social_worker")
    page.get_by_label(pick(locale, "名称", "Name")).fill(title)
    page.get_by_label(pick(locale, "日期", "Date")).fill(start.date().isoformat())
    page.get_by_label(pick(locale, "开始", "Starts")).fill(start.strftime("%H:%M"))
    page.get_by_label(pick(locale, "结束", "Ends")).fill((start + timedelta(hours=1)).strftime("%H:%M"))
    for skill, count in (("理发", "0"), ("法律咨询", "1"), ("护理", "0")) if locale == "zh-CN" else (
            ("Haircuts", "0"), ("Legal advice", "1"), ("Nursing", "0")):
        page.get_by_label(pick(locale, f"{skill}（人）", f"{skill} (people)")).fill(count)
    page.get_by_role("button", name=pick(locale, "安排并开放报名", "Schedule and open sign-up")).click()
    expect(page.get_by_role("listitem").filter(has_text=title)).to_be_visible()
    shot(page, f"staff-tuesday-{locale}")
    assert serious_violations(page) == []
    return page


def lawyer(platform):
    person = register(platform, number=22)
    cid, me = person["directory"]["id"], person["me"]["account"]["id"]
    as_person(platform, person, "POST", f"/communities/{cid}/volunteers", json={"skills": ["legal_advice"]})
    call(platform, "social_worker", "POST", f"/communities/{cid}/volunteers/{me}/skills/legal_advice/verification", json={})
    return person


def advice_session(platform, cid):
    return next(r for r in call(platform, "owner", "GET", f"/communities/{cid}/resources")["items"]
                if r["key"] == "legal-advice")


def test_story4_a_tuesday_legal_advice_session_from_the_rota_to_the_kiosk(open_app, platform):
    start, title = soon(), fresh("相约星期二·法律咨询")
    volunteer, resident = lawyer(platform), register(platform)
    cid, turn = resident["directory"]["id"], f"{start.strftime('%H:%M')}–{(start + timedelta(minutes=30)).strftime('%H:%M')}"
    session = advice_session(platform, cid)
    staff = schedule(open_app, "zh-CN", title, start)

    booking_page = open_as(open_app, "zh-CN", resident, path=f"/space/{session['id']}")
    turns = booking_page.get_by_role("region", name="可预约时段")
    expect(booking_page.get_by_role("heading", name="可预约时段")).to_be_visible()
    expect(turns.get_by_role("button", name=turn)).to_have_count(0)  # no lawyer yet: no turn

    volunteering = open_as(open_app, "zh-CN", volunteer, path="/volunteer")
    volunteering.get_by_role("button", name=f"报名：{title}", exact=False).click()
    expect(volunteering.get_by_role("button", name="已报名").first).to_be_visible()
    shot(volunteering, "story4-volunteer-signed-zh-CN")
    me = volunteer["me"]["account"]["id"]
    eventually(lambda: any(w["volunteer_id"] == me for w in call(
        platform, "owner", "GET", f"/communities/{cid}/resources/{session['id']}")["windows"]), what="the lawyer's window")

    booking_page.reload()
    turns = booking_page.get_by_role("region", name="可预约时段")
    turns.get_by_role("button", name=turn, exact=False).first.click()
    expect(booking_page.get_by_text("预约成功")).to_be_visible()
    code = booking_page.locator("strong.code").inner_text().strip()
    shot(booking_page, "story4-resident-booked-zh-CN")

    with platform.rpc() as rpc:  # the services' own sweeps, as they run the day before
        rpc.volunteers.send_due_reminders((start - timedelta(hours=23)).isoformat())
        rpc.bookings.send_due_reminders((start - timedelta(hours=23)).isoformat())
    reminded = open_as(open_app, "zh-CN", resident, path="/")  # everyone: the resident (fresh) who booked too
    expect(reminded.get_by_role("heading", name="预约提醒：").first).to_be_visible()
    shot(reminded, "story4-resident-reminder-zh-CN")
    inbox = open_as(open_app, "zh-CN", volunteer, path="/")
    # The service's own sweep may also have sent the hour-before reminder (the session starts
    # within the hour); both read the same, so the inbox holds one or two of them.
    expect(inbox.get_by_role("heading", name=f"服务提醒：{title}").first).to_be_visible()
    shot(inbox, "story4-reminder-zh-CN")

    staff.goto(staff.url.split("#")[0] + "#/shifts")
    row = staff.get_by_role("listitem").filter(has_text=title).first
    row.get_by_role("button", name="报名名单").click()
    for action, label in (("check-in", "^为.+签到$"), ("check-out", "^为.+签退$")):  # its one sign-up
        with staff.expect_response(lambda r, action=action: r.url.endswith(f"/{action}")) as answer:
            row.get_by_role("button", name=re.compile(label)).click()
        assert answer.value.status == 201, answer.value.text()
    eventually(lambda: call(platform, "social_worker", "GET", f"/communities/{cid}/hours",
                            params={"volunteer_id": me}).get("shifts"), what="the lawyer's credited shift")
    shot(staff, "story4-shift-board-zh-CN")
    assert serious_violations(staff) == []
    volunteering.reload()
    expect(volunteering.get_by_text("1 个班次")).to_be_visible()

    token = call(platform, "community_admin", "POST", f"/communities/{cid}/kiosk-devices", json={"name": fresh("大厅")})["token"]
    kiosk = open_app("kiosk", "zh-CN", device=KIOSK)
    kiosk.get_by_label("设备令牌").fill(token)
    kiosk.get_by_role("button", name="保存并启用").click()
    kiosk.get_by_label("签到码（6 位数字）").fill(code)
    kiosk.get_by_role("button", name="签到", exact=True).click()
    expect(kiosk.get_by_role("status").filter(has_text="签到成功")).to_be_visible()
    shot(kiosk, "story4-kiosk-checked-in-zh-CN")


def test_story4_screens_read_in_english(open_app, platform):
    tomorrow = datetime.now(SHANGHAI) + timedelta(days=1)
    start, title = tomorrow.replace(hour=10, minute=0, second=0, microsecond=0), fresh("Tuesday legal advice")
    schedule(open_app, "en", title, start)
    volunteer = lawyer(platform)
    page = open_as(open_app, "en", volunteer, path="/volunteer")
    page.get_by_role("button", name=f"Sign up: {title}", exact=False).click()
    expect(page.get_by_role("button", name="Signed up").first).to_be_visible()
    expect(page.get_by_role("heading", name="My hours")).to_be_visible()
    shot(page, "story4-volunteer-signed-en")
    assert serious_violations(page) == []
