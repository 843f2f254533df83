"""An assessment's results page on a 375px phone: each unit's 末位概率 and 居首概率 are in
view without scrolling sideways (tryout 15: the ranking table scrolled with 末位概率
off-screen); the ranking and the score breakdown (tryout 19) stack, each unit a block with its
figures under their labels."""

from datetime import date
from decimal import Decimal as D

import pytest

from guanmo.assessment.definition import Definition, IndicatorRow, Inputs
from guanmo.assessment.objections import publish_result
from guanmo.assessment.services import save_scheme
from tests.assessment.test_result_page import FULL, FULL_INPUTS
from tests.browser.conftest import PHONE
from tests.browser.pages import log_in

WIDTH = 375
NARROW = {**PHONE, "viewport": {"width": WIDTH, "height": 812}}


@pytest.fixture
def published(transactional_db, world, settings):
    settings.GUANMO_TODAY = date(2025, 12, 1)
    scheme = save_scheme(world.city, "2025年度", "综合考核", FULL, list(FULL_INPUTS.values))
    return publish_result(scheme, FULL_INPUTS, days=5, runs=30, seed=1)


@pytest.fixture
def narrow_phone(browser):
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", **NARROW)
    yield context
    context.close()


def _within_width(box: dict) -> bool:
    return box["x"] >= 0 and box["x"] + box["width"] <= WIDTH


def test_the_ranking_is_read_on_a_phone_without_scrolling_sideways(
    live_server, narrow_phone, world, published, screenshot_dir
):
    page = log_in(narrow_phone, live_server.url, "shixmb")
    page.goto(f"{live_server.url}/assessment/results/{published.pk}/")

    rows = page.locator("#ranking tbody tr")
    assert rows.count() == 4
    for index in range(4):
        for label in ("综合得分", "90%位次区间", "居首概率", "末位概率"):
            cell = rows.nth(index).locator(f'td[data-label="{label}"]')
            assert cell.is_visible() and _within_width(cell.bounding_box()), (index, label)
    last = rows.nth(2).locator('td[data-label="末位概率"]')
    assert last.inner_text().endswith("%")
    wrap = page.locator("#ranking").locator("xpath=..")
    assert wrap.evaluate("element => element.scrollWidth <= element.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    page.screenshot(path=screenshot_dir / "assessment-ranking-phone.png", full_page=True)


WIDE = Definition(
    tuple(
        IndicatorRow("项目建设", D(60), name, D(10))
        for name in (
            "投资完成率",
            "新开工项目数",
            "按期开工率",
            "竣工项目数",
            "入统项目数",
            "签约履约率",
        )
    )
)
WIDE_INPUTS = Inputs(
    {
        unit: {name: D(60 + (i * 7 + j * 11) % 40) for j, name in enumerate(WIDE.names)}
        for i, unit in enumerate(("武陟县", "温县", "孟州市", "修武县"))
    }
)


def test_the_score_breakdown_stacks_on_a_phone(
    transactional_db, live_server, narrow_phone, world, settings, screenshot_dir
):
    """Tryout 19: on a 375px phone the 得分构成 table (six indicators, then 加分, 扣分 and
    综合得分) ran off the screen; each unit stacks, every figure under its indicator."""
    settings.GUANMO_TODAY = date(2025, 12, 1)
    scheme = save_scheme(world.city, "2025年度", "综合考核", WIDE, list(WIDE_INPUTS.values))
    result = publish_result(scheme, WIDE_INPUTS, days=5, runs=0)
    page = log_in(narrow_phone, live_server.url, "shixmb")
    page.goto(f"{live_server.url}/assessment/results/{result.pk}/")

    rows = page.locator("#breakdown tbody tr")
    assert rows.count() == 4
    for index in range(4):
        for label in (*WIDE.names, "加分", "扣分", "综合得分"):
            cell = rows.nth(index).locator(f'td[data-label="{label}"]')
            assert cell.is_visible() and _within_width(cell.bounding_box()), (index, label)
    wrap = page.locator("#breakdown").locator("xpath=..")
    assert wrap.evaluate("element => element.scrollWidth <= element.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    page.locator("#breakdown").screenshot(path=screenshot_dir / "assessment-breakdown-phone.png")
