"""Story 5, urgent notice, staff side: the water cut is published in the console to buildings
20–28 with an outside channel; a resident there reads it in the resident app and the console
shows who has read it and who has not, and lists it with its receipts; a resident elsewhere never gets it."""
from playwright.sync_api import expect

from conftest import serious_violations, shot
from staff_steps import call, eventually, fresh, open_staff


def inbox_item(platform, role, notice_id):
    items = call(platform, role, "GET", "/me/notifications?limit=50")["items"]
    return next((n for n in items if (n.get("subject") or {}).get("id") == notice_id), None)


def test_the_water_cut_notice_reaches_buildings_20_to_28_and_staff_see_who_read_it(open_app, platform):
    page = open_staff(open_app, "zh-CN", "/notices", role="social_worker")
    title = fresh("停水通知")
    page.get_by_label("标题", exact=True).fill(title)
    page.get_by_label("内容", exact=True).fill("明天 9:00–15:00 20–28号楼停水，请提前储水。")
    buildings = page.get_by_role("group", name="楼栋")
    for number in range(20, 29):
        buildings.get_by_label(f"{number}号楼", exact=True).check()
    page.get_by_label("紧急程度").select_option(label="紧急")
    page.get_by_role("group", name="站外渠道").get_by_label("电子邮件").check()
    shot(page, "staff-notices-zh-CN")
    assert serious_violations(page) == []
    page.get_by_role("button", name="发布", exact=True).click()
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    notice_id = page.url.rsplit("/", 1)[1]

    item = eventually(lambda: inbox_item(platform, "volunteer", notice_id), what="the notice in building 21")
    reader = open_app("resident", "zh-CN", role="volunteer")  # the volunteer in building 21 reads it in the app
    reader.get_by_role("button", name=f"标为已读：{item['title']}").click()
    expect(reader.get_by_role("button", name=f"标为已读：{item['title']}")).to_have_count(0)
    page.get_by_role("button", name="刷新已读情况").click()
    expect(page.get_by_role("region", name="已读", exact=True)).to_contain_text("志愿者刘师傅")
    expect(page.get_by_role("status").filter(has_text="已读 1")).to_be_visible()
    assert inbox_item(platform, "resident", notice_id) is None  # building 3 is not told
    shot(page, "staff-notice-zh-CN")
    assert serious_violations(page) == []
    page.get_by_role("link", name="← 返回通知").click()  # the list is the server's, with its receipts
    expect(page.get_by_role("region", name="已发布的通知").get_by_role("listitem").filter(has_text=title)).to_contain_text("已读 1")


def test_the_notice_screen_reads_in_english(open_app):
    page = open_staff(open_app, "en", "/notices", role="social_worker")
    expect(page.get_by_role("heading", name="Publish an announcement")).to_be_visible()
    expect(page.get_by_role("region", name="Published announcements").get_by_role("listitem").first).to_contain_text("Read by")
    expect(page.get_by_role("group", name="Buildings").get_by_label("Building 20", exact=True)).to_be_visible()
    shot(page, "staff-notices-en")
    assert serious_violations(page) == []
