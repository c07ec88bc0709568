"""Stories 2 and 4, the resident's side: answering a household survey, an owner casting and
changing the unit's ballot and reading the Article 278 figures after the close, and a resident
registering as a volunteer and signing up for a shift. What staff do (build the survey, put the
vote, close it, create the shifts) is sent through the API, as the staff console sends it."""
from datetime import datetime, timedelta

from playwright.sync_api import expect

from conftest import PHONE, serious_violations, shot
from resident_steps import call, open_as, register
from staff_steps import SHANGHAI, building, eventually, fresh, now


def test_a_resident_answers_a_survey_in_the_app(open_app, platform):
    person = register(platform)
    title = fresh("电瓶车停放需求调查")
    call(platform, "social_worker", "POST", f"/communities/{person['directory']['id']}/surveys", json={
        "title": title, "questions": [{"key": "q1", "kind": "single", "prompt": "您家有几辆电瓶车？", "options": ["0", "1", "2"]}]})
    page = open_as(open_app, "zh-CN", person, path="/surveys")
    page.get_by_role("link", name=title).click()
    page.get_by_label("1", exact=True).check()
    page.get_by_role("button", name="提交").click()
    expect(page.get_by_role("status").filter(has_text="已提交，谢谢参与")).to_be_visible()
    shot(page, "resident-survey-zh-CN")
    assert serious_violations(page) == []


def test_an_owner_casts_and_changes_a_ballot_and_reads_the_article_278_figures(open_app, platform):
    directory = call(platform, "owner", "GET", f"/communities/{platform.api('GET', '/api/v1/communities').json()['items'][0]['id']}")
    question = fresh("5号楼加装电梯")
    closes_at = now() + timedelta(seconds=25)
    vote = call(platform, "social_worker", "POST", f"/communities/{directory['id']}/votes", json={
        "question": question, "matter": "ordinary", "opens_at": (now() - timedelta(minutes=1)).isoformat(),
        "closes_at": closes_at.isoformat(), "building_ids": [building(directory, 5)["id"]]})
    page = open_app("resident", "zh-CN", role="owner", device=PHONE, path=f"/votes/{vote['id']}")
    page.get_by_label("同意").check()
    page.get_by_role("button", name="提交投票").click()
    expect(page.get_by_text("本户已投：同意")).to_be_visible()
    page.get_by_label("反对").check()
    page.get_by_role("button", name="提交修改").click()
    expect(page.get_by_text("本户已投：反对")).to_be_visible()
    shot(page, "resident-ballot-zh-CN")
    assert serious_violations(page) == []
    eventually(lambda: now() > closes_at + timedelta(seconds=2), timeout=60, what="the close time")
    call(platform, "social_worker", "POST", f"/votes/{vote['id']}/close", json={})
    page.reload()
    result = page.get_by_role("region", name="表决结果")
    expect(result.get_by_text("参与不足，表决无效")).to_be_visible()  # 1 of 24 units took part
    expect(result.get_by_role("row", name="反对")).to_contain_text("1")
    shot(page, "resident-vote-result-zh-CN")
    assert serious_violations(page) == []


def test_a_resident_registers_as_a_volunteer_and_signs_up_for_a_shift_in_english(open_app, platform):
    person = register(platform, locale="en")
    page = open_as(open_app, "en", person, path="/volunteer")
    page.get_by_label("I am a party member").check()
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("heading", name="My hours")).to_be_visible()
    day = datetime.now(SHANGHAI) + timedelta(days=2)
    title = fresh("E-bike patrol")
    call(platform, "social_worker", "POST", f"/communities/{person['directory']['id']}/activities", json={
        "kind": "patrol", "title": title, "place": "Building 7", "template": {
            "kind": "weekly", "weekday": day.isoweekday(), "start": "19:00", "end": "20:00",
            "first_day": datetime.now(SHANGHAI).date().isoformat(), "weeks": 1, "needs": {"general": 5}}})
    page.reload()
    page.get_by_role("button", name=f"Sign up: {title}", exact=False).first.click()
    expect(page.get_by_role("button", name="Signed up").first).to_be_visible()
    expect(page.get_by_role("region", name="My shifts").get_by_role("listitem")).to_have_count(1)
    shot(page, "resident-volunteer-signed-en")
    assert serious_violations(page) == []
