"""A progress sheet with no 本月 column: the month's figure is never the cumulative silently
(issue 9, fresh-eyes tryout fault 1). It is derived from the cumulative stored for an earlier
month, saying so by row; in January it is the cumulative, said once; with neither, the row is
refused naming the column, and nothing is stored."""

from decimal import Decimal
from io import BytesIO

from guanmo.ledger.models import MonthlyProgress
from guanmo.ledger.services import import_progress
from tests.ledger.sheets import xlsx
from tests.ledger.test_tryout_kinds import faults, month_figures, two_projects
from tests.sheets.files import Drawn, to_csv, to_xls

MAY = ["项目名称", "所在县区", "1—5月累计完成投资（万元）"]


def test_a_cumulative_alone_with_no_earlier_month_is_refused_not_taken_as_the_month(city):
    two_projects(city)
    sheet = xlsx([MAY, ["沁阳市铝精深加工", "沁阳市", 700]])
    report = import_progress(sheet, city=city, year=2025, month=5)
    assert faults(report) == [
        "第2行「本月完成投资」：表中没有本月完成投资列，此前月份也未报送累计完成投资，"
        "无法由1—5月累计700万元算出本月完成投资，未导入（请在表中填写本月完成投资，"
        "或先导入此前月份的进度）"
    ]
    assert not MonthlyProgress.objects.exists()


def test_a_cumulative_alone_gives_the_month_from_the_stored_one_and_says_so_by_row(city):
    two_projects(city)
    april = xlsx(
        [
            ["项目名称", "所在县区", "本月完成投资（万元）", "1—4月累计完成投资（万元）"],
            ["沁阳市铝精深加工", "沁阳市", 100, 400],
        ]
    )
    assert import_progress(april, city=city, year=2025, month=4).ok
    may = Drawn([MAY, ["沁阳市铝精深加工", "沁阳市", 700]])
    report = import_progress(BytesIO(to_xls(may)), city=city, year=2025, month=5)
    assert faults(report) == []
    assert month_figures(5) == {"沁阳市铝精深加工": (Decimal(300), Decimal(700))}
    assert (
        "工作表「台账」第2行「沁阳市铝精深加工」：表中没有本月完成投资列，本月完成投资按1—5月累计700万元"
        "减4月累计400万元算出300万元"
    ) in report.notes


def test_in_january_the_cumulative_is_the_month_and_the_report_says_so(city):
    two_projects(city)
    drawn = Drawn(
        [
            ["项目名称", "所在县区", "1月累计完成投资（万元）"],
            ["沁阳市铝精深加工", "沁阳市", "120"],
            ["修武县云台山康养小镇", "修武县", "300.5"],
        ],
        name="一月",
    )
    report = import_progress(BytesIO(to_csv(drawn, "utf-8-sig")), city=city, year=2025, month=1)
    assert faults(report) == []
    assert month_figures(1) == {
        "沁阳市铝精深加工": (Decimal(120), Decimal(120)),
        "修武县云台山康养小镇": (Decimal("300.5"), Decimal("300.5")),
    }
    assert [note for note in report.notes if "没有本月完成投资列" in note] == [
        "工作表「CSV」没有本月完成投资列，1月的本月完成投资即1月累计完成投资"
    ]


def test_in_january_a_since_start_sheet_says_the_month_is_the_years_cumulative(city):
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "至上年底累计完成投资（万元）", "开累完成投资（万元）"],
            ["沁阳市铝精深加工", "沁阳市", 8000, 8300],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=1)
    assert faults(report) == []
    assert month_figures(1) == {"沁阳市铝精深加工": (Decimal(300), Decimal(300))}
    assert "工作表「Sheet1」没有本月完成投资列，1月的本月完成投资即1月累计完成投资" in report.notes
