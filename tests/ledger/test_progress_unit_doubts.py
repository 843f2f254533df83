"""A progress sheet that writes no money unit is read in 万元; figures that cannot be 万元
against the project's stored annual plan or total investment are doubted (issue 9 §3, fresh-
eyes tryout fault 3): a whole column of them stops the import naming the column and rows, a
few are noted by row, and a sheet that writes its unit is taken at its word."""

from decimal import Decimal
from io import BytesIO

from guanmo.ledger.models import MonthlyProgress
from guanmo.ledger.services import import_progress
from guanmo.ledger.unit_doubts import CONFIRM_FIGURES
from tests.ledger.sheets import xlsx
from tests.ledger.test_tryout_kinds import faults, month_figures, two_projects
from tests.sheets.files import Drawn, to_xls

MAY = ["项目名称", "所在县区", "本月完成投资", "1—5月累计完成投资"]


def test_a_cumulative_typed_in_yi_is_refused_naming_column_and_rows(city):
    two_projects(city)  # plans: 沁阳市 9000万元, 修武县 15000万元
    sheet = xlsx(
        [
            MAY,
            ["沁阳市铝精深加工", "沁阳市", 0.07, 0.5],
            ["修武县云台山康养小镇", "修武县", 0.12, 0.64],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=5)
    assert faults(report) == [
        "工作表「Sheet1」「1—5月累计完成投资」列未写明金额单位，按万元读取，第2、3行都不到年度"
        "计划投资的千分之一（如第2行0.5万元，年度计划投资9000万元），疑为以亿元填报；请在表头"
        "写明单位（如「1—5月累计完成投资（亿元）」）后再导入",
        # A month under a ten-thousandth of its plan is refused by row, unless confirmed
        # (tryout 20 F1).
        "工作表「Sheet1」第2行列C「本月完成投资」为0.07万元，不到年度计划投资9000万元的万分之一，"
        "疑为以亿元填报，未导入；" + CONFIRM_FIGURES,
        "工作表「Sheet1」第3行列C「本月完成投资」为0.12万元，不到年度计划投资15000万元的万分之一，"
        "疑为以亿元填报，未导入；" + CONFIRM_FIGURES,
    ]
    assert not MonthlyProgress.objects.exists()


def test_a_column_of_figures_typed_in_yuan_is_refused_not_blamed_on_total_investment(city):
    two_projects(city)  # totals: 沁阳市 33000万元, 修武县 60000万元
    drawn = Drawn(
        [
            MAY,
            ["沁阳市铝精深加工", "沁阳市", 700000, 5000000],
            ["修武县云台山康养小镇", "修武县", 1200000, 6400000],
        ]
    )
    report = import_progress(BytesIO(to_xls(drawn)), city=city, year=2025, month=5)
    assert faults(report) == [
        "工作表「台账」「本月完成投资」列未写明金额单位，按万元读取，第2、3行都超过总投资的10倍"
        "（如第2行700000万元，总投资33000万元），疑为以元填报；请在表头写明单位"
        "（如「本月完成投资（元）」）后再导入",
        "工作表「台账」「1—5月累计完成投资」列未写明金额单位，按万元读取，第2、3行都超过总投资"
        "的10倍（如第2行5000000万元，总投资33000万元），疑为以元填报；请在表头写明单位"
        "（如「1—5月累计完成投资（元）」）后再导入",
    ]
    assert not MonthlyProgress.objects.exists()


def test_one_doubtful_row_among_others_is_noted_for_the_user_to_check(city):
    two_projects(city)
    sheet = xlsx(
        [
            MAY,
            ["沁阳市铝精深加工", "沁阳市", 50, 500],
            ["修武县云台山康养小镇", "修武县", 0.12, 0.64],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=5, confirm_changes=True)
    assert faults(report) == []
    assert (  # the month: refused unless confirmed (tryout 20 F1)
        "工作表「Sheet1」第3行列C「本月完成投资」为0.12万元，不到年度计划投资15000万元的万分之一，"
        "疑为以亿元填报；已按确认导入"
    ) in report.notes
    assert [note for note in report.notes if "请核对" in note] == [
        "工作表「Sheet1」第3行列D「1—5月累计完成投资」0.64万元，不到年度计划投资15000万元的"
        "千分之一（表中未写明金额单位，按万元读取），请核对是否以亿元填报",
    ]


def test_a_written_unit_is_taken_at_its_word(city):
    two_projects(city)
    in_yi = xlsx(
        [
            ["项目名称", "所在县区", "本月完成投资（亿元）", "1—5月累计完成投资（亿元）"],
            ["沁阳市铝精深加工", "沁阳市", 0.07, 0.5],
        ]
    )
    report = import_progress(in_yi, city=city, year=2025, month=5)
    assert faults(report) == []
    assert month_figures(5) == {"沁阳市铝精深加工": (Decimal(700), Decimal(5000))}
    in_wan = xlsx([["单位：万元"], MAY, ["沁阳市铝精深加工", "沁阳市", 0.07, 0.5]])
    report = import_progress(in_wan, city=city, year=2025, month=5)
    # A month under a ten-thousandth of the plan is refused whatever the unit (tryout 20 F1)
    assert ["疑为以亿元填报" in fault for fault in faults(report)] == [True]
    report = import_progress(in_wan, city=city, year=2025, month=5, confirm_changes=True)
    assert faults(report) == []
    assert not [note for note in report.notes if "请核对" in note]
