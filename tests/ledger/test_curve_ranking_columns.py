"""Completion judged against each unit's projects' curves as columns of the bulletin's main
ranking table (issue 14: "Completion is then judged against the project's own curve as well as
against m/12"), the same figures on the page, in the .docx, the .pdf and the .xlsx, and said
once: no separate curve section repeats them.

Worked by hand on the test city after March, with no year before (equal months): 武陟县 plans
1,200 + 2,000 = 3,200, 300 + 500 = 800 due (25.0%), 400 + 120 = 520 done (16.3%), 8.8 points
behind its curve and time progress (16.25 − 25, rounded once); 温县 plans 1,000 + 800 = 1,800,
250 + 200 = 450 due (25.0%), 400 + 260 = 660 done (36.7%), 11.7 points ahead; 合计 5,000,
1,250 due (25.0%), 1,180 done (23.6%), 1.4 behind.
"""

import io
import json
import re
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from guanmo.documents.pdf import docx_to_pdf
from guanmo.ledger.bulletin import curve_sentence
from guanmo.ledger.curve import CurveStanding
from guanmo.ledger.models import KeyListEntry, MonthlyPlan
from guanmo.ledger.services.milestones import remove_from_key_list
from guanmo.progress.exporters.docx import bulletin_docx
from guanmo.progress.exporters.text import county_table_rows
from guanmo.progress.sections import bulletin_sections
from guanmo.progress.selectors import progress_report_for
from guanmo.reporting.services import close_period, open_period
from tests.documents.docx import HEAD, body_tables
from tests.documents.pages import assert_official_pages, pdf_pages

CURVE_HEADERS = ["序时进度（%）", "较序时进度（个百分点）"]


@pytest.fixture
def closed_march(world):
    march = open_period(world.city, year=2025, month=3, deadline=date(2025, 4, 5), user=None)
    close_period(march, user=world.users["city"])
    return world


def _rows_by_unit(rows: list[list[str]], unit_column: int) -> dict[str, list[str]]:
    return {row[unit_column]: row for row in rows}


def test_the_ranking_table_judges_each_unit_by_its_curve_beside_time(world):
    report = progress_report_for(world.city, 2025, 3, with_columns=True)
    rows = _rows_by_unit(county_table_rows(report), 1)

    # 较时间进度 and 较序时进度 are both the exact gap rounded once (16.25 − 25.0 = −8.75 →
    # −8.8, tryout 22), never the shown 16.3 − 25.0 = −8.7 beside it
    assert rows["武陟县"][5:] == ["16.3", "-8.8", "25.0", "-8.8"]
    assert rows["温县"][5:] == ["36.7", "+11.7", "25.0", "+11.7"]
    assert rows["合计"][5:] == ["23.6", "-1.4", "25.0", "-1.4"]
    assert rows["解放区"][5:] == ["—", "—", "—", "—"]  # no key project, no curve


def test_a_projects_own_curve_moves_its_units_columns(world):
    """武陟装备's own curve 100, 200, 300 for the first quarter puts 600 + 500 = 1,100 due by
    March (34.4%): 武陟县 is 18.1 points behind it, still 8.8 behind time progress."""
    months = [100, 200, 300, 100, 100, 100, 50, 50, 50, 50, 50, 50]
    MonthlyPlan.objects.bulk_create(
        MonthlyPlan(
            project=world.projects["武陟装备"], year=2025, month=m, planned_investment=Decimal(a)
        )
        for m, a in enumerate(months, start=1)
    )
    report = progress_report_for(world.city, 2025, 3, with_columns=True)

    assert _rows_by_unit(county_table_rows(report), 1)["武陟县"][5:] == [
        "16.3",
        "-8.8",
        "34.4",
        "-18.1",
    ]


def test_a_project_taken_off_the_list_keeps_its_curve_beside_its_plan(world):
    """温县食品 taken off on 20 February keeps its 800 plan in 温县's totals, so its 200 due by
    March stays in 温县's curve too: 450 due of 1,800 (25.0%), 400 + 150 = 550 done (30.6%),
    5.6 points ahead of both; 合计 1,250 due of 5,000, 1,070 done (21.4%), 3.6 behind."""
    remove_from_key_list(
        KeyListEntry.objects.get(project=world.projects["温县食品"]),
        on=date(2025, 2, 20),
        reason="长期停工，无法按期建成",
        user=None,
        today=date(2025, 3, 1),
    )
    rows = _rows_by_unit(
        county_table_rows(progress_report_for(world.city, 2025, 3, with_columns=True)), 1
    )

    assert rows["温县"][5:] == ["30.6", "+5.6", "25.0", "+5.6"]
    assert rows["合计"][5:] == ["21.4", "-3.6", "25.0", "-3.6"]


def test_the_bulletin_page_shows_the_curve_in_its_ranking_table_and_says_it_once(
    client, closed_march
):
    client.force_login(closed_march.users["city"])
    page = client.get(reverse("bulletin", args=[2025, 3])).content.decode()

    main_table = page.split("</table>")[0]
    assert "序时进度" in main_table and "较序时进度" in main_table
    row = r"<tr>(?:(?!</tr>).)*温县(?:(?!</tr>).)*</tr>"
    wenxian = re.search(row, main_table, re.DOTALL).group(0)
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", wenxian)
    assert cells[5:9] == ["36.7%", "+11.7", "25.0%", "+11.7"]
    assert "计划曲线序时进度" not in page  # no separate section repeating the figures
    curve_sentence = (
        "全市重点项目1—3月完成投资占年度计划的23.6%，按时间进度（25.0%）计低于时间进度1.4个百分点；"
        "按各项目投资计划曲线，序时进度为25.0%，低于序时进度1.4个百分点。"
    )
    assert page.count(curve_sentence) == 1


