"""`guanmo progress-report` in every format, read back from what it wrote."""

import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from tests.documents.injection import INJECTION, assert_kept_as_text


@pytest.fixture
def april(city, add_project):
    add_project("武陟县", "1000", {3: "300", 4: "500"}, name="武陟县产业园项目")
    add_project("温县", "1000", {4: "500"}, name="温县医院项目")
    add_project("孟州市", "2000", {3: "200"}, name="孟州市物流园项目")
    return city


def _run(*args: str) -> str:
    out = StringIO()
    call_command("progress-report", "--year", "2025", "--month", "4", *args, stdout=out)
    return out.getvalue()


def test_json_has_the_named_keys_with_decimals_as_strings(april):
    report = json.loads(_run("--format", "json", "--level", "市"))

    assert report["period"] == {"year": 2025, "month": 4, "label": "1—4月"}
    assert report["time_progress"] == "33.3"
    assert report["headline"] == (
        "1—4月，3个市重点项目完成投资0.1亿元，占年度计划的30.0%，低于时间进度3.3个百分点。"
    )
    assert report["total"] == {
        "projects": 3,
        "annual_plan_wan": "4000.00",
        "completed_wan": "1200.00",
        "completion_rate": "30.0",
        "vs_time_progress": "-3.3",
        "curve_progress": "33.3",  # the projects' curves (equal months without a year before)
        "vs_curve": "-3.3",
    }
    first = report["regions"][0]
    assert set(first) >= {
        "region",
        "projects",
        "annual_plan_wan",
        "completed_wan",
        "completion_rate",
        "vs_time_progress",
        "rank",
    }
    assert (first["region"], first["completion_rate"], first["rank"]) == ("武陟县", "50.0", 1)
    unranked = next(r for r in report["regions"] if r["region"] == "解放区")
    assert (unranked["completion_rate"], unranked["vs_time_progress"], unranked["rank"]) == (
        None,
        None,
        None,
    )


def test_text_prints_headline_sentences_and_table(april):
    text = _run()

    assert "1—4月，3个重点项目完成投资0.1亿元，占年度计划的30.0%，低于时间进度3.3个百分点。" in text
    assert "4月未报送进度的项目有1个：孟州市物流园项目。" in text
    assert "并列1\t武陟县\t1\t1,000.00\t500.00\t50.0\t+16.7" in text


def test_xlsx_holds_the_county_and_project_tables(april, tmp_path):
    path = tmp_path / "进度.xlsx"
    _run("--format", "xlsx", "-o", str(path))

    workbook = load_workbook(path)
    assert workbook.sheetnames == ["县区汇总", "项目明细"]
    counties = workbook["县区汇总"]
    assert counties.freeze_panes == "A4"
    rows = list(counties.iter_rows(min_row=4, values_only=True))
    assert rows[0][:6] == ("并列1", "武陟县", 1, 1000, 500, 0.5)
    assert rows[-1][1:6] == ("合计", 3, 4000, 1200, 0.3)
    assert counties.cell(3, 4).value == "年度计划投资（万元）"
    assert counties.cell(4, 4).number_format == "#,##0.00"
    # Rates are numbers Excel shows as percentages (50.0%), not text.
    assert counties.cell(4, 6).number_format == "0.0%"
    projects = list(workbook["项目明细"].iter_rows(min_row=4, values_only=True))
    assert [row[2] for row in projects] == ["武陟县产业园项目", "温县医院项目", "孟州市物流园项目"]
    assert projects[2][6:] == (200, 0.1, "否")
    # No year before to shape the curves: 1,000万元 in equal months is 333.34 due after April
    # (83.34 + 83.33 + 83.33 + 83.34), 33.3%; 500 done is 50.0%, 16.7 points ahead of both.
    assert [counties.cell(3, column).value for column in (8, 9)] == [
        "序时进度（%）",
        "较序时进度（个百分点）",
    ]
    assert rows[0][5:9] == (0.5, 16.7, 0.333, 16.7)
    assert counties.cell(4, 9).number_format == "+0.0;-0.0;0.0"


def test_docx_is_an_a4_bulletin_in_official_fonts(april, tmp_path):
    path = tmp_path / "通报.docx"
    _run("--format", "docx", "-o", str(path), "--level", "市")

    document = Document(str(path))
    section = document.sections[0]
    # Word stores lengths in twips, so millimetres come back within a hundredth.
    assert section.page_width.mm == pytest.approx(210, abs=0.01)
    assert section.page_height.mm == pytest.approx(297, abs=0.01)
    assert section.top_margin.mm == pytest.approx(37, abs=0.01)
    assert section.left_margin.mm == pytest.approx(28, abs=0.01)
    paragraphs = [p for p in document.paragraphs if p.text]
    assert paragraphs[0].text == "焦作市重点项目建设办公室文件"  # the mark, red
    assert str(paragraphs[0].runs[0].font.color.rgb) == "FF0000"
    assert paragraphs[1].text == "关于2025年1—4月焦作市市重点项目建设进展情况的通报"
    texts = [p.text for p in paragraphs]
    assert (
        "1—4月，3个市重点项目完成投资0.1亿元，占年度计划的30.0%，低于时间进度3.3个百分点。" in texts
    )

    def east_asian_font(paragraph):
        return paragraph.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia"))

    assert east_asian_font(paragraphs[1]) == "方正小标宋简体"
    assert paragraphs[2].text.endswith("：")  # 主送机关
    assert east_asian_font(paragraphs[3]) == "黑体"
    assert east_asian_font(paragraphs[4]) == "仿宋_GB2312"
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells][:2] == ["位次", "县区"]
    # The text speaks 亿元, so does the table: 1,000 and 500 万元 are 0.10 and 0.05 亿元.
    assert [c.text for c in table.rows[0].cells][3:5] == ["年度计划（亿元）", "完成投资（亿元）"]
    assert [c.text for c in table.rows[1].cells][1:6] == ["武陟县", "1", "0.10", "0.05", "50.0"]
    assert table.rows[-1].cells[1].text == "合计"


def test_file_formats_need_an_output_file(april):
    with pytest.raises(CommandError, match="-o"):
        _run("--format", "docx")


def test_month_outside_the_year_is_refused(april):
    with pytest.raises(CommandError, match="月份应为1至12"):
        call_command("progress-report", "--year", "2025", "--month", "13")


def test_money_keeps_places_beyond_cents_when_stored(city, add_project):
    add_project("温县", "1000.1234", {4: "1"})
    report = json.loads(_run("--format", "json"))
    assert report["total"]["annual_plan_wan"] == "1000.1234"
    assert Decimal(report["total"]["completed_wan"]) == 1


def test_xlsx_writes_a_formula_like_project_name_as_text(city, add_project, tmp_path):
    add_project("温县", "1000", {4: "500"}, name=INJECTION)
    path = tmp_path / "进度.xlsx"
    _run("--format", "xlsx", "-o", str(path))
    assert_kept_as_text(load_workbook(path))
