"""An assessment result made final and issued in the browser (issue 13): after its 公示期 the
city office confirms what 定稿 freezes, makes the result final, issues the bulletin with a
成文日期, and the downloaded .docx carries the bulletin's title and the first unit (温县, leading
on both indicators); a county office sees neither form."""

from datetime import date

import pytest
from docx import Document
from playwright.sync_api import expect

from guanmo.assessment.objections import publish_result
from guanmo.assessment.services import save_scheme
from guanmo.documents.models import IssuedDocument
from tests.assessment.test_result_page import DEFINITION, INPUTS
from tests.browser.pages import log_in


@pytest.fixture
def published(transactional_db, world, settings):
    """Published on 1 December for 5 days; the pages are read on 8 December, after 公示."""
    settings.GUANMO_TODAY = date(2025, 12, 1)
    scheme = save_scheme(world.city, "2025年度", "综合考核", DEFINITION, list(INPUTS.values))
    result = publish_result(scheme, INPUTS, days=5, runs=30, seed=1)
    settings.GUANMO_TODAY = date(2025, 12, 8)
    return result


def test_the_office_finalises_and_issues_and_the_docx_says_so(
    live_server, desktop, browser, published
):
    base = live_server.url
    office = log_in(desktop, base, "shixmb")
    office.goto(f"{base}/assessment/results/{published.pk}/")
    finalise = office.locator("form#finalise")
    finalise.get_by_role("checkbox").check()
    finalise.get_by_role("button", name="定稿").click()
    expect(office.locator(".messages")).to_contain_text("考核结果已定稿")
    expect(office.locator("form#finalise")).to_have_count(0)
    issue = office.locator("form#issue-bulletin")
    issue.get_by_label("成文日期").fill("2025-12-09")
    issue.get_by_role("button", name="印发通报").click()
    expect(office.locator(".messages")).to_contain_text("已印发焦作项目办〔2025〕1号")
    expect(office.locator("form#issue-bulletin")).to_have_count(0)
    bulletin = IssuedDocument.objects.get(subject=f"assessment-{published.pk}")
    assert bulletin.dated == date(2025, 12, 9)
    with office.expect_download() as download:
        office.locator("#bulletin a").click()
    document = Document(download.value.path())
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert bulletin.title in text
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert "温县" in rows[1]

    county_context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    county = log_in(county_context, base, "wuzhi")
    county.goto(f"{base}/assessment/results/{published.pk}/")
    expect(county.locator("h1")).to_contain_text(f"结果编号{published.pk}")
    expect(county.locator("form#finalise")).to_have_count(0)
    expect(county.locator("form#issue-bulletin")).to_have_count(0)
    county_context.close()
