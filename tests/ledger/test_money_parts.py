"""A money column merged over its parts (issue 9, tryout 5 A02, A02b, A19): the figure is read
from its parts or the import stops naming the group, never a part stored as the whole."""

from decimal import Decimal
from io import BytesIO

import pytest

from guanmo.ledger.models import AnnualPlan, Project
from guanmo.ledger.services import import_ledger
from tests.ledger.sheets import xlsx
from tests.sheets.files import Drawn, to_xlsx


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


def test_quarters_under_a_whole_year_plan_that_disagree_are_refused_naming_the_row(city):
    """Kind of A19: 全年 5000 but the four quarters add up to 4800: one of the two is wrong,
    and the import stops naming the row rather than storing either silently."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资（万元）", "2025年计划投资（万元）", *[None] * 4],
            [None, None, None, "全年", "第一季度", "第二季度", "第三季度", "第四季度"],
            ["孟州市季度丙项目", "孟州市", 20000, 5000, 800, 1000, 1500, 1500],
            ["孟州市季度丁项目", "孟州市", 30000, 10000, 1000, 2000, 3000, 4000],
        ],
        merges=["A1:A2", "B1:B2", "C1:C2", "D1:H1"],
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == [
        "第3行「年度计划投资」：「2025年计划投资（万元）／全年」5000万元不等于分季度各列"
        "（第一季度、第二季度、第三季度、第四季度）之和4800万元，未导入"
    ]
    assert figures() == {}


def test_quarters_under_a_whole_year_plan_with_some_blank_are_noted_not_checked(city):
    """A plan not yet broken down into every quarter: 全年 is the plan, the row is noted."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资（万元）", "2025年计划投资（万元）", *[None] * 4],
            [None, None, None, "全年", "1季度", "2季度", "3季度", "4季度"],
            ["孟州市季度戊项目", "孟州市", 20000, 5000, 800, 1200, None, None],
        ],
        merges=["A1:A2", "B1:B2", "C1:C2", "D1:H1"],
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {"孟州市季度戊项目": (Decimal(20000), Decimal(5000))}
    assert (
        "工作表「Sheet1」第3行分季度的列有空白（3季度、4季度），年度计划投资取「2025年计划投资"
        "（万元）／全年」5000万元，未与各季度之和核对"
    ) in report.notes


YEARS = ["2024年", "2025年", "2026年"]


@pytest.mark.parametrize("group", ["总投资", "计划总投资", "总投资（万元）"])
def test_a_total_over_plain_years_is_the_sum_of_the_years_with_a_note(city, group):
    """总投资 merged over 2024年 | 2025年 | 2026年: the project's total is all its years, each
    read exactly; the 2025年 part is neither the 总投资 nor the 2025 plan."""
    sheet = xlsx(
        [
            ["单位：万元"],
            ["项目名称", "所在县区", group, None, None, "2025年计划投资"],
            [None, None, *YEARS, None],
            ["孟州市分年甲项目", "孟州市", 1200.5, 3000.25, 800.1, 3000.25],
            ["孟州市分年乙项目", "孟州市", None, 6000, 9000, 6000],
        ],
        merges=["A2:A3", "B2:B3", "C2:E2", "F2:F3"],
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {
        "孟州市分年甲项目": (Decimal("5000.85"), Decimal("3000.25")),
        "孟州市分年乙项目": (Decimal(15000), Decimal(6000)),
    }
    assert (
        f"工作表「Sheet1」总投资按「{group}」下分年度各列（2024年、2025年、2026年）之和读取"
        "（空白的列按0计）"
    ) in report.notes


def test_a_year_part_under_the_total_is_never_the_annual_plan(city):
    """No plan column: the 2025年 part of 总投资 is not 2025年计划投资; no plan is set."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "计划总投资（亿元）", None, None],
            [None, None, *YEARS],
            ["孟州市分年丙项目", "孟州市", 0.5, 1.25, 0.75],
        ],
        merges=["A1:A2", "B1:B2", "C1:E1"],
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {"孟州市分年丙项目": (Decimal(25000), None)}
    assert "表中没有年度计划投资列，未设置2025年计划投资" in report.notes


def test_a_total_over_open_ended_years_is_the_sum_of_its_parts(city):
    """A02b: 总投资 merged over 2025年以前 | 2025年 | 2026年以后 and no total column: a project's
    total is all its parts, never the 2025年 part alone."""
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

    assert faults(report) == []
    assert figures() == {
        "孟州市分年甲项目": (Decimal(15000), None),
        "孟州市分年乙项目": (Decimal(15000), None),
    }
    assert (
        "工作表「Sheet1」总投资按「总投资（万元）」下分年度各列（2025年以前、2025年、2026年以后）"
        "之和读取（空白的列按0计）"
    ) in report.notes


def test_a_total_over_years_beside_a_cumulative_is_checked_against_the_whole_total(city):
    """A02: the same split beside 截至2024年底累计完成投资: the cumulative is compared with the
    summed total (5000 of 15000), never the false "超过总投资" against one year's part."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资（万元）", None, None, "截至2024年底累计（万元）"],
            [None, None, "2025年以前", "2025年", "2026年以后", None],
            ["孟州市分年丙项目", "孟州市", 5000, 4000, 6000, 5000],
        ],
        merges=["A1:A2", "B1:B2", "C1:E1", "F1:F2"],
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {"孟州市分年丙项目": (Decimal(15000), None)}


