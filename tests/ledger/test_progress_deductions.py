"""核减: a month's figure below zero is a deduction the office made; it is read as typed and
stated by row, never refused with an unclear message and never clipped (issue 9, fresh-eyes
tryout fault 2). A cumulative below zero is still refused, and so is a cumulative below the one
stored for an earlier month while 本月 is not below zero (blank, 0 or positive: issue 9)."""

from decimal import Decimal
from io import BytesIO

from guanmo.ledger.models import MonthlyProgress
from guanmo.ledger.services import import_progress
from tests.ledger.sheets import xlsx
from tests.ledger.test_tryout_kinds import faults, month_figures, two_projects
from tests.sheets.files import Drawn, to_csv

MAY = ["项目名称", "所在县区", "本月完成投资（万元）", "1—5月累计完成投资（万元）"]


def load_april(city) -> None:
    two_projects(city)
    april = xlsx(
        [
            ["项目名称", "所在县区", "本月完成投资（万元）", "1—4月累计完成投资（万元）"],
            ["沁阳市铝精深加工", "沁阳市", 100, 400],
            ["修武县云台山康养小镇", "修武县", 200, 1000],
        ]
    )
    assert import_progress(april, city=city, year=2025, month=4).ok


def test_a_negative_month_is_a_deduction_read_and_stated_by_row(city):
    load_april(city)
    sheet = xlsx(
        [
            MAY,
            ["沁阳市铝精深加工", "沁阳市", -100, 300],
            ["修武县云台山康养小镇", "修武县", 150, 1150],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=5)
    assert faults(report) == []
    assert month_figures(5) == {
        "沁阳市铝精深加工": (Decimal(-100), Decimal(300)),
        "修武县云台山康养小镇": (Decimal(150), Decimal(1150)),
    }
    assert [note for note in report.notes if "核减" in note] == [
        "工作表「Sheet1」第2行「沁阳市铝精深加工」本月为负数（核减）：本月完成投资-100万元，"
        "1—5月累计300万元，比4月累计400万元减少100万元"
    ]


def test_a_cumulative_below_the_stored_one_with_the_month_blank_is_refused(city):
    """A 累计 falling with 本月 blank is no 核减 the office stated (a 核减 types 本月 below zero):
    refused naming both figures and the cells, as with 本月 positive (tryout 5, B24)."""
    load_april(city)
    drawn = Drawn([MAY, ["沁阳市铝精深加工", "沁阳市", None, "350"]])
    report = import_progress(BytesIO(to_csv(drawn, "gbk")), city=city, year=2025, month=5)
    assert faults(report) == [
        "第2行「累计完成投资」：累计350万元（D2），低于4月累计400万元，而本月完成投资未填写"
        "（C2），两数相互矛盾（核减时本月应填负数）"
    ]
    assert not MonthlyProgress.objects.filter(month=5).exists()


def test_a_cumulative_below_the_stored_one_with_the_month_zero_is_refused(city):
    load_april(city)
    sheet = xlsx([MAY, ["沁阳市铝精深加工", "沁阳市", 0, 350]])
    report = import_progress(sheet, city=city, year=2025, month=5)
    assert faults(report) == [
        "第2行「累计完成投资」：累计350万元（D2），低于4月累计400万元，而本月完成0万元（C2），"
        "两数相互矛盾（核减时本月应填负数）"
    ]
    assert not MonthlyProgress.objects.filter(month=5).exists()


def test_a_deduction_larger_than_the_cumulative_is_refused_saying_so(city):
    load_april(city)
    sheet = xlsx(
        [["项目名称", "所在县区", "本月完成投资（万元）"], ["沁阳市铝精深加工", "沁阳市", "-500"]]
    )
    report = import_progress(sheet, city=city, year=2025, month=5)
    assert faults(report) == [
        "第2行「本月完成投资」：本月核减500万元，超过4月累计400万元，累计将为负数（-100万元）"
    ]
    assert not MonthlyProgress.objects.filter(month=5).exists()


def test_a_negative_cumulative_is_refused(city):
    load_april(city)
    sheet = xlsx([MAY, ["沁阳市铝精深加工", "沁阳市", -100, -20]])
    report = import_progress(sheet, city=city, year=2025, month=5)
    assert faults(report) == ["第2行「累计完成投资」：不能为负数"]
