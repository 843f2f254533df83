"""Indicators in the browser: 市统计局 enters 武陟县's 固定资产投资 for June and submits it, the
city office approves it, and the 指标调度 page (which prints whole on A4) and 武陟县's own page
show its new place."""

from datetime import date

import pytest
from playwright.sync_api import expect

from guanmo.indicators.services import Source, store_values
from guanmo.reporting.services import open_period
from tests.browser.pages import log_in
from tests.browser.test_printing import A4_WIDTH, print_faults
from tests.indicators.pages import growths, indicator_city
from tests.world import YEAR


@pytest.fixture
def june(transactional_db, world):
    """June open; every unit's June 固定资产投资 imported but 武陟县's, which 市统计局 enters."""
    figures = indicator_city(world)
    others = [each for each in growths(6, figures.units, world.wuzhi) if each.region != world.wuzhi]
    store_values(figures.investment, YEAR, 6, others, source=Source.IMPORT, user=None)
    open_period(world.city, year=YEAR, month=6, deadline=date(YEAR, 7, 10), user=None)
    return figures


def test_a_department_enters_the_city_approves_and_the_ranks_move(
    live_server, desktop, browser, world, june, screenshot_dir
):
    base = live_server.url
    desktop.on("page", lambda page: page.on("dialog", lambda dialog: dialog.accept()))

    statistics = log_in(desktop, base, "tjj")
    statistics.get_by_role("link", name="指标填报").click()
    statistics.get_by_role("link", name="填报2025年6月指标").click()
    expect(statistics.locator("h1")).to_contain_text("市统计局 2025年6月指标填报")
    statistics.get_by_label("武陟县固定资产投资本期累计值").fill("13O")  # a letter O
    statistics.get_by_role("button", name="保存草稿").click()
    expect(statistics.locator("#faults")).to_contain_text(
        "「武陟县·固定资产投资」本期累计值：不是数字：13O"
    )
    statistics.get_by_label("武陟县固定资产投资本期累计值").fill("130")
    statistics.get_by_label("武陟县固定资产投资同比增长").fill("25")
    statistics.get_by_role("button", name="提交").click()
    expect(statistics.locator("#form-status")).to_have_text("已提交")

    city_context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    city = log_in(city_context, base, "shixmb")
    city.get_by_role("link", name="指标填报").click()
    city.get_by_role("link", name="查看、审核").click()
    city.get_by_role("button", name="审核通过").click()
    expect(city.locator(".messages")).to_contain_text(
        "市统计局指标填报已审核通过，1项指标（改动2个数值）已计入"
    )

    city.get_by_role("link", name="指标调度").click()
    expect(city.locator("h1")).to_contain_text("2025年1—6月焦作市各县（市、区）主要指标调度")
    wuzhi = city.locator('table[data-indicator="固定资产投资"] tr', has_text="武陟县")
    expect(wuzhi.locator("td").nth(4)).to_have_text("1")
    expect(wuzhi.locator("td").nth(5)).to_have_text("+9")  # 10th in May
    expect(city.locator("#growth-chart canvas")).to_have_count(1)
    city.screenshot(path=screenshot_dir / "indicator-board.png", full_page=True)
    city.set_viewport_size({"width": A4_WIDTH, "height": 1100})
    city.emulate_media(media="print")
    # The chart becomes a picture on the print media's change event, a frame later.
    city.locator("#growth-chart img.chart-print").wait_for(state="attached")
    assert print_faults(city) == [], print_faults(city)
    city.screenshot(path=screenshot_dir / "indicator-board-print.png", full_page=True)

    county = log_in(browser.new_context(locale="zh-CN"), base, "wuzhi")
    county.get_by_role("link", name="指标位次").click()
    row = county.locator('#places tr[data-indicator="固定资产投资"]')
    expect(row).to_contain_text("第1位")
    expect(row).to_contain_text("前移9位")
    expect(county.locator("#sentences")).to_contain_text(
        "同比增长25.0%，增速居全市第1位，较上月前移9位。"
    )
    assert "温县" not in county.content()
    city_context.close()
