"""The staff console's deliberation hall and notification templates, through the screens: staff
open a topic from a cluster of residents' reports, see the residents' comment and support, and
publish the official answer and plan; staff reword a message kind in Chinese with a live preview
and save it as the community's own. zh-CN in full, English reads the same screens."""
from playwright.sync_api import expect

from conftest import serious_violations, shot
from resident_steps import as_person, register
from staff_steps import building, call, fresh, open_staff

KIND = "loan_overdue.borrower"  # a message kind no other test reads


def test_staff_open_a_topic_from_reported_problems_and_publish_the_answer_and_plan(open_app, platform):
    person = register(platform, number=17)
    cid, home = person["directory"]["id"], building(person["directory"], 17)
    unit = next(u for u in person["directory"]["units"] if u["building_id"] == home["id"])
    for title in (fresh("楼道堆物"), fresh("楼道堆放纸箱")):
        as_person(platform, person, "POST", "/issues", json={
            "community_id": cid, "category": "sanitation", "title": title, "description": "堵住了楼道",
            "location": {"building_id": home["id"], "unit_id": unit["id"]}})
    page = open_staff(open_app, "zh-CN", path="/topics", role="social_worker")
    page.get_by_role("button", name="据此发起议题：环境卫生 · 17号楼").click()
    expect(page.get_by_role("textbox", name="议题名称")).to_have_value("17号楼环境卫生问题怎么解决？")
    shot(page, "staff-topics-zh-CN")
    assert serious_violations(page) == []
    page.get_by_role("textbox", name="议题名称").fill(fresh("17号楼楼道堆物怎么解决？"))
    page.get_by_role("button", name="发起", exact=True).click()
    expect(page.get_by_role("heading", name="发布官方答复和方案")).to_be_visible()

    topic_id = page.url.rsplit("/", 1)[1]
    as_person(platform, person, "POST", f"/topics/{topic_id}/comments", json={"text": "建议每周清理一次"})
    as_person(platform, person, "POST", f"/topics/{topic_id}/support", json={})
    page.reload()
    expect(page.get_by_text("1 人支持 · 1 条意见")).to_be_visible()
    expect(page.get_by_text("建议每周清理一次")).to_be_visible()
    page.get_by_role("textbox", name="答复").fill("物业每周五清理楼道")
    page.get_by_role("textbox", name="方案").fill("楼组长每周巡查，物业周五清运")
    page.get_by_role("button", name="发布", exact=True).click()
    official = page.get_by_role("region", name="官方答复")
    expect(official).to_contain_text("物业每周五清理楼道")
    expect(official).to_contain_text("楼组长每周巡查")
    shot(page, "staff-topic-zh-CN")
    assert serious_violations(page) == []


def test_staff_reword_a_message_in_chinese_with_a_preview_and_save_it(open_app, platform):
    page = open_staff(open_app, "zh-CN", path="/templates", role="social_worker")
    page.get_by_label("消息类型").select_option(KIND)
    title = page.get_by_label("中文标题")
    title.fill("借用到期提醒：{resource_name}")
    expect(page.get_by_role("region", name="中文预览")).to_contain_text("借用到期提醒：工具百宝箱·电钻")
    page.get_by_label("中文正文").fill("{resource_name}该还了，{nickname}")
    expect(page.get_by_role("region", name="中文预览")).to_contain_text("工具百宝箱·电钻该还了，«nickname»")
    page.get_by_label("中文正文").fill("{resource_name}该还了")  # only the fields the message has
    shot(page, "staff-templates-zh-CN")
    assert serious_violations(page) == []
    page.get_by_role("button", name="保存中文措辞").click()
    expect(page.get_by_role("heading", name="中文 本社区措辞")).to_be_visible()
    cid = call(platform, "social_worker", "GET", "/me")["memberships"][0]["community_id"]
    saved = call(platform, "social_worker", "GET", f"/communities/{cid}/templates/{KIND}/zh-CN")
    assert (saved["own"]["title"], saved["own"]["body"]) == ("借用到期提醒：{resource_name}", "{resource_name}该还了")


def test_the_deliberation_hall_and_templates_read_in_english(open_app):
    page = open_staff(open_app, "en", path="/topics", role="social_worker")
    expect(page.get_by_role("heading", name="What residents report most")).to_be_visible()
    expect(page.get_by_role("heading", name="Open a topic")).to_be_visible()
    shot(page, "staff-topics-en")
    assert serious_violations(page) == []
    page.goto(page.url.split("#")[0] + "#/templates")
    page.get_by_label("Message kind").select_option(KIND)
    page.get_by_label("English title").fill("Please return: {resource_name}")
    expect(page.get_by_role("region", name="English preview")).to_contain_text("Please return: Toolbox drill")
    shot(page, "staff-templates-en")
    assert serious_violations(page) == []
