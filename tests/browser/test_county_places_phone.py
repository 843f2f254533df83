"""A county's own page (指标位次) on a 375px phone: each indicator's value and its ranks in
every peer group are in view without scrolling sideways, and the table comes before the long
list of sentences (issue 12, tryout: the rank column was off-screen under ~26 sentences)."""

import pytest
from django.urls import reverse

from guanmo.indicators.services import add_to_peer_group
from tests.browser.conftest import NARROW_WIDTH, within_width
from tests.browser.pages import log_in
from tests.indicators.pages import indicator_city


@pytest.fixture
def figures(transactional_db, world):
    found = indicator_city(world)
    add_to_peer_group(world.city, "全省同类县", [world.wuzhi, world.wenxian], short_name="同类县")
    return found


def test_a_countys_places_are_read_on_a_phone_without_scrolling_sideways(
    live_server, narrow_phone, world, figures, screenshot_dir
):
    page = log_in(narrow_phone, live_server.url, "wuzhi")
    page.goto(f"{live_server.url}{reverse('county_places')}")

    row = page.locator('#places tr[data-indicator="固定资产投资"]')
    cells = row.locator("td")
    assert cells.count() == 5  # indicator, value, growth, then its rank in 全市 and 同类县
    value, city_rank, peer_rank = cells.nth(1), cells.nth(3), cells.nth(4)
    assert "第10位" in city_rank.inner_text() and "第2位" in peer_rank.inner_text()
    for cell in (value, city_rank, peer_rank):
        assert cell.is_visible()
        assert within_width(cell.bounding_box())
    wrap = page.locator("#places").locator("xpath=..")
    assert wrap.evaluate("element => element.scrollWidth <= element.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW_WIDTH

    table = page.locator("#places").bounding_box()
    sentences = page.locator("#sentences").bounding_box()
    assert table["y"] + table["height"] <= sentences["y"]
    assert page.locator("#places-summary").bounding_box()["y"] < table["y"]
    page.screenshot(path=screenshot_dir / "county-places-phone.png", full_page=True)


def test_a_countys_targets_are_read_on_a_phone_without_scrolling_sideways(
    live_server, narrow_phone, world, figures, screenshot_dir
):
    page = log_in(narrow_phone, live_server.url, "wuzhi")
    page.goto(f"{live_server.url}{reverse('county_places')}")

    target = page.locator("#targets tbody tr", has_text="脱贫人口")
    share = target.locator('td[data-label="完成率"]')
    assert share.inner_text().endswith("27.1%")
    assert share.is_visible() and within_width(share.bounding_box())
    wrap = page.locator("#targets").locator("xpath=..")
    assert wrap.evaluate("element => element.scrollWidth <= element.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=screenshot_dir / "county-targets-phone.png", full_page=True)


def test_a_targets_breakdown_nodes_open_on_a_phone_without_scrolling_sideways(
    live_server, narrow_phone, world, figures, screenshot_dir
):
    # issue 12, tryout 12: the 季、月、旬 nodes were not on any page
    page = log_in(narrow_phone, live_server.url, "wuzhi")
    page.goto(f"{live_server.url}{reverse('county_places')}")

    page.get_by_text("武陟县·脱贫人口（全年7.38万人，平均分解）").click()
    may = page.locator("#target-nodes tr.reached", has_text="5月")
    share = may.locator('td[data-label="完成率"]')
    assert share.inner_text().endswith("27.1%")
    assert share.is_visible() and within_width(share.bounding_box())
    planned = page.locator("#target-nodes tr", has_text="12月").locator(
        'td[data-label="月末计划累计"]'
    )
    assert planned.inner_text().endswith("7.38") and within_width(planned.bounding_box())
    wrap = page.locator("#target-nodes table").locator("xpath=..")
    assert wrap.evaluate("element => element.scrollWidth <= element.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=screenshot_dir / "county-target-nodes-phone.png", full_page=True)