def test_the_bulletin_sections_no_longer_repeat_the_curve(closed_march):
    headings = [s.heading for s in bulletin_sections(closed_march.city, 2025, 3)]
    assert "计划曲线序时进度" not in headings


def test_the_docx_and_the_xlsx_carry_the_same_curve_columns(client, closed_march):
    client.force_login(closed_march.users["city"])

    def download(extension: str) -> io.BytesIO:
        response = client.get(reverse("bulletin_file", args=[2025, 3, extension]))
        assert response.status_code == 200
        return io.BytesIO(b"".join(response.streaming_content))

    document = Document(download("docx"))
    table = body_tables(document)[0]
    header, *rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert header[7:9] == CURVE_HEADERS
    assert _rows_by_unit(rows, 1)["温县"][5:9] == ["36.7", "+11.7", "25.0", "+11.7"]
    assert _rows_by_unit(rows, 1)["合计"][5:9] == ["23.6", "-1.4", "25.0", "-1.4"]
    texts = [p.text for p in document.paragraphs]
    assert sum("按各项目投资计划曲线，序时进度为25.0%" in text for text in texts) == 1

    workbook = load_workbook(download("xlsx"))
    assert "计划曲线序时进度" not in workbook.sheetnames
    sheet = workbook["县区汇总"]
    headers = [cell.value for cell in sheet[3]]
    at = headers.index(CURVE_HEADERS[0])
    assert headers[at + 1] == CURVE_HEADERS[1]
    by_unit = {row[1]: row for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert by_unit["温县"][at : at + 2] == (0.25, 11.7)
    assert by_unit["武陟县"][at : at + 2] == (0.25, -8.8)  # −8.75 exact, rounded once
    assert sheet.cell(4, at + 1).number_format == "0.0%"
    assert sheet.cell(4, at + 2).number_format == "+0.0;-0.0;0.0"


def test_the_wider_ranking_table_prints_within_the_text_area(closed_march, tmp_path):
    report = progress_report_for(closed_march.city, 2025, 3, with_changes=True, with_columns=True)
    pages = pdf_pages(docx_to_pdf(bulletin_docx(report, HEAD, "焦作市")), tmp_path)

    assert_official_pages(pages, HEAD.number)
    text = "".join(page.text for page in pages)
    # the header wraps in its narrow column (较序时/进度, documents.tables); the row carries both
    # gaps: 较时间进度 and 较序时进度 −8.8 for 武陟县
    assert "较序时" in text
    wuzhi = next(line for line in text.splitlines() if "武陟县" in line and "25.0" in line)
    assert wuzhi.split()[-3:] == ["-8.8", "25.0", "-8.8"]


def test_the_json_report_carries_the_curve_columns_with_the_pages_keys(world):
    """progress-report --format json: each row has the page's 序时进度 and 较序时进度 under the
    keys the project page uses for them (curve_progress, vs_curve), beside completion_rate."""
    output = io.StringIO()
    call_command("progress-report", "--year", "2025", "--month", "3", "--format", "json",
                 stdout=output)  # fmt: skip
    report = json.loads(output.getvalue())

    regions = {row["region"]: row for row in report["regions"]}
    assert report["added_columns"] == [
        {"key": "curve_progress", "header": "序时进度（%）"},
        {"key": "vs_curve", "header": "较序时进度（个百分点）"},
    ]
    wuzhi = regions["武陟县"]
    assert (wuzhi["completion_rate"], wuzhi["curve_progress"], wuzhi["vs_curve"]) == (
        "16.3",
        "25.0",
        "-8.8",  # −8.75 exact, rounded once
    )
    assert (regions["温县"]["curve_progress"], regions["温县"]["vs_curve"]) == ("25.0", "11.7")
    assert (report["total"]["curve_progress"], report["total"]["vs_curve"]) == ("25.0", "-1.4")
    assert (regions["解放区"]["curve_progress"], regions["解放区"]["vs_curve"]) == (None, None)
    assert any(sentence.startswith("按各项目投资计划曲线") or "序时进度为" in sentence
               for sentence in report["added_sentences"])  # fmt: skip


def test_a_completion_exactly_on_its_curve_is_said_to_meet_it_not_to_be_level():
    # Tryout 12: 与序时进度持平 reads as "unchanged"; the indicator targets say 完成序时进度.
    on_curve = CurveStanding(
        completion_rate=Decimal("40.0"),
        time_progress=Decimal("41.7"),
        vs_time_progress=Decimal("-1.7"),
        curve_progress=Decimal("40.0"),
        vs_curve=Decimal("0.0"),
    )
    assert curve_sentence(on_curve, 5).endswith("序时进度为40.0%，完成序时进度。")
    ahead = replace(on_curve, curve_progress=Decimal("37.2"), vs_curve=Decimal("2.8"))
    assert curve_sentence(ahead, 5).endswith("序时进度为37.2%，超序时进度2.8个百分点。")
