"""A figure typed in 元 under a 万元 header is named by the number typed and what it would be in
元 (tryout 25 [9]: 「单元格F6为150000000万元（折合150000000万元）」 said one figure twice)."""

from guanmo.ledger.services import import_ledger
from tests.ledger.sheets import ledger_xlsx
from tests.ledger.test_tryout_kinds import faults


def test_a_total_typed_in_yuan_says_what_it_would_be_in_yuan(city):
    sheet = ledger_xlsx(
        [1, "甲项目", None, "武陟县", None, "续建", None, 120000, 30000],
        [2, "乙项目", None, "温县", None, "续建", None, 150000000, 20000],
        [3, "丙项目", None, "孟州市", None, "续建", None, 70000, 15000],
    )

    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report)[0] == (
        "第5行「总投资」：单元格H5为150000000，按万元读取超过1000亿元，是本列中位数120000万元的"
        "1250倍，疑为以元填报，若为元则折合15000万元；请核对单位后再导入"
    )


def test_a_column_in_yi_keeps_its_figure_in_wan(city):
    header = ["序号", "项目名称", "所在县区", "总投资（亿元）"]
    sheet = ledger_xlsx([1, "甲项目", "武陟县", 12], [2, "乙项目", "温县", 125000], header=header)

    report = import_ledger(sheet, city=city, year=2025)

    assert "单元格D5为125000亿元（折合1250000000万元），超过1000亿元" in faults(report)[0]
