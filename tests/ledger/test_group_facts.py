"""Words of a merged group cell, a unit outside the units line and a period outside the
header are facts of the columns under them (issue 9 §3), in .xlsx and .xls alike; each test
rebuilds a kind the second new-user tryout found stored as silent wrong figures."""

from decimal import Decimal
from io import BytesIO

import pytest

from guanmo.ledger.models import AnnualPlan, MonthlyProgress, Project
from guanmo.ledger.services import import_ledger, import_progress
from tests.sheets.files import Drawn, to_xls, to_xlsx

WRITERS = {"xlsx": to_xlsx, "xls": to_xls}


def workbook(kind: str, rows: list[list[object]], merged=(), name: str = "台账") -> BytesIO:
    return BytesIO(WRITERS[kind](Drawn(rows=rows, name=name, merged=list(merged))))


@pytest.fixture
def ledger(city):
    sheet = workbook(
        "xlsx",
        [["项目名称", "所在县区", "总投资", "2025年计划投资"], ["甲项目", "武陟县", 50000, 10000]],
    )
    assert import_ledger(sheet, city=city, year=2025).faults == []
    return city


def progress(name: str = "甲项目", month: int = 7) -> MonthlyProgress:
    return MonthlyProgress.objects.get(project__name=name, month=month)


@pytest.mark.parametrize("kind", WRITERS)
@pytest.mark.parametrize("last_year", ["上年同期", "去年同期"])
def test_a_last_year_group_before_this_years_is_never_read_as_this_years(ledger, kind, last_year):
    # 上年同期[本月完成投资|累计完成投资] then 本年[本月|累计]: last year's figures were stored.
    rows = [
        ["项目名称", "所在县区", last_year, None, "本年", None],
        [None, None, "本月完成投资", "累计完成投资", "本月完成投资", "累计完成投资"],
        ["甲项目", "武陟县", 1000, 8800, 900, 6070],
    ]
    merged = [(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 1, 3), (1, 4, 1, 5)]
    report = import_progress(workbook(kind, rows, merged), city=ledger, year=2025, month=7)
    assert report.faults == []
    assert progress().completed_this_month == 900
    assert progress().cumulative_completed == 6070
    note = f"工作表「台账」「{last_year}／累计完成投资」写明{last_year}，不是2025年的数，未读取"
    assert note in report.notes


@pytest.mark.parametrize("kind", WRITERS)
def test_of_two_year_groups_the_imports_year_is_taken_wherever_it_stands(ledger, kind):
    # 2024年1—7月[累计] then 2025年1—7月[本月|累计]: the 2024 cumulative was taken.
    rows = [
        ["项目名称", "所在县区", "2024年1—7月", "2025年1—7月", None],
        [None, None, "累计完成投资", "本月完成投资", "累计完成投资"],
        ["甲项目", "武陟县", 8800, 900, 6070],
    ]
    merged = [(1, 0, 2, 0), (1, 1, 2, 1), (1, 3, 1, 4)]
    report = import_progress(workbook(kind, rows, merged), city=ledger, year=2025, month=7)
    assert report.faults == []
    assert progress().cumulative_completed == 6070


@pytest.mark.parametrize("kind", WRITERS)
def test_a_plan_under_another_years_group_is_never_this_years_plan(city, kind):
    rows = [
        ["项目名称", "所在县区", "总投资", "2024年", None, "2025年"],
        [None, None, None, "计划投资", "完成投资", "计划投资"],
        ["甲项目", "武陟县", 50000, 9000, 8800, 12000],
    ]
    merged = [(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 1, 4)]
    report = import_ledger(workbook(kind, rows, merged), city=city, year=2025)
    assert report.faults == []
    assert AnnualPlan.objects.get().planned_investment == 12000


@pytest.mark.parametrize("kind", WRITERS)
def test_a_plan_under_only_another_years_group_leaves_the_plan_unset(city, kind):
    rows = [
        ["项目名称", "所在县区", "总投资", "2024年", None],
        [None, None, None, "计划投资", "完成投资"],
        ["甲项目", "武陟县", 50000, 9000, 8800],
    ]
    merged = [(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 1, 4)]
    report = import_ledger(workbook(kind, rows, merged), city=city, year=2025)
    assert report.faults == []
    assert not AnnualPlan.objects.exists()


@pytest.mark.parametrize("kind", WRITERS)
def test_two_columns_for_one_field_that_nothing_tells_apart_stop_the_import(ledger, kind):
    rows = [
        ["项目名称", "所在县区", "甲组", None, "乙组", None],
        [None, None, "本月完成投资", "累计完成投资", "本月完成投资", "累计完成投资"],
        ["甲项目", "武陟县", 1000, 8800, 900, 6070],
    ]
    merged = [(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 1, 3), (1, 4, 1, 5)]
    report = import_progress(workbook(kind, rows, merged), city=ledger, year=2025, month=7)
    faults = [str(fault) for fault in report.faults]
    assert any("C2" in fault and "E2" in fault and "本月完成投资" in fault for fault in faults)
    assert any("D2" in fault and "F2" in fault and "累计完成投资" in fault for fault in faults)
    assert not MonthlyProgress.objects.exists()


LEDGER_ROW = ["甲项目", "孟州市", "续建", 2.5, 0.8]


