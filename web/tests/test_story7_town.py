"""Story 7, the town view: the town admin compares the town's communities (the three rates,
overdue cases, volunteer hours) in charts and a table that match the API's figures."""
import pytest
from playwright.sync_api import expect

from conftest import LOCALES, serious_violations, shot
from staff_steps import call, community, pick


@pytest.mark.parametrize("locale", LOCALES)
def test_the_town_admin_compares_the_communities_of_the_town(open_app, platform, locale):
    directory = community(platform)
    rates = call(platform, "town_admin", "GET", f"/towns/{directory['town']['id']}/case-rates")
    mine = next((g for g in rates["groups"] if g["community"] == directory["id"]), {"cases": 0})
    page = open_app("town", locale, role="town_admin", device={"viewport": {"width": 1366, "height": 900}})
    name = pick(locale, directory["name"], directory["name_en"])
    expect(page.get_by_role("heading", level=1)).to_contain_text(pick(locale, "长征镇", "Changzheng town"))
    for chart in pick(locale, ("响应率", "解决率", "满意率", "超期案件", "志愿服务时长（小时）"),
                      ("Response rate", "Resolution rate", "Satisfaction rate", "Overdue cases", "Volunteer hours")):
        expect(page.get_by_role("img", name=chart, exact=True)).to_be_visible()
    row = page.get_by_role("table", name=pick(locale, "明细", "Figures")).get_by_role("row", name=name)
    cases = row.get_by_role("cell").first
    assert int(cases.inner_text()) >= mine["cases"]  # other tests may report meanwhile, never fewer
    shot(page, f"town-dashboard-{locale}")
    assert serious_violations(page) == []
