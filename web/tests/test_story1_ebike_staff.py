"""Story 1, e-bike clutter, staff side through the console: accept, assign, joint meeting with
action items, a clean-up day, resolve; the reporter is told and rates; the rates show it.
The resident rates in the resident app; the report itself is sent through the API (its screen is
driven in test_resident_report.py), so the staff test starts from a known case."""
import pytest
from playwright.sync_api import expect

from conftest import LOCALES, serious_violations, shot
from staff_steps import building, call, community, eventually, fresh, move_case, now, open_staff, shanghai_input

from datetime import timedelta


def report(platform, title):
    directory = community(platform)
    return call(platform, "resident", "POST", "/issues", json={
        "community_id": directory["id"], "category": "non_motor_vehicles", "title": title,
        "description": "e-bikes block the stairwell", "location": {"building_id": building(directory, 3)["id"]}})


def test_a_late_answer_to_an_older_filter_never_replaces_the_queue_of_the_newer_one(open_app, platform):
    title = fresh("迟到的列表")
    report(platform, title)
    page = open_staff(open_app, "zh-CN")
    expect(page.get_by_role("link", name=title)).to_be_visible()
    held = []
    older = lambda url: "category=non_motor_vehicles" in url and "overdue" not in url  # noqa: E731
    page.route(older, lambda route: held.append(route))  # the category filter's answer is held back
    page.get_by_label("类别").select_option(label="非机动车")
    page.get_by_label("只看超期").check()  # the newer query: a case reported today is not overdue
    expect(page.get_by_role("link", name=title)).to_have_count(0)
    assert len(held) == 1
    with page.expect_response(lambda response: older(response.url)):
        held[0].continue_()  # the older answer arrives last
    page.wait_for_timeout(500)  # time to render it, were it taken
    expect(page.get_by_role("link", name=title)).to_have_count(0, timeout=1)


def test_staff_handle_the_e_bike_case_from_the_queue_to_a_rated_resolution(open_app, platform):
    title = fresh("电动车堵住3号楼楼道")
    issue = report(platform, title)
    page = open_staff(open_app, "zh-CN")
    page.get_by_label("类别").select_option(label="非机动车")
    page.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    shot(page, "staff-case-zh-CN")
    assert serious_violations(page) == []

    move_case(page, "zh-CN", "受理")
    expect(page.locator(".timeline")).to_contain_text("已受理")
    move_case(page, "zh-CN", "派单 / 改派", party="物业")
    expect(page.locator(".timeline")).to_contain_text("已派单")
    page.get_by_role("link", name="案件", exact=True).click()
    for label, option in (("状态", "已派单"), ("责任方", "物业"), ("类别", "非机动车")):  # filtered by the server
        page.get_by_label(label, exact=True).select_option(label=option)
    expect(page.get_by_role("link", name=title)).to_be_visible()
    page.get_by_label("只看超期").check()  # a case assigned today is not overdue
    expect(page.get_by_role("link", name=title)).to_have_count(0)
    page.goto(page.url.split("#")[0] + f"#/cases/{issue['id']}")

    page.get_by_label("会议主题", exact=True).fill(fresh("非机动车联席会议"))
    page.get_by_label("开会时间", exact=True).fill(shanghai_input(now() + timedelta(days=1)))
    page.get_by_role("button", name="提交联席会议").click()
    expect(page.get_by_role("heading", name="议程")).to_be_visible()
    page.get_by_label("事项", exact=True).fill("清理楼道电动车")
    page.get_by_label("完成期限", exact=True).fill(shanghai_input(now() + timedelta(days=3)))
    page.get_by_role("button", name="添加事项").click()
    expect(page.get_by_role("listitem").filter(has_text="清理楼道电动车")).to_contain_text("物业")
    page.get_by_role("button", name="将“清理楼道电动车”标记为完成").click()
    expect(page.get_by_role("listitem").filter(has_text="清理楼道电动车")).to_contain_text("已完成")
    page.get_by_role("textbox", name="会议纪要").fill("三方同意：先集中整治，再值守一周。")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_role("form", name="会议纪要").get_by_role("status")).to_have_text("已保存")
    shot(page, "staff-meeting-zh-CN")

    page.goto(page.url.split("#")[0] + f"#/cases/{issue['id']}")
    move_case(page, "zh-CN", "开始处理")
    expect(page.locator(".timeline")).to_contain_text("开始处理")
    move_case(page, "zh-CN", "办结", note="楼道已清理")
    expect(page.locator(".timeline")).to_contain_text("已办结")

    told = eventually(lambda: [n for n in call(platform, "resident", "GET", "/me/notifications?limit=50")["items"]
                               if (n.get("subject") or {}).get("id") == issue["id"]], what="the reporter's notices")
    assert len(told) >= 3
    reporter = open_app("resident", "zh-CN", role="resident", path=f"/cases/{issue['id']}")  # rated in the app
    reporter.get_by_label("5 分").check()
    reporter.get_by_role("button", name="提交评价").click()
    expect(reporter.get_by_role("status").filter(has_text="感谢您的评价")).to_be_visible()
    page.get_by_role("link", name="三率").click()
    expect(page.get_by_role("heading", name="三率统计")).to_be_visible()
    page.get_by_label("显示指标").select_option(label="满意率")
    expect(page.get_by_role("figure").filter(has_text="满意率（按类别）")).to_contain_text("非机动车")
    shot(page, "staff-rates-zh-CN")
    assert serious_violations(page) == []


def test_the_case_queue_and_a_case_read_in_english(open_app, platform):
    title = fresh("E-bikes in the stairwell")
    issue = report(platform, title)
    page = open_staff(open_app, "en")
    expect(page.get_by_role("heading", name="Case queue")).to_be_visible()
    page.get_by_label("State").select_option(label="Submitted")
    expect(page.get_by_role("link", name=title)).to_be_visible()
    shot(page, "staff-queue-en")
    assert serious_violations(page) == []
    page.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", name="Timeline")).to_be_visible()
    move_case(page, "en", "Reject")
    # a rejection needs a reason: the server's problem detail is shown next to the field
    expect(page.locator(".field.invalid").filter(has=page.get_by_role("textbox", name="Reason")).get_by_role("alert")).to_be_visible()
    assert call(platform, "community_admin", "GET", f"/issues/{issue['id']}")["status"] == "submitted"
    shot(page, "staff-case-en")
    assert serious_violations(page) == []


def test_the_rates_screen_in_english_has_charts_by_month_category_and_grid(open_app):
    page = open_staff(open_app, "en", "/rates")
    for chart in ("Response rate by month", "Response rate by category", "Response rate by micro-grid"):
        expect(page.get_by_role("img", name=chart)).to_be_visible()
    shot(page, "staff-rates-en")
    assert serious_violations(page) == []