def test_a_total_with_its_own_whole_column_is_read_from_it_and_checked_against_its_years(city):
    """总投资 over 合计 | 2024年 | 2025年 | 2026年: 合计 is the total; a row whose years do not
    add up to it stops the import naming the row."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资（万元）", None, None, None],
            [None, None, "合计", *YEARS],
            ["孟州市分年丁项目", "孟州市", 12000, 2000, 4000, 6000],
            ["孟州市分年戊项目", "孟州市", 20000, 5000, 8000, 6000],
        ],
        merges=["A1:A2", "B1:B2", "C1:F1"],
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == [
        "第4行「总投资」：「总投资（万元）／合计」20000万元不等于分年度各列"
        "（2024年、2025年、2026年）之和19000万元，未导入"
    ]
    assert figures() == {}


def test_a_total_with_its_own_whole_column_that_adds_up_is_read_with_a_note(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资（万元）", None, None, None],
            [None, None, *YEARS, "小计"],
            ["孟州市分年己项目", "孟州市", 2000, 4000, 6000, 12000],
        ],
        merges=["A1:A2", "B1:B2", "C1:F1"],
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {"孟州市分年己项目": (Decimal(12000), None)}
    assert (
        "工作表「Sheet1」总投资取「总投资（万元）／小计」列，并与分年度各列（2024年、2025年、"
        "2026年）之和核对"
    ) in report.notes


def test_a_year_part_that_cannot_be_read_stops_the_import_naming_its_cell(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资（万元）", None, None],
            [None, None, *YEARS],
            ["孟州市分年庚项目", "孟州市", 2000, "待定", 6000],
        ],
        merges=["A1:A2", "B1:B2", "C1:E1"],
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == [
        "第3行「总投资（万元）／2025年」：单元格D3「待定」不是数字，无法相加得出总投资"
    ]
    assert figures() == {}


def test_a_total_over_years_under_county_headings_is_checked_by_their_subtotals(city):
    """The summed 总投资 of each row is what a 小计 row's years add up to: a subtotal that
    disagrees is noted, one that agrees is not."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资（万元）", None, None],
            [None, None, *YEARS],
            ["一、孟州市", None, None, None, None],
            ["孟州市分年辛项目", "孟州市", 1000, 2000, 3000],
            ["孟州市分年壬项目", "孟州市", None, 500, 500],
            ["孟州市小计", None, 1000, 2500, 3500],
            ["二、温县", None, None, None, None],
            ["温县分年癸项目", "温县", 100, 200, 300],
            ["温县小计", None, 100, 200, 400],
        ],
        merges=["A1:A2", "B1:B2", "C1:E1"],
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {
        "孟州市分年辛项目": (Decimal(6000), None),
        "孟州市分年壬项目": (Decimal(1000), None),
        "温县分年癸项目": (Decimal(600), None),
    }
    assert [note for note in report.notes if "与各项目之和不符" in note] == [
        "工作表「Sheet1」第9行「温县小计」与各项目之和不符：「总投资」小计700万元，各项目之和600万元"
    ]


