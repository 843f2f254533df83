"""The city office sets 武陟县's 脱贫人口 target on the 年度目标 page, reached from 指标调度; a
bad figure is named and nothing kept, a change without its reason is refused; the board then
judges 武陟县 against the new target."""

import pytest
from playwright.sync_api import expect

from tests.browser.pages import log_in
from tests.indicators.pages import indicator_city


@pytest.fixture
def figures(transactional_db, world):
    return indicator_city(world)


def test_the_city_office_sets_a_target_and_the_board_follows(
    live_server, desktop, world, figures, screenshot_dir
):
    city = log_in(desktop, live_server.url, "shixmb")
    city.get_by_role("navigation", name="主导航").get_by_role("link", name="指标调度").click()
    city.get_by_role("link", name="年度目标").click()
    city.get_by_label("指标").select_option(label="脱贫人口")
    city.get_by_role("button", name="切换").click()
    expect(city.locator("h1")).to_have_text("2025年度目标：脱贫人口（万人）")
    expect(city.get_by_label("武陟县目标数额")).to_have_value("7.38")

    city.get_by_label("武陟县目标数额").fill("8.0O")  # a letter O
    city.get_by_role("button", name="保存目标").click()
    expect(city.locator("#faults")).to_contain_text("「武陟县·脱贫人口」目标数额：不是数字：8.0O")
    city.get_by_label("武陟县目标数额").fill("8.00")
    city.get_by_role("button", name="保存目标").click()
    expect(city.locator("#faults")).to_contain_text("修改已下达的目标须填写修改原因：武陟县")
    city.get_by_label("修改原因").fill("市政府常务会议调整")
    city.get_by_role("button", name="保存目标").click()
    expect(city.locator(".messages")).to_contain_text("2025年脱贫人口目标已保存")
    expect(city.get_by_label("武陟县目标数额")).to_have_value("8")
    city.screenshot(path=screenshot_dir / "indicator-targets.png", full_page=True)

    city.get_by_role("link", name="返回指标调度").click()
    target = city.locator("#targets tr", has_text="武陟县")
    expect(target).to_contain_text("8.00")
    expect(target).to_contain_text("25.0%")  # 2.0 of 8.0万人
