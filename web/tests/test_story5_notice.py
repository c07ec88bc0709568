"""Story 5, urgent notice: a water cut in buildings 20–28 reaches a resident of building 22 live on
the home screen (the stream, no reload); they mark it read and staff see the receipt. The staff
side (publishing, receipts) is sent through the API as the console sends it."""
from playwright.sync_api import expect

from conftest import serious_violations, shot
from resident_steps import call, open_as, pick, register
from staff_steps import building, eventually, fresh


def publish_water_cut(platform, directory, title):
    ids = [building(directory, n)["id"] for n in range(20, 29)]
    return call(platform, "social_worker", "POST", f"/communities/{directory['id']}/announcements", json={
        "title": title, "body": "明日 9:00–15:00 停水，请提前储水。", "audience": {"building_ids": ids}, "priority": "critical"})


def test_a_water_cut_notice_arrives_live_is_marked_read_and_staff_see_the_receipt(open_app, platform):
    person = register(platform, number=22, unit="101")
    page = open_as(open_app, "zh-CN", person)
    notices = page.get_by_role("region", name="通知公告")
    expect(notices).to_be_visible()
    title = fresh("20–28号楼停水通知")
    notice = publish_water_cut(platform, person["directory"], title)
    expect(notices.get_by_role("heading", name=title)).to_be_visible()  # arrived by the stream, no reload
    expect(page.get_by_role("status").filter(has_text="收到")).to_be_visible()
    shot(page, "resident-notice-zh-CN")
    assert serious_violations(page) == []
    notices.get_by_role("button", name=f"标为已读：{title}").click()
    expect(notices.get_by_role("button", name=f"标为已读：{title}")).to_have_count(0)
    account = person["me"]["account"]["id"]
    receipts = eventually(lambda: (r := call(platform, "social_worker", "GET", f"/announcements/{notice['id']}"))
                          and any(x["account_id"] == account for x in r["read"]) and r, what="the read receipt")
    assert all(x["account_id"] != account for x in receipts["unread"])


def test_the_notice_reads_in_english_and_only_its_buildings_get_it(open_app, platform):
    inside, outside = register(platform, number=25, unit="101", locale="en"), register(platform, number=3, unit="101")
    page = open_as(open_app, "en", inside)
    title = fresh("Water cut")
    publish_water_cut(platform, inside["directory"], title)
    expect(page.get_by_role("region", name=pick("en", "通知公告", "Announcements")).get_by_role("heading", name=title)).to_be_visible()
    shot(page, "resident-notice-en")
    assert serious_violations(page) == []
    inbox = platform.api("GET", "/api/v1/me/notifications", token=outside["tokens"]["access_token"]).json()["items"]
    assert all(item["title"] != title for item in inbox)