@pytest.mark.parametrize("kind", WRITERS)
def test_a_unit_in_the_first_header_cells_parenthesis_is_the_sheets_unit(city, kind):
    rows = [
        ["序号（单位：亿元）", "项目名称", "所在县区", "建设性质", "总投资", "年度计划投资"],
        [1, *LEDGER_ROW],
    ]
    report = import_ledger(workbook(kind, rows), city=city, year=2025)
    assert report.faults == []
    assert Project.objects.get().total_investment == Decimal(25000)
    assert AnnualPlan.objects.get().planned_investment == Decimal(8000)


@pytest.mark.parametrize("kind", WRITERS)
def test_a_unit_in_a_note_under_the_table_is_the_sheets_unit(city, kind):
    rows = [
        ["项目名称", "所在县区", "建设性质", "总投资", "年度计划投资"],
        LEDGER_ROW,
        ["注：表中金额单位为亿元"],
    ]
    report = import_ledger(workbook(kind, rows), city=city, year=2025)
    assert report.faults == []
    assert Project.objects.get().total_investment == Decimal(25000)


@pytest.mark.parametrize("kind", WRITERS)
def test_units_stated_in_two_places_that_disagree_stop_the_import_naming_both(city, kind):
    rows = [
        ["单位：万元"],
        ["项目名称", "所在县区", "建设性质", "总投资", "年度计划投资"],
        LEDGER_ROW,
        ["说明：金额单位为亿元"],
    ]
    report = import_ledger(workbook(kind, rows), city=city, year=2025)
    faults = [str(fault) for fault in report.faults]
    assert any("单位：万元" in fault and "说明：金额单位为亿元" in fault for fault in faults)
    assert not Project.objects.exists()


PROGRESS_ROWS = [
    ["项目名称", "所在县区", "本月完成投资", "累计完成投资"],
    ["甲项目", "武陟县", 700, 4900],
]


@pytest.mark.parametrize("kind", WRITERS)
@pytest.mark.parametrize("title", ["2025年第二季度重点项目进展", "2025年二季度重点项目进展"])
def test_a_title_naming_an_earlier_quarter_stops_the_import(ledger, kind, title):
    report = import_progress(
        workbook(kind, [[title], *PROGRESS_ROWS]), city=ledger, year=2025, month=7
    )
    assert [str(fault) for fault in report.faults] == [
        f"第1行：标题「{title}」写明1-6月，与导入的1-7月不符"
    ]
    assert not MonthlyProgress.objects.exists()


@pytest.mark.parametrize("kind", WRITERS)
def test_a_title_naming_the_imports_quarter_is_accepted(ledger, kind):
    rows = [["2025年第二季度重点项目进展"], *PROGRESS_ROWS]
    report = import_progress(workbook(kind, rows), city=ledger, year=2025, month=6)
    assert report.faults == []


@pytest.mark.parametrize("kind", WRITERS)
@pytest.mark.parametrize("name", ["2025.06", "2025-06", "202506"])
def test_a_sheet_named_as_a_year_and_month_is_a_period(ledger, kind, name):
    report = import_progress(
        workbook(kind, PROGRESS_ROWS, name=name), city=ledger, year=2025, month=7
    )
    assert [str(fault) for fault in report.faults] == [
        f"工作表名「{name}」写明6月，与导入的7月不符"
    ]
    report = import_progress(
        workbook(kind, PROGRESS_ROWS, name=name), city=ledger, year=2025, month=6
    )
    assert report.faults == []


@pytest.mark.parametrize("kind", WRITERS)
def test_a_file_named_for_another_month_stops_the_import_naming_the_file(ledger, kind, tmp_path):
    path = tmp_path / f"6月进度.{kind}"
    path.write_bytes(WRITERS[kind](Drawn(rows=PROGRESS_ROWS)))
    report = import_progress(path, city=ledger, year=2025, month=7)
    assert [str(fault) for fault in report.faults] == [
        f"文件名「6月进度.{kind}」写明6月，与导入的7月不符"
    ]
    assert not MonthlyProgress.objects.exists()
    assert import_progress(path, city=ledger, year=2025, month=6).faults == []


def under_a_group(kind: str, group: str) -> BytesIO:
    """A month's sheet whose two figures stand under one merged group cell."""
    rows = [
        ["项目名称", "所在县区", group, None],
        [None, None, "本月完成投资", "累计完成投资"],
        ["甲项目", "武陟县", 900, 6070],
    ]
    return workbook(kind, rows, [(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 1, 3)])


@pytest.mark.parametrize("kind", WRITERS)
def test_a_period_in_a_group_cell_is_checked_against_the_imports_month(ledger, kind):
    report = import_progress(under_a_group(kind, "2025年1—6月"), city=ledger, year=2025, month=7)
    assert [str(fault) for fault in report.faults] == [
        "第2行「2025年1—6月／本月完成投资」：表头写明6月，与导入的7月不符",
        "第2行「2025年1—6月／累计完成投资」：表头写明1-6月，与导入的1-7月不符",
    ]
    report = import_progress(under_a_group(kind, "2025年1—6月"), city=ledger, year=2025, month=6)
    assert report.faults == []
    assert progress(month=6).cumulative_completed == 6070


@pytest.mark.parametrize("kind", WRITERS)
def test_a_month_group_over_the_cumulative_is_the_year_to_that_month(ledger, kind):
    report = import_progress(under_a_group(kind, "7月份"), city=ledger, year=2025, month=7)
    assert report.faults == []
    assert progress().cumulative_completed == 6070
