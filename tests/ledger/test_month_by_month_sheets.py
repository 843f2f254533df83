"""A month-by-month progress sheet (one column per month, 1月 … 12月, sometimes with 合计):
本月 is the import month's column, the year's cumulative the sum of 1月 to it, checked against
the sheet's own total, and a figure in a later month is another period, refused by its cell
(issue 9, fresh-eyes tryout fault 4)."""

from decimal import Decimal
from io import BytesIO, StringIO

from django.core.management import call_command

from guanmo.ledger.models import MonthlyProgress
from guanmo.ledger.services import import_progress
from tests.ledger.sheets import xlsx
from tests.ledger.test_tryout_kinds import faults, month_figures, two_projects
from tests.sheets.files import Drawn, to_csv, to_xls

MONTHS = [f"{month}月" for month in range(1, 13)]
HEADER = ["序号", "项目名称", "所在县区", *MONTHS, "合计"]


def sheet(*rows):
    return xlsx([["单位：万元"], HEADER, *rows])


def test_the_import_months_column_is_the_month_and_the_sum_to_it_the_cumulative(city):
    two_projects(city)
    report = import_progress(
        sheet(
            [1, "沁阳市铝精深加工", "沁阳市", 100, 100, 100, 100, 100, 150, *[None] * 6, 650],
            [2, "修武县云台山康养小镇", "修武县", None, None, 200, 300, 0, 100, *[None] * 6, 600],
        ),
        city=city,
        year=2025,
        month=6,
    )
    assert faults(report) == []
    assert month_figures(6) == {
        "沁阳市铝精深加工": (Decimal(150), Decimal(650)),
        "修武县云台山康养小镇": (Decimal(100), Decimal(600)),
    }
    assert (
        "工作表「Sheet1」是逐月填报的表：本月完成投资取「6月」列，1—6月累计为1月至6月各列之和"
        "（空白的月份按0计），并与「合计」列核对"
    ) in report.notes


def test_a_figure_in_a_month_after_the_import_month_is_refused_by_its_cell(city):
    two_projects(city)
    report = import_progress(
        sheet(
            [1, "沁阳市铝精深加工", "沁阳市", 100, 100, 100, 100, 100, 150, 80, *[None] * 5, 730]
        ),
        city=city,
        year=2025,
        month=6,
    )
    assert "第3行「7月」：单元格J3填有7月的完成投资，晚于本次导入的6月，是另一时期的数，未导入" in (
        faults(report)
    )
    assert not MonthlyProgress.objects.exists()


def test_a_total_that_is_not_the_sum_of_the_months_is_refused_naming_the_row(city):
    two_projects(city)
    report = import_progress(
        sheet([1, "沁阳市铝精深加工", "沁阳市", 100, 100, 100, 100, 100, 150, *[None] * 6, 600]),
        city=city,
        year=2025,
        month=6,
    )
    assert faults(report) == [
        "第3行「累计完成投资」：「合计」600万元不等于「1—5月各月之和」500万元加「6月」150万元"
        "（650万元），未导入"
    ]


def test_an_xls_of_monthly_columns_without_a_total(city):
    two_projects(city)
    drawn = Drawn(
        [
            ["2025年重点项目逐月完成投资（万元）"],
            ["项目名称", "县区", *(f"{month}月份完成投资" for month in range(1, 13))],
            ["沁阳市铝精深加工", "沁阳市", 100, 200, 300, *[None] * 9],
        ]
    )
    report = import_progress(BytesIO(to_xls(drawn)), city=city, year=2025, month=3)
    assert faults(report) == []
    assert month_figures(3) == {"沁阳市铝精深加工": (Decimal(300), Decimal(600))}


def test_a_csv_read_on_the_command_line_prints_how_its_months_were_read(city, tmp_path):
    two_projects(city)
    drawn = Drawn(
        [
            ["项目名称", "县区", "1月", "2月", "3月", "4月", "5月", "6月", "累计"],
            ["沁阳市铝精深加工", "沁阳市", "100", "", "-20", "50", "", "", "130"],
        ]
    )
    path = tmp_path / "逐月.csv"
    path.write_bytes(to_csv(drawn, "gbk"))
    out = StringIO()
    call_command(
        "import-progress", str(path), "--year", "2025", "--month", "4", "--dry-run", stdout=out
    )
    assert (
        "文件「逐月.csv」是逐月填报的表：本月完成投资取「4月」列，1—4月累计为1月至4月各列之和"
        "（空白的月份按0计），并与「累计」列核对"
    ) in out.getvalue()
    assert not MonthlyProgress.objects.exists()
    call_command("import-progress", str(path), "--year", "2025", "--month", "4", stdout=out)
    assert month_figures(4) == {"沁阳市铝精深加工": (Decimal(50), Decimal(130))}


def test_a_month_by_month_sheet_without_the_import_months_column_is_refused(city):
    two_projects(city)
    report = import_progress(
        xlsx([["项目名称", "县区", "1月", "2月", "3月"], ["沁阳市铝精深加工", "沁阳市", 1, 2, 3]]),
        city=city,
        year=2025,
        month=6,
    )
    assert faults(report) == [
        "第1行：这是逐月填报的表（每月一列），但表头中没有6月的列，无法读取6月完成投资；"
        "请核对导入的月份"
    ]


def test_a_month_by_month_sheet_with_only_the_project_names_finds_its_projects_by_name(city):
    """Tryout 10, P07: "项目名称 | 1月份 | … | 4月份" with no county column was refused as having
    no header at all; the projects are found by their unique names and that is said."""
    two_projects(city)
    report = import_progress(
        xlsx(
            [
                ["2025年1—4月重点项目完成投资（单位：万元）"],
                ["项目名称", "1月份", "2月份", "3月份", "4月份"],
                ["修武县云台山康养小镇", 10, 20, None, 40],
                ["沁阳市铝精深加工", 5, 5, 5, 5],
            ],
            title="逐月",
        ),
        city=city,
        year=2025,
        month=4,
    )
    assert faults(report) == []
    assert month_figures(4) == {
        "修武县云台山康养小镇": (Decimal(40), Decimal(70)),
        "沁阳市铝精深加工": (Decimal(5), Decimal(20)),
    }
    assert (
        "工作表「逐月」第3、4行未填所在县区，按项目名称在台账中找到唯一的同名项目，"
        "县区取自台账（修武县、沁阳市）"
    ) in report.notes
