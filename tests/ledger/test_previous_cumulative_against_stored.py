"""A sheet's 截至上月累计 is checked against the month before as stored: differing, the row is
refused naming the cell and both figures (as 本月 + stored ≠ 累计 is, commit 6433f48); agreeing,
it is stored; with no month before stored, the sheet's figure starts the month, noted (issue 9)."""

from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook, load_workbook

from guanmo.ledger.models import MonthlyProgress
from guanmo.ledger.services import import_ledger, import_progress
from tests.ledger.sheets import ledger_xlsx

HEADER = ["项目名称", "所在县区", "截至上月累计完成投资（万元）", "本月完成投资（万元）"]


def workbook(*rows) -> BytesIO:
    """An .xlsx sheet 「进度」 with HEADER and `rows`, written and read back."""
    book = Workbook()
    book.active.title = "进度"
    book.active.append(HEADER)
    for row in rows:
        book.active.append(list(row))
    sheet = BytesIO()
    book.save(sheet)
    sheet.seek(0)
    assert load_workbook(sheet).active["C1"].value == HEADER[2]
    sheet.seek(0)
    return sheet


def setup(city, november=None):
    import_ledger(
        ledger_xlsx([1, "乙项目", None, "温县", None, "续建", None, 5000, 3000]),
        city=city,
        year=2025,
    )
    if november is not None:
        report = import_progress(
            workbook(["乙项目", "温县", november - 100, 100]), city=city, year=2025, month=11
        )
        assert report.ok, report.faults


def december(city, month_before, this_month):
    sheet = workbook(["乙项目", "温县", month_before, this_month])
    return import_progress(sheet, city=city, year=2025, month=12)


def stored(month):
    return MonthlyProgress.objects.filter(project__name="乙项目", year=2025, month=month)


def test_a_month_before_differing_from_the_stored_one_is_refused_naming_the_cell(city):
    setup(city, november=2000)
    report = import_progress(
        workbook(["乙项目", "温县", 2100, 300]), city=city, year=2025, month=12
    )
    assert [fault.message for fault in report.faults] == [
        "工作表「进度」第2行列C「截至上月累计完成投资（万元）」2100万元，与已报的11月累计2000万元"
        "不符，未导入（核对上月数据：如上月数据有误，请先更正上月报表；如本表有误请改正后再导入）"
    ]
    assert not stored(12).exists()


def test_a_month_before_agreeing_with_the_stored_one_is_stored(city):
    setup(city, november=2000)
    report = import_progress(
        workbook(["乙项目", "温县", 2000, 300]), city=city, year=2025, month=12
    )
    assert report.faults == []
    assert stored(12).values_list("completed_this_month", "cumulative_completed").get() == (
        Decimal(300),
        Decimal(2300),
    )


def test_with_no_month_before_stored_the_sheet_s_figure_starts_the_month_noted(city):
    setup(city)
    report = import_progress(
        workbook(["乙项目", "温县", 2000, 300]), city=city, year=2025, month=12
    )
    assert report.faults == []
    assert stored(12).values_list("completed_this_month", "cumulative_completed").get() == (
        Decimal(300),
        Decimal(2300),
    )
    assert (
        "工作表「进度」第2行列C「截至上月累计完成投资（万元）」：尚无已报的11月累计，"
        "按表中1—11月累计2000万元起算"
    ) in report.notes
