"""Story 3, the 37° space, staff side: a resident's film-night request for the lounge is approved
in the console, and a drill loan starting now is checked in. The bookings are made through the
API by a freshly registered resident, as the resident app sends them."""
import random
from datetime import datetime, timedelta

from playwright.sync_api import expect

from conftest import serious_violations, shot
from staff_steps import SHANGHAI, community, fresh, now, open_staff, register, resource


def book(platform, token, key, starts_at, minutes, title):
    body = {"community_id": community(platform)["id"], "resource_id": resource(platform, key)["id"],
            "starts_at": starts_at.isoformat(), "ends_at": (starts_at + timedelta(minutes=minutes)).isoformat(),
            "title": title}
    response = platform.api("POST", "/api/v1/bookings", token=token, json=body)
    assert response.status_code == 201, response.text
    return response.json()


def film_night():
    """An evening far enough ahead that no other test books the lounge then."""
    day = (datetime.now(SHANGHAI) + timedelta(days=random.randint(10, 55))).date()
    return datetime(day.year, day.month, day.day, random.choice((9, 11, 13, 15)), 0, tzinfo=SHANGHAI)


def next_quarter():
    """The next quarter hour: check-in opens 30 minutes before a start, so it is open now."""
    moment = now().replace(second=0, microsecond=0)
    return moment + timedelta(minutes=15 - moment.minute % 15)


def test_staff_approve_the_film_night_and_check_a_loan_in(open_app, platform):
    token = register(platform, "放映会居民")
    title = fresh("露天电影之夜")
    film = book(platform, token, "lounge", film_night(), 120, title)
    assert film["status"] == "requested"
    loan = book(platform, token, "drill", next_quarter(), 60, fresh("借电钻"))

    page = open_staff(open_app, "zh-CN", "/bookings")
    page.get_by_label("状态").select_option(label="待审批")
    row = page.get_by_role("group", name=f"37°便民空间休息室 {title}")
    row.get_by_role("button", name="批准").click()
    page.get_by_label("状态").select_option(label="已确认")
    expect(page.get_by_role("group", name=f"37°便民空间休息室 {title}")).to_contain_text("已确认")
    shot(page, "staff-bookings-zh-CN")
    assert serious_violations(page) == []

    loan_row = page.get_by_role("group", name=f"工具百宝箱·电钻 {loan['title']}")
    loan_row.get_by_role("button", name="签到").click()
    page.get_by_label("状态").select_option(label="已签到")
    expect(page.get_by_role("group", name=f"工具百宝箱·电钻 {loan['title']}")).to_contain_text("已签到")


def test_the_bookings_screen_reads_in_english(open_app):
    page = open_staff(open_app, "en", "/bookings")
    expect(page.get_by_role("heading", name="Space bookings")).to_be_visible()
    expect(page.get_by_label("State")).to_contain_text("Awaiting approval")
    shot(page, "staff-bookings-en")
    assert serious_violations(page) == []
