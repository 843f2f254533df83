"""The header set 1—5月累计 | 6月完成 | 1—6月累计: the earlier cumulative is the month before's,
read and checked (1—5月 + 6月 = 1—6月, else the row is refused), and the period comes from the
headers, which must agree with the import's month (issue 9, fresh-eyes tryout fault 5)."""

from decimal import Decimal
from io import BytesIO

from guanmo.ledger.models import MonthlyProgress
from guanmo.ledger.services import import_progress
from tests.ledger.sheets import xlsx
from tests.ledger.test_tryout_kinds import faults, month_figures, two_projects
from tests.sheets.files import Drawn, to_xls

HEADER = ["项目名称", "所在县区", "1—5月累计（万元）", "6月完成（万元）", "1—6月累计（万元）"]


def test_the_three_columns_are_read_and_agree(city):
    two_projects(city)
    sheet = xlsx(
        [
            HEADER,
            ["沁阳市铝精深加工", "沁阳市", 500, 100, 600],
            ["修武县云台山康养小镇", "修武县", 0, 80, 80],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=6)
    assert faults(report) == []
    assert month_figures(6) == {
        "沁阳市铝精深加工": (Decimal(100), Decimal(600)),
        "修武县云台山康养小镇": (Decimal(80), Decimal(80)),
    }
    assert not [note for note in report.notes if "不符" in note or "未读取" in note]


def test_three_columns_that_do_not_add_up_are_refused_naming_the_row(city):
    two_projects(city)
    sheet = xlsx([HEADER, ["沁阳市铝精深加工", "沁阳市", 500, 50, 600]])
    report = import_progress(sheet, city=city, year=2025, month=6)
    assert faults(report) == [
        "第2行「累计完成投资」：「1—6月累计（万元）」600万元不等于「1—5月累计（万元）」500万元加"
        "「6月完成（万元）」50万元（550万元），未导入"
    ]
    assert not MonthlyProgress.objects.exists()


def test_the_headers_period_must_be_the_import_month(city):
    two_projects(city)
    sheet = xlsx([HEADER, ["沁阳市铝精深加工", "沁阳市", 500, 100, 600]])
    report = import_progress(sheet, city=city, year=2025, month=7)
    assert report.faults and all("与导入的" in str(fault) for fault in report.faults)
    assert not MonthlyProgress.objects.exists()


def test_a_two_row_header_without_a_month_column_derives_the_month_and_says_so(city):
    two_projects(city)
    drawn = Drawn(
        [
            ["项目名称", "所在县区", "1—5月累计", "1—6月累计"],
            [None, None, "完成投资", "完成投资"],
            ["沁阳市铝精深加工", "沁阳市", 500, 640],
        ],
        merged=[(1, 0, 2, 0), (1, 1, 2, 1)],
    )
    report = import_progress(BytesIO(to_xls(drawn)), city=city, year=2025, month=6)
    assert faults(report) == []
    assert month_figures(6) == {"沁阳市铝精深加工": (Decimal(140), Decimal(640))}
    assert (
        "工作表「台账」第3行「沁阳市铝精深加工」：表中没有本月完成投资列，本月完成投资按1—6月累计640万元"
        "减5月累计500万元算出140万元"
    ) in report.notes


def test_the_month_before_beside_a_month_naming_the_import_month_gives_the_cumulative(city):
    two_projects(city)
    sheet = xlsx([HEADER[:4], ["沁阳市铝精深加工", "沁阳市", 500, 100]])
    report = import_progress(sheet, city=city, year=2025, month=6)
    assert faults(report) == []
    assert month_figures(6) == {"沁阳市铝精深加工": (Decimal(100), Decimal(600))}


def test_the_month_before_beside_an_unnamed_month_alone_is_another_period(city):
    # A May sheet (1—5月累计 | 本月) imported as June would add May's month to May's cumulative.
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "1—5月累计", "本月完成"],
            ["沁阳市铝精深加工", "沁阳市", 500, 100],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=6)
    assert faults(report) == ["第1行「1—5月累计」：表头写明1-5月，与导入的1-6月不符"]
    assert not MonthlyProgress.objects.exists()
