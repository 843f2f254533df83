"""An import's record page reads on a 375px phone: its report's long lines wrap inside the card
(tryout 25 [8]: /reporting/imports/7/ was 792px wide, the lines cut at the card's edge)."""

import pytest
from django.urls import reverse

from guanmo.ledger.services import import_ledger
from tests.browser.conftest import NARROW_WIDTH, within_width
from tests.browser.pages import log_in
from tests.ledger.sheets import ledger_xlsx


@pytest.fixture
def record(transactional_db, world):
    """A ledger import whose report has long lines: a cross-county project, a city-level one."""
    report = import_ledger(
        ledger_xlsx(
            [
                1,
                "沁河生态廊道综合治理及配套基础设施建设项目",
                None,
                "武陟县、温县",
                None,
                "续建",
                None,
                90000,
                20000,
            ],
            [2, "焦作市中心医院新院区", None, "市直", None, "续建", None, 150000, 30000],
        ),
        city=world.city,
        year=2025,
        user=world.users["city"],
        file_name="2025年焦作市重点项目台账_第二批调整_最终版_请各县区核对后报市项目办.xlsx",
    )
    assert report.ok, report.faults
    return report.record_id


def test_an_import_record_is_read_on_a_phone_without_scrolling_sideways(
    live_server, narrow_phone, world, record, screenshot_dir
):
    page = log_in(narrow_phone, live_server.url, "shixmb")
    page.goto(f"{live_server.url}{reverse('import_record', args=[record])}")

    report = page.locator("pre.import-report")
    assert "计入县区排名" in report.inner_text()
    assert within_width(report.bounding_box())
    assert report.evaluate("element => element.scrollWidth <= element.clientWidth")
    assert within_width(page.locator("main h1").bounding_box())
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW_WIDTH
    page.screenshot(path=screenshot_dir / "import-record-phone.png", full_page=True)
