"""An import never overwrites a stored figure with a value it could not read (issue 9 §5):
Excel error values stop the import naming the cell; a blank figure keeps the stored one."""

from decimal import Decimal
from io import BytesIO

import xlwt
from openpyxl import Workbook

from guanmo.ledger.models import AnnualPlan, MonthlyProgress, Project
from guanmo.ledger.services import import_ledger, import_progress
from tests.ledger.sheets import (
    LEDGER_HEADER,
    PROGRESS_HEADER,
    PROGRESS_UNIT_ASSUMED,
    ledger_xlsx,
    progress_xlsx,
    xlsx,
)

ERROR = object()  # stands for an Excel error value in the rows given to the writers below


def _with_errors(rows) -> tuple[list[list[object]], list[tuple[int, int]]]:
    cells = []
    plain = []
    for r, row in enumerate(rows):
        plain.append([None if value is ERROR else value for value in row])
        cells += [(r, c) for c, value in enumerate(row) if value is ERROR]
    return plain, cells


def xlsx_with_error(rows, error: str = "#VALUE!") -> BytesIO:
    """An .xlsx whose ERROR cells hold an Excel error value (type "e"), as Excel saves them."""
    plain, cells = _with_errors(rows)
    workbook = Workbook()
    sheet = workbook.active
    for row in plain:
        sheet.append(row)
    for r, c in cells:
        cell = sheet.cell(row=r + 1, column=c + 1)
        cell.value = error
        cell.data_type = "e"
    file = BytesIO()
    workbook.save(file)
    file.seek(0)
    return file


def xls_with_error(rows, error: str = "#VALUE!") -> BytesIO:
    """The same in the old .xls format: the ERROR cells are BIFF error cells."""
    plain, cells = _with_errors(rows)
    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("Sheet1")
    for r, row in enumerate(plain):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    for r, c in cells:
        sheet.row(r).set_cell_error(c, error)
    file = BytesIO()
    workbook.save(file)
    file.seek(0)
    return file


def _ledger_rows(*rows):
    return [["2025年焦作市重点项目台账"], ["单位：万元"], LEDGER_HEADER, *rows]


FIRST = [1, "甲项目", None, "武陟县", None, "续建", None, 125000, 3000]
SECOND = [2, "乙项目", None, "温县", None, "续建", None, 33000, 1200]


def _stored_totals() -> dict[str, Decimal]:
    return dict(Project.objects.values_list("name", "total_investment"))


def test_an_error_value_in_total_investment_stops_the_ledger_import(city):
    import_ledger(ledger_xlsx(FIRST, SECOND), city=city, year=2025)
    for writer, error in ((xlsx_with_error, "#VALUE!"), (xls_with_error, "#REF!")):
        sheet = writer(_ledger_rows([*FIRST[:7], ERROR, 3000], SECOND), error)
        report = import_ledger(sheet, city=city, year=2025)
        assert not report.ok
        assert [str(fault) for fault in report.faults] == [
            f"第4行「总投资」：列H「总投资」单元格是错误值 {error}，无法读取"
        ]
        assert _stored_totals() == {"甲项目": Decimal(125000), "乙项目": Decimal(33000)}


def test_a_blank_total_investment_keeps_the_stored_figure_with_a_note(city):
    import_ledger(ledger_xlsx(FIRST, SECOND), city=city, year=2025)
    report = import_ledger(
        ledger_xlsx([*FIRST[:7], None, 3000], [*SECOND[:7], "—", 1500]), city=city, year=2025
    )
    assert report.ok
    assert _stored_totals() == {"甲项目": Decimal(125000), "乙项目": Decimal(33000)}
    assert report.notes == [
        "工作表「Sheet1」第4行列H「总投资」未填写，保留台账中已有的125000万元",
        "工作表「Sheet1」第5行列H「总投资」未填写，保留台账中已有的33000万元",
    ]
    assert AnnualPlan.objects.get(project__name="乙项目").planned_investment == Decimal(1500)


def test_a_new_project_needs_its_total_investment(city):
    report = import_ledger(ledger_xlsx([*FIRST[:7], None, 3000]), city=city, year=2025)
    assert [str(fault) for fault in report.faults] == ["第4行「总投资」：不能为空"]
    assert not Project.objects.exists()


def _progress(name: str, month: int) -> tuple[Decimal, Decimal]:
    return (
        MonthlyProgress.objects.filter(project__name=name, year=2025, month=month)
        .values_list("completed_this_month", "cumulative_completed")
        .get()
    )


