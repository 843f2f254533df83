"""万元 are kept to four places (one yuan): a figure typed finer cannot be stored exactly and is
refused naming its cell, never rounded silently; a float artefact of Excel's binary numbers
(12.300000000000001 for 12.3) is what the cell shows, and reads as it (issue 9, fresh-eyes
tryout fault 6)."""

from decimal import Decimal
from io import BytesIO

from guanmo.ledger.models import MonthlyProgress
from guanmo.ledger.services import import_progress
from tests.ledger.sheets import xlsx
from tests.ledger.test_tryout_kinds import faults, month_figures, two_projects
from tests.sheets.files import Drawn, to_csv, to_xls

MAY = ["项目名称", "所在县区", "本月完成投资（万元）", "1—5月累计完成投资（万元）"]


def test_a_figure_typed_finer_than_one_yuan_is_refused_naming_the_cell(city):
    two_projects(city)
    sheet = xlsx([MAY, ["沁阳市铝精深加工", "沁阳市", 100.123456, 500]])
    report = import_progress(sheet, city=city, year=2025, month=5)
    assert faults(report) == [
        "第2行「本月完成投资」：单元格C2为100.123456万元超过4位小数（不足1元），台账只能保存到元；"
        "请核对后按元取整填写"
    ]
    drawn = Drawn([MAY, ["沁阳市铝精深加工", "沁阳市", "100", "500.12345"]])
    report = import_progress(BytesIO(to_csv(drawn, "gbk")), city=city, year=2025, month=5)
    assert faults(report) == [
        "第2行「累计完成投资」：单元格D2为500.12345万元超过4位小数（不足1元），台账只能保存到元；"
        "请核对后按元取整填写"
    ]
    assert not MonthlyProgress.objects.exists()


def test_a_figure_in_yi_finer_than_one_yuan_is_refused_with_its_conversion(city):
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "本月完成投资（亿元）", "1—5月累计完成投资（亿元）"],
            ["沁阳市铝精深加工", "沁阳市", 0.01, "0.123456789"],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=5)
    assert faults(report) == [
        "第2行「累计完成投资」：单元格D2为0.123456789亿元换算为1234.56789万元，超过4位小数（不足1元），"
        "台账只能保存到元；请核对后按元取整填写"
    ]


def test_float_artefacts_of_excel_binary_numbers_read_as_the_figure_shown(city):
    two_projects(city)
    drawn = Drawn(
        [
            MAY,
            ["沁阳市铝精深加工", "沁阳市", 0.1 + 0.2, 12.300000000001],
            ["修武县云台山康养小镇", "修武县", 1.1 * 3, 3.3000000000000003],
        ]
    )
    for file in (BytesIO(to_xls(drawn)), xlsx(drawn.rows)):
        # 0.3万元 is under a ten-thousandth of its 9000万元 plan: confirmed (tryout 20 F1)
        report = import_progress(file, city=city, year=2025, month=5, confirm_changes=True)
        assert faults(report) == []
        assert month_figures(5) == {
            "沁阳市铝精深加工": (Decimal("0.3"), Decimal("12.3")),
            "修武县云台山康养小镇": (Decimal("3.3"), Decimal("3.3")),
        }


def test_a_formula_quotient_in_yi_is_refused_naming_its_cell_and_cut(city):
    """Tryout 14 L5: =10/3 in a 亿元 column quoted as 3.3333333333333335, with no cell."""
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "本月完成投资（亿元）", "1—5月累计完成投资（亿元）"],
            ["沁阳市铝精深加工", "沁阳市", 10 / 3, 4],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=5)
    assert faults(report) == [
        "第2行「本月完成投资」：单元格C2为3.3333…亿元换算为33333.3333…万元，超过4位小数"
        "（不足1元；是除不尽的数，多为公式计算结果，以亿元填写最多8位小数），"
        "台账只能保存到元；请核对后按元取整填写（如用 ROUND 函数取整）"
    ]
