"""Story 3, the 37° space: a resident books the lounge and the projector for a film night (staff
approve: shown pending, then confirmed), borrows a drill and returns it, and queues for the
printer; my bookings show each with its state and the calendar subscription. Staff approval and
the drill's pick-up are sent through the API, as the staff console sends them."""
import random
from datetime import datetime, timedelta

from playwright.sync_api import expect

from conftest import serious_violations, shot
from resident_steps import as_person, call, open_as, pick, register
from staff_steps import SHANGHAI, eventually, shanghai_input


def film_night():
    """A free evening-ish span weeks ahead, unlikely to be anyone else's (the session is shared)."""
    day = datetime.now(SHANGHAI).date() + timedelta(days=random.randint(3, 20))
    start = datetime(day.year, day.month, day.day, random.randint(9, 17), 0, tzinfo=SHANGHAI)
    return start, start + timedelta(hours=2)


def book(page, locale, name, start, end, verb=("预约", "Book")):
    page.get_by_role("link", name=pick(locale, "37°空间", "37° space"), exact=True).click()
    page.get_by_role("link", name=name).click()
    page.get_by_label(pick(locale, "开始时间", "Starts")).fill(shanghai_input(start))
    page.get_by_label(pick(locale, "结束时间", "Ends")).fill(shanghai_input(end))
    page.get_by_role("button", name=pick(locale, *verb), exact=True).click()


def mine(platform, person, kind):
    cid = person["directory"]["id"]
    return [b for b in as_person(platform, person, "GET", f"/communities/{cid}/bookings")["items"] if b["resource_kind"] == kind]


def test_film_night_a_drill_loan_and_the_printer_queue_through_the_resident_app(open_app, platform):
    person = register(platform)
    page = open_as(open_app, "zh-CN", person, path="/space")
    expect(page.get_by_role("heading", name="37°便民空间", level=1)).to_be_visible()
    start, end = film_night()
    book(page, "zh-CN", "37°便民空间休息室", start, end)
    expect(page.get_by_text("已提交，待审核")).to_be_visible()
    book(page, "zh-CN", "投影仪", start, end, verb=("借用", "Borrow"))
    expect(page.get_by_text("已提交，待审核")).to_be_visible()
    for booking in mine(platform, person, "room") + mine(platform, person, "equipment"):
        call(platform, "social_worker", "POST", f"/bookings/{booking['id']}/confirm", json={})

    page.get_by_role("link", name="37°空间", exact=True).click()
    page.get_by_role("link", name="工具百宝箱·电钻").click()
    soon = datetime.now(SHANGHAI) + timedelta(minutes=20)
    pick_up = soon.replace(minute=(soon.minute // 15) * 15, second=0, microsecond=0)
    page.get_by_label("开始时间").fill(shanghai_input(pick_up))
    page.get_by_label("结束时间").fill(shanghai_input(pick_up + timedelta(hours=3)))
    page.get_by_role("button", name="借用", exact=True).click()
    expect(page.get_by_text("预约成功")).to_be_visible()
    drill = next(b for b in mine(platform, person, "equipment") if b["resource_name"].endswith("电钻"))
    call(platform, "social_worker", "POST", f"/bookings/{drill['id']}/check-in", json={})

    page.get_by_role("link", name="37°空间", exact=True).click()
    page.get_by_role("link", name="自助打印机").click()
    page.get_by_role("button", name="排队打印").click()
    expect(page.get_by_text("预约成功")).to_be_visible()

    page.get_by_role("link", name="我的预约").click()
    expect(page.get_by_role("heading", name="我的预约与借用")).to_be_visible()
    loans = page.get_by_role("listitem").filter(has_text="工具百宝箱·电钻")
    expect(page.get_by_role("listitem").filter(has_text="37°便民空间休息室").get_by_text("已确认")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="自助打印机")).to_be_visible()
    expect(page.get_by_label("订阅地址")).to_have_value(eventually(
        lambda: as_person(platform, person, "GET", "/me/calendar")["url"], what="the calendar address"))
    shot(page, "resident-bookings-story3-zh-CN")
    assert serious_violations(page) == []
    loans.get_by_role("button", name="归还").click()
    expect(loans.get_by_text("已归还")).to_be_visible()


def test_booking_the_lounge_reads_in_english_and_shows_pending_approval(open_app, platform):
    person = register(platform, locale="en")
    page = open_as(open_app, "en", person, path="/space")
    start, end = film_night()
    book(page, "en", "37° lounge", start, end)
    expect(page.get_by_text("Requested: pending approval")).to_be_visible()
    shot(page, "resident-booked-en")
    assert serious_violations(page) == []
