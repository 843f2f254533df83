"""A target's breakdown nodes print (issue 12): on 指标调度 and a county's own page each
target's nodes (per month its 上旬末/中旬末 and month-end figures, quarter ends marked) sit in a
closed expandable row on screen, which Chromium leaves out of the print; printed on A4 as a
browser prints (print media, then Chromium's own PDF, read back with pdftotext) they are shown,
whole within the page, so the June node 武陟县·脱贫人口 must reach appears on paper."""

import pytest
from django.urls import reverse

from tests.browser.pages import log_in
from tests.browser.test_printing import A4_WIDTH, print_faults
from tests.documents.pages import pdf_pages
from tests.indicators.pages import indicator_city
from tests.world import YEAR

JUNE = "6月（二季度末）"


@pytest.fixture
def figures(transactional_db, world):
    return indicator_city(world)


def test_the_breakdown_nodes_closed_on_screen_are_printed(
    live_server, desktop, world, figures, tmp_path
):
    page = log_in(desktop, live_server.url, "shixmb")
    pages = {
        "指标调度": reverse("indicator_board") + f"?year={YEAR}&month=5",
        "县区位次": reverse("county_places") + f"?region={world.wuzhi.pk}&year={YEAR}&month=5",
    }
    for name, url in pages.items():
        page.emulate_media(media="screen")
        page.goto(live_server.url + url)
        nodes = page.locator("details.target-nodes", has_text="武陟县·脱贫人口")
        june = nodes.locator("tr", has_text=JUNE)
        assert not june.is_visible(), f"{name}：屏幕上节点应收起"
        ten_days, planned = (june.locator("td").nth(column).text_content() for column in (1, 2))

        page.emulate_media(media="print")
        page.set_viewport_size({"width": A4_WIDTH, "height": 1100})
        assert print_faults(page) == [], name
        folder = tmp_path / name
        folder.mkdir()
        printed = pdf_pages(page.pdf(prefer_css_page_size=True), folder)
        text = "\n".join(sheet.text for sheet in printed)
        lines = [line for line in text.splitlines() if JUNE in line]
        assert lines, f"{name}：打印稿没有目标分解节点（{JUNE}）"
        assert planned in lines[0] and ten_days in lines[0], f"{name}：{lines[0]}"


def test_the_targets_form_prints_every_month_and_each_profile(
    live_server, desktop, world, figures, tmp_path
):
    # tryout 21 (14): printed, the 年度目标 page cut off 12月 and left 分解方式 blank (the select
    # does not print).
    page = log_in(desktop, live_server.url, "shixmb")
    url = reverse("target_form") + f"?year={YEAR}&indicator={figures.poverty.pk}"
    page.goto(live_server.url + url)
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_WIDTH, "height": 1100})
    assert print_faults(page) == []
    printed = pdf_pages(page.pdf(prefer_css_page_size=True), tmp_path)
    text = "\n".join(sheet.text for sheet in printed)
    assert "12月" in text
    wuzhi = next(line for line in text.splitlines() if "武陟县" in line)
    assert "平均分解" in wuzhi and "7.38" in wuzhi
