"""Story 2, parking shortage: a household survey built in the console gives the demand table by
building and grid (and its CSV); a vote put to building 5's owners gets ballots (the owners'
online ones through the API, as the resident app sends them; one paper ballot entered in the
console), is closed in the console, and shows the Article 278 tally with every figure."""
from datetime import timedelta

from playwright.sync_api import expect

from conftest import serious_violations, shot
from staff_steps import building, call, community, eventually, fresh, now, open_staff, shanghai_input

OWNERS = ("owner", "building_leader", "grid_leader", "oc_member")


def put_vote(page, question, closes_at):
    page.get_by_role("textbox", name="表决事项", exact=True).fill(question)
    page.get_by_label("事项类型").select_option("change_common_parts_use")
    page.get_by_label("开始时间").fill(shanghai_input(now() - timedelta(minutes=1), seconds=True))
    page.get_by_label("截止时间").fill(shanghai_input(closes_at, seconds=True))
    page.get_by_role("group", name="参与楼栋（不选则全小区）").get_by_label("5号楼", exact=True).check()
    page.get_by_role("button", name="发起表决").last.click()
    expect(page.get_by_role("heading", name=question, level=1)).to_be_visible()
    return page.url.rsplit("/", 1)[1]


def build_survey(page, title):
    page.get_by_label("问卷标题", exact=True).fill(title)
    page.get_by_label("题目", exact=True).fill("您家需要几个车位？")
    page.get_by_label("题型", exact=True).select_option(label="单选")
    page.get_by_label("选项", exact=True).fill("0,1,2")
    page.get_by_role("button", name="发布问卷").click()
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    return page.url.rsplit("/", 1)[1]


def paper_ballots(platform, vote_id, directory, skip):
    """The rest of building 5's paper ballots, as staff type them in: enough for the quorum."""
    units = [u for u in directory["units"] if u["building_id"] == building(directory, 5)["id"] and u["number"] not in skip]
    for unit in units[:16]:
        call(platform, "oc_member", "POST", f"/votes/{vote_id}/paper-ballots", json={"unit_id": unit["id"], "choice": "for"})


def test_a_survey_and_a_vote_on_parking_end_in_a_demand_table_and_the_article_278_tally(open_app, platform):
    directory = community(platform)
    page = open_staff(open_app, "zh-CN", "/surveys")
    survey_id = build_survey(page, fresh("居民停车需求调查"))
    for role in OWNERS:
        call(platform, role, "POST", f"/surveys/{survey_id}/answers", json={"answers": {"q1": "1"}})
    page.reload()
    expect(page.get_by_text("已收到 4 份答卷")).to_be_visible()
    by_building = page.get_by_role("table", name="按楼栋")
    expect(by_building.get_by_role("row", name="5号楼")).to_contain_text("1")
    expect(page.get_by_role("table", name="按微网格").get_by_role("row")).to_have_count(1 + 3)  # buildings 5, 7, 9, 12
    with page.expect_download() as download:
        page.get_by_role("button", name="下载需求分析表（CSV）").click()
    assert "5号楼" in open(download.value.path(), encoding="utf-8-sig").read()
    shot(page, "staff-survey-zh-CN")
    assert serious_violations(page) == []

    page.get_by_role("link", name="表决", exact=True).click()
    question = fresh("停车改革：地面绿化改建车位")
    closes_at = now() + timedelta(seconds=20)
    vote_id = put_vote(page, question, closes_at)
    shot(page, "staff-vote-zh-CN")
    assert serious_violations(page) == []

    call(platform, "owner", "POST", f"/votes/{vote_id}/ballots", json={"choice": "for"})
    page.get_by_label("房号").fill("5号楼101室")
    page.get_by_label("意见").select_option(label="反对")
    page.get_by_role("button", name="录入", exact=True).click()
    expect(page.get_by_role("form", name="录入纸质选票").get_by_role("status")).to_have_text("已保存")
    paper_ballots(platform, vote_id, directory, skip={"101", "302"})
    expect(page.get_by_text("18 / 24")).to_be_visible()  # live turnout, polled
    eventually(lambda: now() > closes_at + timedelta(seconds=3), timeout=60, what="the close time")
    page.get_by_role("button", name="结束表决并计票").click()
    tally = page.get_by_role("region", name="计票结果（民法典第二百七十八条）")
    expect(tally.get_by_role("status")).to_have_text("表决通过")
    expect(tally).to_contain_text("18 · ")
    expect(tally).to_contain_text("17 · ")  # for: 17 of 18 units, above 3/4
    shot(page, "staff-tally-zh-CN")
    assert serious_violations(page) == []


def test_the_survey_and_vote_screens_read_in_english(open_app):
    page = open_staff(open_app, "en", "/surveys")
    expect(page.get_by_role("heading", name="New survey")).to_be_visible()
    shot(page, "staff-surveys-en")
    assert serious_violations(page) == []
    page.get_by_role("link", name="Votes").click()
    expect(page.get_by_role("heading", name="New vote")).to_be_visible()
    expect(page.get_by_label("Matter")).to_contain_text("Changing the use of common parts (3/4)")
    shot(page, "staff-votes-en")
    assert serious_violations(page) == []
