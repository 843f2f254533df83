"""A workbook keeping one sheet per month (10月 | 11月 | 12月) or per year: the import reads the
sheet of its own period, found by the sheet's name or title, and leaves the others out with a
note naming each; with no sheet of its period it stops naming the sheets and their periods
(issue 9, tryout 11 C)."""

from decimal import Decimal

from guanmo.ledger.services import import_ledger, import_progress
from tests.ledger.sheets import LEDGER_HEADER, PROGRESS_HEADER, xlsx
from tests.ledger.test_tryout_kinds import faults, ledger_figures, month_figures, two_projects


def month_sheet(month: int, this_month: int, cumulative: int) -> list[list[object]]:
    return [
        [f"2025年{month}月重点项目进展"],
        ["单位：万元"],
        PROGRESS_HEADER,
        [1, "沁阳市铝精深加工", "沁阳市", this_month, cumulative, "主体施工"],
    ]


def test_the_sheet_named_for_the_import_month_is_read_and_the_others_left_out(city):
    two_projects(city)
    workbook = xlsx(
        month_sheet(10, 100, 800),
        title="10月",
        more_sheets={"11月": month_sheet(11, 150, 950), "12月": month_sheet(12, 200, 1150)},
    )
    report = import_progress(workbook, city=city, year=2025, month=12)
    assert faults(report) == []
    assert report.sheets == ["12月"]
    assert month_figures(12) == {"沁阳市铝精深加工": (Decimal(200), Decimal(1150))}
    assert "工作表「10月」是10月的表（工作表名「10月」），本次导入12月，未导入" in report.notes
    assert "工作表「11月」是11月的表（工作表名「11月」），本次导入12月，未导入" in report.notes


def test_sheets_told_apart_by_their_titles_alone(city):
    """Sheet names that say nothing (Sheet1, Sheet2): the title names the month."""
    two_projects(city)
    workbook = xlsx(month_sheet(11, 150, 950), more_sheets={"Sheet2": month_sheet(12, 200, 1150)})
    report = import_progress(workbook, city=city, year=2025, month=12)
    assert faults(report) == []
    assert report.sheets == ["Sheet2"]
    assert month_figures(12) == {"沁阳市铝精深加工": (Decimal(200), Decimal(1150))}
    assert (
        "工作表「Sheet1」是11月的表（标题「2025年11月重点项目进展」），本次导入12月，未导入"
    ) in report.notes


def test_no_sheet_of_the_import_month_stops_naming_each_sheet_and_its_month(city):
    two_projects(city)
    workbook = xlsx(
        month_sheet(10, 100, 800), title="10月", more_sheets={"11月": month_sheet(11, 150, 950)}
    )
    report = import_progress(workbook, city=city, year=2025, month=12)
    assert (
        "工作簿中没有12月的工作表：工作表「10月」是10月的表，工作表「11月」是11月的表；"
        "请导入12月的表，或按表中的月份导入"
    ) in faults(report)
    assert month_figures(12) == {}


def test_a_ledger_workbook_keeping_last_years_sheet_reads_this_years(city):
    def year_sheet(year: int, total: int) -> list[list[object]]:
        header = [label.replace("2025年", f"{year}年") for label in LEDGER_HEADER]
        return [
            [f"{year}年焦作市重点项目台账"],
            ["单位：万元"],
            header,
            [1, "沁阳市铝精深加工", None, "沁阳市", None, "续建", None, total, 900],
        ]

    report = import_ledger(
        xlsx(
            year_sheet(2024, 30000), title="2024年", more_sheets={"2025年": year_sheet(2025, 33000)}
        ),
        city=city,
        year=2025,
    )
    assert faults(report) == []
    assert ledger_figures() == {"沁阳市铝精深加工": ("沁阳市", Decimal(33000), Decimal(900))}
    assert "工作表「2024年」是2024年的表（工作表名「2024年」），本次导入2025年，未导入" in (
        report.notes
    )
