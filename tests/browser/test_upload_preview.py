"""A county uploads its progress sheet (an old .xls) in the browser: the preview shows how
every column was understood and the rows left out, the county names the column Guanmo did not
know, and only its confirmation loads the draft (issue 9 §2)."""

from datetime import date

import pytest
from playwright.sync_api import expect

from guanmo.reporting.models import ImportRecord, ReportEntry
from guanmo.reporting.services import open_period
from tests.browser.pages import log_in
from tests.sheets.files import Drawn, to_xls
from tests.world import YEAR


@pytest.fixture
def april(transactional_db, world):
    return open_period(
        world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=world.users["city"]
    )


@pytest.fixture
def sheet(tmp_path):
    """An old .xls (BIFF, as xlwt writes it) with a column Guanmo does not know."""
    path = tmp_path / "武陟县4月进度.xls"
    path.write_bytes(
        to_xls(
            Drawn(
                [
                    ["2025年1-4月武陟县重点项目进展"],
                    ["项目名称", "当月完成", "本期末累计数", "形象进度"],
                    ["武陟县智能装备产业园", 100, 500, "主体封顶"],
                    ["武陟县冷链物流园", 30, 150, "设备安装"],
                ],
                name="武陟县",
            )
        )
    )
    return path


def test_the_county_previews_names_a_column_and_confirms(
    live_server, desktop, world, april, sheet, screenshot_dir
):
    report = april.reports.get(county=world.wuzhi)
    county = log_in(desktop, live_server.url, "wuzhi")
    county.goto(f"{live_server.url}/reporting/reports/{report.pk}/")
    county.locator("input[type=file][name=sheet]").set_input_files(str(sheet))
    county.get_by_role("button", name="上传", exact=True).click()

    expect(county.locator("h1")).to_contain_text("上传预览")
    unknown = county.locator("#column-map tr", has_text="本期末累计数")
    expect(unknown).to_contain_text("未识别")
    expect(county.locator("#column-map tr", has_text="当月完成")).to_contain_text("100万元")
    assert not ReportEntry.objects.filter(report=report, cumulative_completed=500).exists()

    unknown.get_by_role("combobox").select_option("累计完成投资")
    county.get_by_role("button", name="重新识别").click()
    expect(county.locator("#column-map tr", has_text="本期末累计数")).to_contain_text("500万元")
    expect(county.locator("#preview-summary")).to_contain_text(
        "检查通过（尚未写入）：将新增0条月度进度，更新2条月度进度"
    )
    county.screenshot(path=str(screenshot_dir / "upload_preview.png"), full_page=True)
    assert not ImportRecord.objects.exists()

    county.get_by_role("button", name="确认载入草稿").click()
    expect(county.locator(".messages")).to_contain_text("表格已载入草稿")
    equipment = world.projects["武陟装备"].pk
    expect(county.locator(f"input[name=k-{equipment}]")).to_have_value("500")
    assert ImportRecord.objects.get().file_name == "武陟县4月进度.xls"
