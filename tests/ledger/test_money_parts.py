"""A money column merged over its parts (issue 9, tryout 5 A02, A02b, A19): the figure is read
from its parts or the import stops naming the group, never a part stored as the whole."""

from decimal import Decimal

from guanmo.ledger.models import AnnualPlan, Project
from guanmo.ledger.services import import_ledger
from tests.ledger.sheets import xlsx


def faults(report) -> list[str]:
    return [str(fault) for fault in report.faults]


def figures() -> dict[str, tuple[Decimal, Decimal | None]]:
    plans = {plan.project_id: plan.planned_investment for plan in AnnualPlan.objects.all()}
    return {
        project.name: (project.total_investment, plans.get(project.pk))
        for project in Project.objects.all()
    }


def test_a_plan_over_whole_year_and_quarters_reads_the_whole_year(city):
    """A19: 2025年计划投资 merged over 全年 | 一季度 | … | 四季度: 全年 is the year's plan."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资（万元）", "2025年计划投资（万元）", *[None] * 4],
            [None, None, None, "全年", "一季度", "二季度", "三季度", "四季度"],
            ["孟州市季度甲项目", "孟州市", 20000, 5000, 800, 1200, 1500, 1500],
            ["孟州市季度乙项目", "孟州市", 30000, 10000, 1000, 2000, 3000, 4000],
        ],
        merges=["A1:A2", "B1:B2", "C1:C2", "D1:H1"],
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert not [note for note in report.notes if "没有年度计划投资列" in note]
    assert figures() == {
        "孟州市季度甲项目": (Decimal(20000), Decimal(5000)),
        "孟州市季度乙项目": (Decimal(30000), Decimal(10000)),
    }


SPLIT_FAULT = (
    "第2行：表头「总投资（万元）」分为分年度的几列（2025年以前、2025年、2026年以后），"
    "没有总数列，无法读取总投资；请加一列总投资合计后再导入"
)


def test_a_total_over_years_is_refused_naming_the_group_never_one_year_stored(city):
    """A02b: 总投资 merged over 2025年以前 | 2025年 | 2026年以后 and no total column: the 2025年
    part is not the 总投资; the import stops naming the group and its parts, storing nothing."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资（万元）", None, None],
            [None, None, "2025年以前", "2025年", "2026年以后"],
            ["孟州市分年甲项目", "孟州市", 5000, 4000, 6000],
            ["孟州市分年乙项目", "孟州市", 0, 6000, 9000],
        ],
        merges=["A1:A2", "B1:B2", "C1:E1"],
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == [SPLIT_FAULT]
    assert figures() == {}


def test_a_total_over_years_beside_a_cumulative_is_refused_for_the_split_not_as_over_total(city):
    """A02: the same split beside 截至2024年底累计完成投资: refused for the split, never the
    false "至上年底累计…超过总投资" that compared the cumulative with one year's part."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资（万元）", None, None, "截至2024年底累计（万元）"],
            [None, None, "2025年以前", "2025年", "2026年以后", None],
            ["孟州市分年丙项目", "孟州市", 5000, 4000, 6000, 5000],
        ],
        merges=["A1:A2", "B1:B2", "C1:E1", "F1:F2"],
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == [SPLIT_FAULT]
    assert figures() == {}
