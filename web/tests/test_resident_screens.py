"""Every main screen of the resident app, reached through its nav as a person would, in both
languages: each shows its heading, is screenshot and has no serious accessibility violation."""
import pytest
from playwright.sync_api import expect

from conftest import LOCALES, PHONE, serious_violations, shot
from resident_steps import pick

# (nav path: link names zh-CN / en, the screen's heading zh-CN / en, screenshot name)
SCREENS = [
    ((), ("业主老李，您好", "Hello, 业主老李"), "home"),
    ((("报事", "Report"),), ("我要报事", "Report a problem"), "report"),
    ((("我的报事", "My cases"),), ("我的报事", "My cases"), "cases"),
    ((("37°空间", "37° space"),), ("37°便民空间", "37° service space"), "space"),
    ((("更多", "More"), ("我的预约", "My bookings")), ("我的预约与借用", "My bookings and loans"), "bookings"),
    ((("更多", "More"), ("问卷", "Surveys")), ("问卷调查", "Surveys"), "surveys"),
    ((("更多", "More"), ("业主表决", "Owners' votes")), ("业主大会表决", "Owners' assembly votes"), "votes"),
    ((("更多", "More"), ("生活圈", "Life circle")), ("15分钟社区生活圈", "15-minute life circle"), "guide"),
    ((("更多", "More"), ("志愿服务", "Volunteering")), ("志愿服务", "Volunteering"), "volunteer"),
]


@pytest.mark.parametrize("locale", LOCALES)
def test_each_main_screen_opens_from_the_nav_reads_in_the_language_and_passes_axe(open_app, locale):
    page = open_app("resident", locale, role="owner", device=PHONE)
    for links, heading, name in SCREENS:
        for link in links:
            page.get_by_role("link", name=pick(locale, *link), exact=True).click()
        expect(page.get_by_role("heading", name=pick(locale, *heading), level=1)).to_be_visible()
        loading = page.get_by_role("status").filter(has_text=pick(locale, "正在加载", "Loading"))
        expect(loading).to_have_count(0)  # loaded: no progress bar left
        shot(page, f"resident-{name}-{locale}")
        assert serious_violations(page) == [], name
        page.get_by_role("link", name=pick(locale, "首页", "Home"), exact=True).click()


def test_the_nav_marks_the_current_screen_for_screen_readers(open_app):
    page = open_app("resident", "zh-CN", role="resident", device=PHONE, path="/space")
    expect(page.get_by_role("link", name="37°空间")).to_have_attribute("aria-current", "page")
    page.get_by_role("link", name="更多").click()
    page.get_by_role("link", name="问卷").click()
    expect(page.get_by_role("link", name="更多")).to_have_attribute("aria-current", "page")
