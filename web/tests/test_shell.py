"""Every front end opens in both languages with the language switch and large-text mode."""
import pytest

from conftest import LOCALES, serious_violations, shot


@pytest.mark.parametrize("locale", LOCALES)
def test_the_resident_app_signs_in_and_greets_the_resident_in_their_language(open_app, locale):
    page = open_app("resident", locale)
    page.get_by_label("手机号或邮箱" if locale == "zh-CN" else "Phone or email").fill("resident@demo.linli")
    page.get_by_label("密码" if locale == "zh-CN" else "Password").fill("linli-demo-2024")
    page.get_by_role("button", name="登录" if locale == "zh-CN" else "Sign in").click()
    page.get_by_role("heading", name="居民小王", exact=False).wait_for()
    assert page.evaluate("document.documentElement.lang") == locale
    shot(page, f"resident-home-{locale}")


def test_the_language_switch_turns_chinese_into_english_without_a_reload(open_app):
    page = open_app("resident", "zh-CN")
    page.get_by_role("button", name="登录").wait_for()
    page.get_by_role("button", name="English").click()
    page.get_by_role("button", name="Sign in").wait_for()
    assert page.evaluate("localStorage.getItem('linli.locale')") == "en"


def test_large_text_mode_makes_the_text_larger(open_app):
    page = open_app("resident", "zh-CN")
    before = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    page.get_by_role("button", name="大字").click()
    after = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert after >= before * 1.2


def test_the_sign_in_screen_has_no_serious_accessibility_violation(open_app):
    page = open_app("resident", "zh-CN")
    page.get_by_role("button", name="登录").wait_for()
    assert serious_violations(page) == []