def test_quarters_of_last_year_s_plan_are_never_this_year_s_plan(city):
    """2024年计划投资 over its four quarters beside 2025年计划投资: the quarters are last year's
    plan, set aside with it; this year's plan is its own column."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资", "2024年计划投资", *[None] * 3, "2025年计划投资"],
            [None, None, None, "一季度", "二季度", "三季度", "四季度", None],
            ["孟州市季度己项目", "孟州市", 20000, 1000, 1000, 1000, 1000, 6000],
        ],
        merges=["A1:A2", "B1:B2", "C1:C2", "D1:G1", "H1:H2"],
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {"孟州市季度己项目": (Decimal(20000), Decimal(6000))}


def test_a_total_over_years_written_without_the_year_word_is_their_sum(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "项目总投资", None, None, None],
            [None, None, "以前年度", "2025", "2026", "以后年度"],
            ["孟州市分年子项目", "孟州市", 1000, 2000, 3000, 4000],
        ],
        merges=["A1:A2", "B1:B2", "C1:F1"],
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {"孟州市分年子项目": (Decimal(10000), None)}


def test_a_total_over_years_and_another_column_is_refused_naming_it(city):
    """总投资 over 截至2024年底完成 | 2025年 | 2026年以后: whether the first is part of the total
    is not known, so neither the sum nor one year is stored."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资（万元）", None, None],
            [None, None, "截至2024年底完成", "2025年", "2026年以后"],
            ["孟州市分年丑项目", "孟州市", 1000, 2000, 3000],
        ],
        merges=["A1:A2", "B1:B2", "C1:E1"],
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == [
        "第2行：表头「总投资（万元）」下除分年度的列（2025年、2026年以后）外还有"
        "「截至2024年底完成」，无法确定总投资是哪几列之和；请加一列总投资合计后再导入"
    ]
    assert figures() == {}


def test_a_small_total_summed_from_years_in_an_unstated_unit_is_noted(city):
    """No unit written: a total summed to 3.5 (万元) is likely 亿元, noted as for a column."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资", None, None],
            [None, None, *YEARS],
            ["孟州市分年寅项目", "孟州市", 1, 1.5, 1],
        ],
        merges=["A1:A2", "B1:B2", "C1:E1"],
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert (
        "工作表「Sheet1」第3行「总投资」3.5万元，不足100万元（表中未写明金额单位，按万元读取），"
        "请核对是否以亿元填报"
    ) in report.notes


def test_a_hidden_year_of_the_total_stops_the_import_naming_its_column(city):
    """A hidden column is never read, and a total without one of its years is not the total."""
    drawn = Drawn(
        [
            ["项目名称", "所在县区", "总投资（万元）", None, None],
            [None, None, *YEARS],
            ["孟州市分年卯项目", "孟州市", 1000, 2000, 3000],
        ],
        merged=[(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 1, 4)],
        hidden_columns={3},
    )
    report = import_ledger(BytesIO(to_xlsx(drawn)), city=city, year=2025)

    assert faults(report) == [
        "第2行「总投资（万元）／2025年」：所在的D列为隐藏列，是分年度的一部分，不读取就无法"
        "得出总投资；请取消隐藏或删去该列后再导入"
    ]
    assert figures() == {}


def test_a_whole_year_plan_over_some_quarters_is_read_and_noted_not_checked(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资（万元）", "2025年计划投资（万元）", None, None],
            [None, None, None, "全年", "一季度", "二季度"],
            ["孟州市季度庚项目", "孟州市", 20000, 5000, 800, 1200],
        ],
        merges=["A1:A2", "B1:B2", "C1:C2", "D1:F1"],
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == []
    assert figures() == {"孟州市季度庚项目": (Decimal(20000), Decimal(5000))}
    assert (
        "工作表「Sheet1」「2025年计划投资（万元）」下分季度的列（一季度、二季度）不是四个季度"
        "齐全，年度计划投资取「2025年计划投资（万元）／全年」列，未与分季度各列之和核对"
    ) in report.notes


def test_a_year_typed_in_yuan_makes_the_summed_total_absurd_and_stops_the_import(city):
    """One year typed in 元 under a 万元 header: the sum is refused as any too large total is."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资（万元）", None, None],
            [None, None, *YEARS],
            ["孟州市分年辰项目", "孟州市", 1000, 300000000, 3000],
        ],
        merges=["A1:A2", "B1:B2", "C1:E1"],
    )
    report = import_ledger(sheet, city=city, year=2025)

    assert faults(report) == [
        "第3行「总投资」：2024年、2025年、2026年之和为300004000，按万元读取超过1000亿元，"
        "疑为以元填报，若为元则折合30000.4万元；请核对单位后再导入"
    ]
    assert figures() == {}
