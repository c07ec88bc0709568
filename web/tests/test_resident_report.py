"""Story 1, the resident's side: report e-bikes in a stairwell with a photo and the building tapped
on the plan, find it under my cases, follow the timeline, and rate it once resolved; the rc moves
the case in the staff console."""
import base64

from playwright.sync_api import expect

from conftest import serious_violations, shot
from resident_steps import call, open_as, register
from staff_steps import fresh, move_case, open_staff

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


def test_a_resident_reports_with_a_photo_on_the_plan_follows_the_timeline_and_rates(open_app, platform, tmp_path):
    person = register(platform, number=7, unit="101")
    page = open_as(open_app, "zh-CN", person, path="/report")
    title = fresh("楼道里停满电瓶车")
    page.get_by_label("问题类别").select_option(label="非机动车")
    page.get_by_label("简要说明").fill(title)
    page.get_by_label("详细描述").fill("7号楼一楼楼道被电瓶车堵住，老人出入不便，也有消防隐患。")
    page.get_by_role("button", name="7号楼", exact=True).click()
    expect(page.get_by_label("楼栋", exact=True)).to_have_value(next(b["id"] for b in person["directory"]["buildings"] if b["number"] == 7))
    page.get_by_label("室号").select_option(label="公共区域")
    too_big = tmp_path / "big.png"
    too_big.write_bytes(PNG + b"\0" * (2 * 1024 * 1024))
    page.get_by_label("照片（可选）").set_input_files(str(too_big))
    expect(page.get_by_text("照片不能超过 2 MB")).to_be_visible()  # checked before anything is sent
    photo = tmp_path / "stairwell.png"
    photo.write_bytes(PNG)
    page.get_by_label("照片（可选）").set_input_files(str(photo))
    shot(page, "resident-report-filled-zh-CN")
    assert serious_violations(page) == []
    page.get_by_role("button", name="提交报事").click()
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    issue_id = page.url.rsplit("/", 1)[1]
    assert call(platform, "social_worker", "GET", f"/issues/{issue_id}")["location"]["building_id"]
    page.get_by_role("link", name="我的报事", exact=True).click()  # listed by the server (GET /me/issues), not the device
    page.reload()
    mine = page.get_by_role("listitem").filter(has_text=title)
    expect(mine).to_contain_text("待受理")
    mine.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()

    console = open_staff(open_app, "zh-CN", f"/cases/{issue_id}")  # the rc moves it in the staff console
    for action, done, extra in (("受理", "已受理", {}), ("派单 / 改派", "已派单", {"party": "居委会"}),
                                ("开始处理", "开始处理", {}), ("办结", "已办结", {"note": "已清理"})):
        move_case(console, "zh-CN", action, **extra)
        expect(console.locator(".timeline")).to_contain_text(done)
    page.reload()
    expect(page.get_by_role("list").filter(has_text="已办结")).to_be_visible()
    page.get_by_label("5 分").check()
    page.get_by_label("留言（可选）").fill("清理得很干净，谢谢！")
    page.get_by_role("button", name="提交评价").click()
    expect(page.get_by_role("status").filter(has_text="感谢您的评价")).to_be_visible()
    shot(page, "resident-case-zh-CN")
    assert serious_violations(page) == []


def test_a_report_without_its_fields_shows_the_servers_reasons_next_to_them_in_english(open_app, platform):
    person = register(platform, locale="en")
    page = open_as(open_app, "en", person, path="/report")
    page.get_by_role("button", name="Send report").click()
    expect(page.locator(".field.invalid").first).to_be_visible()  # the 422's fields, beside their inputs
    shot(page, "resident-report-invalid-en")
    assert serious_violations(page) == []
