"""The city office assesses a cycle in the browser: it uploads a scheme (.csv) and the cycle's
values (.xlsx) made here (the city's other units listed 不参评), sees how both were understood,
confirms, and reads the ranking.

Two indicators at equal weight, min-max: 温县 leads on both (100), 孟州市 trails on both (0),
武陟县 is 50 and 50 → 温县 100.00, 武陟县 50.00, 孟州市 0.00."""

import pytest
from openpyxl import Workbook
from playwright.sync_api import expect

from guanmo.assessment.models import Result
from guanmo.regions.services import units_of
from tests.assessment.city_sheets import listing_the_rest
from tests.browser.pages import log_in


@pytest.fixture
def cycle_sheets(tmp_path, world):
    scheme = tmp_path / "考核办法.csv"
    scheme.write_text(
        "一级指标,权重,二级指标,权重/分值,方向,计分方法,参数\n"
        "项目建设,50,投资完成率,50,正向,极值法,\n"
        "服务保障,50,问题办结天数,50,负向,极值法,\n",
        encoding="utf-8",
    )
    workbook = Workbook()
    sheet = workbook.active
    for row in [
        ["2025年度考核指标数值"],
        ["县区", "投资完成率（%）", "问题办结天数"],
        ["武陟县", 90, 10],
        ["温县", 100, 6],
        ["孟州市", 80, 14],
    ]:
        sheet.append(row)
    values = tmp_path / "指标数值.xlsx"
    workbook.save(values)
    return scheme, listing_the_rest(values, world.city)  # the city's other units 不参评


def test_the_city_office_uploads_previews_confirms_and_reads_the_ranking(
    live_server, desktop, world, cycle_sheets, screenshot_dir
):
    scheme, values = cycle_sheets
    office = log_in(desktop, live_server.url, "shixmb")
    office.goto(f"{live_server.url}/assessment/")
    office.get_by_role("link", name="上传考核办法和指标数值").click()
    office.get_by_label("考核周期").fill("2025年度")
    office.get_by_label("稳健性检验模拟次数").fill("50")
    office.locator("input[type=file][name=scheme]").set_input_files(str(scheme))
    office.locator("input[type=file][name=values]").set_input_files(str(values))
    office.get_by_role("button", name="上传并预览").click()

    expect(office.locator("h1")).to_contain_text("考核预览：2025年度综合考核")
    indicators = office.locator("#preview-indicators")
    expect(indicators.locator("tr", has_text="投资完成率")).to_contain_text("50.00%")
    expect(indicators.locator("tr", has_text="问题办结天数")).to_contain_text("负向")
    expect(office.locator("#preview-units")).to_contain_text(f"{len(units_of(world.city))}个单位")
    office.screenshot(path=str(screenshot_dir / "assessment_upload_preview.png"), full_page=True)
    assert not Result.objects.exists()

    office.get_by_role("button", name="确认计算并公示").click()
    expect(office.locator(".messages")).to_contain_text("已计算并公示2025年度综合考核结果")
    ranking = office.locator("table").first.locator("tbody tr")
    expect(ranking.nth(0)).to_contain_text("温县")
    expect(ranking.nth(0)).to_contain_text("100.00")
    expect(ranking.nth(1)).to_contain_text("武陟县")
    expect(ranking.nth(1)).to_contain_text("50.00")
    expect(ranking.nth(2)).to_contain_text("孟州市")
    expect(office.locator("#sensitivity")).to_be_visible()
    assert Result.objects.get().runs == 50
