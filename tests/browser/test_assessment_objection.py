"""An assessment's objections cycle in the browser: a county objects to its value, the city
office accepts, the result is recomputed and the ranking changes, and the history says why.
温县 leads on both indicators; 武陟县's 投资完成率 corrected from 95 to 120 puts it first (88.57
to 85.00)."""

from datetime import date

import pytest
from playwright.sync_api import expect

from guanmo.assessment.objections import publish_result
from guanmo.assessment.services import save_scheme
from tests.assessment.letters import PDF
from tests.assessment.test_result_page import DEFINITION, INPUTS
from tests.browser.pages import log_in


@pytest.fixture
def published(transactional_db, world, settings):
    settings.GUANMO_TODAY = date(2025, 12, 1)
    scheme = save_scheme(world.city, "2025年度", "综合考核", DEFINITION, list(INPUTS.values))
    return publish_result(scheme, INPUTS, days=5, runs=30, seed=1)


def first_row(page) -> str:
    return page.locator("table").first.locator("tbody tr").first.inner_text()


def test_a_county_objects_the_office_accepts_and_the_ranking_changes(
    live_server, desktop, browser, published
):
    base = live_server.url
    county = log_in(desktop, base, "wuzhi")
    county.goto(f"{base}/assessment/results/{published.pk}/")
    assert "温县" in first_row(county)
    county.get_by_label("指标").select_option("投资完成率")
    county.get_by_label("应为数值").fill("120")
    county.get_by_label("理由").fill("统计局反馈数据有误")
    county.get_by_label("附件（证明材料）").set_input_files(
        {"name": "统计局函.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    county.get_by_role("button", name="提交异议").click()
    expect(county.locator(".messages")).to_contain_text("异议已提交")

    office_context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    office = log_in(office_context, base, "shixmb")
    office.goto(f"{base}/assessment/results/{published.pk}/")
    decision = office.locator("form.decision")
    expect(decision).to_contain_text("武陟县对“投资完成率”提出异议，原值95，认为应为120")
    decision.get_by_label("采纳", exact=True).check()
    decision.get_by_label("处理理由").fill("经与统计局核实")
    decision.get_by_role("button", name="确定").click()
    expect(office.locator(".messages")).to_contain_text("已采纳异议")
    assert f"/assessment/results/{published.pk}/" not in office.url  # the corrected result
    assert "武陟县" in first_row(office)
    expect(office.locator("ol")).to_contain_text(
        "采纳：经与统计局核实；重新计算后武陟县综合得分由78.57分变为88.57分，位次由第2位变为第1位；"
        "温县综合得分由100.00分变为76.00分，位次由第1位变为第2位"
    )
    office_context.close()
