"""Story 6, life-circle guide: a resident browses clinics within a 15-minute walk on the map,
claims a wall shop's coupon and shows its code; the shop redeems it once only in its screen.
The shop publishes the coupon through the API, as its app would."""
from datetime import timedelta

from playwright.sync_api import expect

from conftest import PHONE, serious_violations, shot
from resident_steps import call, open_as, register
from staff_steps import fresh, now


def publish_coupon(platform, directory, title):
    return call(platform, "shop", "POST", f"/communities/{directory['id']}/coupons", json={
        "shop_name": "围墙商铺·何记早点", "title": title, "quota": 20, "per_resident": 1,
        "valid_from": (now() - timedelta(minutes=5)).isoformat(), "valid_until": (now() + timedelta(days=7)).isoformat()})


def test_a_resident_finds_a_clinic_claims_a_coupon_and_the_shop_redeems_it_once(open_app, platform):
    person = register(platform)
    title = fresh("豆浆买一送一")
    publish_coupon(platform, person["directory"], title)
    page = open_as(open_app, "zh-CN", person, path="/guide")
    places = page.get_by_role("region", name="周边去处")
    page.get_by_role("button", name="医疗").click()
    expect(page.get_by_role("button", name="医疗")).to_have_attribute("aria-pressed", "true")
    expect(places.get_by_text("长征镇社区卫生服务中心")).to_be_visible()
    expect(places.get_by_text("长征菜市场")).to_have_count(0)
    expect(places.get_by_role("img", name="生活圈地图：以37°空间为中心")).to_be_visible()
    page.get_by_role("button", name=f"领取：{title}").click()
    mine = page.get_by_role("list").filter(has_text=title).last
    expect(mine.get_by_text("券码")).to_be_visible()
    code = mine.locator("li", has_text=title).locator(".code").inner_text()
    shot(page, "resident-coupon-zh-CN")
    assert serious_violations(page) == []

    shop = open_app("resident", "zh-CN", role="shop", device=PHONE, path="/shop")
    shop.get_by_label("顾客出示的券码").fill(code)
    shop.get_by_role("button", name="核销").click()
    expect(shop.get_by_role("status").filter(has_text=f"已核销：{title}")).to_be_visible()
    shot(shop, "resident-shop-zh-CN")
    assert serious_violations(shop) == []
    shop.get_by_role("button", name="核销").click()
    expect(shop.get_by_role("alert")).to_be_visible()  # the second time: refused (409), with the reason

    page.reload()
    expect(page.get_by_role("list").filter(has_text=title).last.get_by_text("已使用")).to_be_visible()


def test_the_guide_and_the_shop_read_in_english(open_app, platform):
    person = register(platform, locale="en")
    page = open_as(open_app, "en", person, path="/guide")
    page.get_by_role("button", name="Market").click()
    expect(page.get_by_text("Changzheng wet market")).to_be_visible()
    shot(page, "resident-guide-market-en")
    assert serious_violations(page) == []
    shop = open_app("resident", "en", role="shop", device=PHONE, path="/shop")
    shop.get_by_label("The code the customer shows").fill("AAAAAAAAA1")
    shop.get_by_role("button", name="Redeem").click()
    expect(shop.get_by_role("alert")).to_be_visible()  # unknown code: the server's reason, in English
    shot(shop, "resident-shop-en")