def _progress_rows(*rows):
    return [["2025年重点项目进展情况"], PROGRESS_HEADER, *rows]


def test_an_error_value_in_a_progress_figure_stops_the_import(city):
    import_ledger(ledger_xlsx(FIRST), city=city, year=2025)
    _report(city, 3000, 25000)
    cases = (
        (xlsx_with_error, "#N/A", [1, "甲项目", "武陟县", ERROR, 25000, ""], "本月完成投资", "D"),
        (xlsx_with_error, "#REF!", [1, "甲项目", "武陟县", 3000, ERROR, ""], "累计完成投资", "E"),
        (xls_with_error, "#DIV/0!", [1, "甲项目", "武陟县", ERROR, 25000, ""], "本月完成投资", "D"),
    )
    for writer, error, row, column, letter in cases:
        report = import_progress(writer(_progress_rows(row), error), city=city, year=2025, month=7)
        assert [str(fault) for fault in report.faults] == [  # the cell named (tryout 20 F5)
            f"第3行「{column}」：列{letter}「{column}」单元格是错误值 {error}，无法读取"
        ]
        assert _progress("甲项目", 7) == (Decimal(3000), Decimal(25000))


def _report(city, this_month, cumulative, month=7):
    """Load 甲项目's progress for `month` of 2025 from a sheet holding the two figures."""
    sheet = progress_xlsx([1, "甲项目", "武陟县", this_month, cumulative, ""])
    return import_progress(sheet, city=city, year=2025, month=month)


def test_a_blank_cumulative_never_replaces_the_months_stored_figures(city):
    import_ledger(ledger_xlsx(FIRST), city=city, year=2025)
    _report(city, 3000, 25000)
    for blank in (None, "—"):
        report = _report(city, 3000, blank)
        assert not report.ok
        assert [str(fault) for fault in report.faults] == [
            "第3行「累计完成投资」：未填写；7月已存累计25000万元，"
            "由本月完成推算为3000万元，与之不符，未导入（请填写累计完成投资）"
        ]
        assert _progress("甲项目", 7) == (Decimal(3000), Decimal(25000))


def test_a_blank_month_figure_never_replaces_the_months_stored_figures(city):
    import_ledger(ledger_xlsx(FIRST), city=city, year=2025)
    _report(city, 3000, 25000)
    report = _report(city, None, 26000)
    assert [str(fault) for fault in report.faults] == [
        "第3行「本月完成投资」：未填写；7月已存本月完成3000万元，"
        "由累计推算为26000万元，与之不符，未导入（请填写本月完成投资）"
    ]
    assert _progress("甲项目", 7) == (Decimal(3000), Decimal(25000))


def test_a_blank_figure_that_derives_the_stored_one_is_accepted(city):
    import_ledger(ledger_xlsx(FIRST), city=city, year=2025)
    _report(city, 3000, 3000, month=1)
    report = _report(city, 3000, None, month=1)
    assert report.ok
    assert _progress("甲项目", 1) == (Decimal(3000), Decimal(3000))


def test_a_month_only_sheet_says_earlier_months_are_taken_as_nothing(city):
    import_ledger(ledger_xlsx(FIRST), city=city, year=2025)
    report = _report(city, 700, None)
    assert report.ok
    assert report.notes == [
        PROGRESS_UNIT_ASSUMED,
        "工作表「Sheet1」第3行「甲项目」：2025年1—6月未报送完成投资，累计按此前为0算出（1—7月累计700万元）",
    ]
    assert _progress("甲项目", 7) == (Decimal(700), Decimal(700))


def test_a_cell_error_and_an_unreadable_figure_name_the_column_letter_and_header(city):
    """Tryout 20 F5: #REF! and "2,1000" were named by field alone, not by column and header."""
    import_ledger(ledger_xlsx(FIRST, SECOND), city=city, year=2025)
    sheet = xlsx(
        [
            ["序号", "项目名称", "县区", "1—4月累计（万元）", "4月完成（万元）"],
            [1, "甲项目", "武陟县", 13000, "#REF!"],
            [2, "乙项目", "温县", "2,1000", 1000],
        ],
        title="4月",
    )
    report = import_progress(sheet, city=city, year=2025, month=4)
    assert report.fault_lines == [
        "工作表「4月」第2行「本月完成投资」：列E「4月完成（万元）」单元格是错误值 #REF!，无法读取",
        "工作表「4月」第3行「累计完成投资」：列D「1—4月累计（万元）」无法确定「2,1000」的写法："
        "逗号只能作千位分隔（如1,234.5），小数请用小数点",
    ]
