"""Header layouts the seventh tryout of issue 9 found refused with an unclear message or half
read (工程累计, year groups over month columns, a bare year, a plan part under 总投资, quarter
and half-year plans, years typed as numbers), built here in other names and figures: each is
read right with a note saying how, or refused naming the cell and what to change."""

from decimal import Decimal
from io import BytesIO

import pytest

from guanmo.ledger.models import AnnualPlan, MonthlyProgress, Project
from guanmo.ledger.services import import_ledger, import_progress
from tests.ledger.sheets import LEDGER_HEADER, ledger_xlsx, xlsx
from tests.ledger.test_tryout_kinds import month_figures, two_projects
from tests.sheets.files import Drawn, to_xls, to_xlsx


def faults(report) -> list[str]:
    return [str(fault) for fault in report.faults]


def figures() -> dict[str, tuple[Decimal, Decimal | None]]:
    """Each project's (总投资, 2025 plan)."""
    plans = {
        plan.project_id: plan.planned_investment for plan in AnnualPlan.objects.filter(year=2025)
    }
    return {
        project.name: (project.total_investment, plans.get(project.pk))
        for project in Project.objects.all()
    }


# 1. 工程累计完成投资: a project's cumulative since its works began (开累).


def test_a_works_cumulative_is_read_as_since_start_and_refused_without_last_year_s(city):
    """U07: "工程累计完成投资" beside 项目名称 is the cumulative since the works began, so the
    year's figure needs last year's end figure; the ledger has none: the row is refused saying
    so, never "未找到表头", never the year's cumulative."""
    two_projects(city)
    sheet = xlsx([["项目名称", "工程累计完成投资（万元）"], ["沁阳市铝精深加工", 21000]])
    report = import_progress(sheet, city=city, year=2025, month=6)
    assert [(fault.row, fault.column) for fault in report.faults] == [(2, "开工累计完成投资")]
    assert "是自开工以来的累计，不是本年累计完成投资" in report.faults[0].message
    assert "未找到表头" not in report.faults[0].message
    assert not MonthlyProgress.objects.exists()


def test_a_works_cumulative_gives_the_year_s_with_last_year_s_end_in_the_ledger(city):
    header = [*LEDGER_HEADER[:9], "截至上年底累计完成投资"]
    import_ledger(
        ledger_xlsx(
            [1, "甲项目", None, "武陟县", None, "续建", None, 50000, 10000, 8010], header=header
        ),
        city=city,
        year=2025,
    )
    sheet = xlsx([["项目名称", "所在县区", "工程累计"], ["甲项目", "武陟县", 13910]])
    report = import_progress(sheet, city=city, year=2025, month=1)
    assert faults(report) == []
    assert month_figures(1) == {"甲项目": (Decimal(5900), Decimal(5900))}


def test_a_header_of_one_known_column_names_the_columns_it_did_not_understand(city):
    """A sheet whose only known column is 项目名称 says what it found and what it could not
    read, and how to name it (--map), not "前50行中没有列名"."""
    two_projects(city)
    sheet = xlsx([["项目名称", "进度款（万元）"], ["沁阳市铝精深加工", 900]])
    report = import_progress(sheet, city=city, year=2025, month=6)
    assert len(report.faults) == 1
    (fault,) = report.faults
    assert (fault.row, fault.column) == (1, "累计完成投资")
    assert "未找到表头" not in fault.message
    assert "未识别的列：「进度款（万元）」" in fault.message
    assert "--map '进度款（万元）=累计完成投资'" in fault.message


# 2. Year groups over month columns (2024年 | 2025年, each 6月 | 1-6月).


@pytest.mark.parametrize("years", [("2024年", "2025年"), (2024, 2025), ("2025年", "2024年")])
def test_the_import_year_s_group_over_month_columns_is_read(city, years):
    """Q02: each year merged over 6月 | 1-6月: the import year's 6月 is this month's, its 1-6月
    the year's cumulative; the other year's group is left out with a note."""
    two_projects(city)
    this_year = years.index(2025) if 2025 in years else years.index("2025年")
    rows = [[900, 5400], [1500, 9000]]
    last = [[700, 4000], [1100, 6600]]
    figures_by_group = [rows, last] if this_year == 0 else [last, rows]
    sheet = xlsx(
        [
            ["序号", "项目名称", years[0], None, years[1], None],
            [None, None, "6月", "1-6月", "6月", "1-6月"],
            [1, "沁阳市铝精深加工", *figures_by_group[0][0], *figures_by_group[1][0]],
            [2, "修武县云台山康养小镇", *figures_by_group[0][1], *figures_by_group[1][1]],
        ],
        merges=["A1:A2", "B1:B2", "C1:D1", "E1:F1"],
    )
    report = import_progress(sheet, city=city, year=2025, month=6)
    assert faults(report) == []
    assert month_figures(6) == {
        "沁阳市铝精深加工": (Decimal(900), Decimal(5400)),
        "修武县云台山康养小镇": (Decimal(1500), Decimal(9000)),
    }
    assert any("写明2024年，不是2025年的数，未读取" in note for note in report.notes), report.notes


def test_last_year_s_cumulative_is_never_the_month_before_s(city):
    """July's sheet with 2024年 over 6月 | 1-6月 beside 2025年 over 7月 | 1-7月: last year's
    1-6月 is not this year's 1—6月累计 (never checked against, never stored)."""
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "2024年", None, "2025年", None],
            [None, "6月", "1-6月", "7月", "1-7月"],
            ["沁阳市铝精深加工", 700, 4000, 900, 5400],
        ],
        merges=["A1:A2", "B1:C1", "D1:E1"],
    )
    report = import_progress(sheet, city=city, year=2025, month=7)
    assert faults(report) == []
    assert month_figures(7) == {"沁阳市铝精深加工": (Decimal(900), Decimal(5400))}


def test_a_year_group_naming_another_month_stops_the_import_naming_it(city):
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "2025年", None],
            [None, "5月", "1-5月"],
            ["沁阳市铝精深加工", 900, 5400],
        ],
        merges=["A1:A2", "B1:C1"],
    )
    report = import_progress(sheet, city=city, year=2025, month=6)
    assert report.faults
    assert all("与导入的" in fault.message for fault in report.faults), faults(report)
    assert not MonthlyProgress.objects.exists()


# 3. A column headed only by a year.


def test_a_column_headed_only_by_the_import_year_is_its_plan_with_a_note(city):
    """L29: "2025年（万元）" beside 总投资 and no other plan column is 2025's plan: stored, and
    the report says how it was read; never a silent blank plan."""
    sheet = xlsx(
        [
            ["序号", "项目名称", "所在县区", "总投资（万元）", "2025年（万元）"],
            [1, "孟州市年份甲项目", "孟州市", 48000, 16000],
            [2, "温县年份乙项目", "温县", 9000, 3500],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert figures() == {
        "孟州市年份甲项目": (Decimal(48000), Decimal(16000)),
        "温县年份乙项目": (Decimal(9000), Decimal(3500)),
    }
    assert (
        "工作表「Sheet1」「2025年（万元）」只写年份，按2025年计划投资（年度计划投资）读取"
    ) in report.notes
    assert "表中没有年度计划投资列，未设置2025年计划投资" not in report.notes


def test_several_columns_headed_only_by_years_are_refused_naming_the_cell(city):
    """2024年 | 2025年 | 2026年 bare beside 总投资: a year's plan or a share of the total is not
    known, so nothing is read as the plan; the fault names the cell and what to write."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资（万元）", "2024年", "2025年", "2026年"],
            ["孟州市年份丙项目", "孟州市", 48000, 10000, 16000, 22000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert [(fault.row, fault.column) for fault in report.faults] == [(1, "2025年")]
    assert "表头单元格E1「2025年」只写年份" in report.faults[0].message
    assert "2025年计划投资" in report.faults[0].message
    assert not Project.objects.exists()


# 4. A part under 总投资 that names its own field.


def test_a_plan_column_among_the_years_of_the_total_is_the_plan_and_a_year_of_the_total(city):
    """总投资 merged over 2024年及以前 | 2025年计划投资 | 2026年及以后: 2025年计划投资 names its
    field, so it is the plan; the total is all three years, as 总投资's parts rule reads it."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资（万元）", None, None],
            [None, None, "2024年及以前", "2025年计划投资", "2026年及以后"],
            ["孟州市分年寅项目", "孟州市", 5000, 4000, 6000],
            ["温县分年卯项目", "温县", 0, 2500, 7500],
        ],
        merges=["A1:A2", "B1:B2", "C1:E1"],
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert figures() == {
        "孟州市分年寅项目": (Decimal(15000), Decimal(4000)),
        "温县分年卯项目": (Decimal(10000), Decimal(2500)),
    }
    assert any(
        "总投资按「总投资（万元）」下分年度各列（2024年及以前、2025年计划投资、2026年及以后）之和读取"
        in note
        for note in report.notes
    ), report.notes


def test_a_plan_column_among_the_years_of_the_total_is_checked_against_its_whole(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资（万元）", None, None, None],
            [None, None, "合计", "2024年", "2025年计划投资", "2026年"],
            ["孟州市分年辰项目", "孟州市", 15000, 5000, 4000, 6000],
            ["温县分年巳项目", "温县", 12000, 0, 2500, 7500],
        ],
        merges=["A1:A2", "B1:B2", "C1:F1"],
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == [
        "第4行「总投资」：「总投资（万元）／合计」12000万元不等于分年度各列"
        "（2024年、2025年计划投资、2026年）之和10000万元，未导入"
    ]
    assert figures() == {}


# 5. Plans split into quarters or halves.


def test_a_plan_over_quarter_month_ranges_is_their_sum(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资（万元）", "2025年计划投资（万元）", None, None, None],
            [None, None, None, "1-3月", "4-6月", "7-9月", "10-12月"],
            ["孟州市季度子项目", "孟州市", 20000, 800, 1200, 1500, 1500.5],
        ],
        merges=["A1:A2", "B1:B2", "C1:C2", "D1:G1"],
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert figures() == {"孟州市季度子项目": (Decimal(20000), Decimal("5000.5"))}
    assert (
        "工作表「Sheet1」年度计划投资按「2025年计划投资（万元）」下分季度各列"
        "（1-3月、4-6月、7-9月、10-12月）之和读取（空白的列按0计）"
    ) in report.notes


def test_a_whole_year_plan_over_quarter_month_ranges_is_checked_against_them(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资", "年度计划投资", None, None, None, None],
            [None, None, None, "全年", "1—3月", "4—6月", "7—9月", "10—12月"],
            ["孟州市季度丑项目", "孟州市", 20000, 5000, 800, 1200, 1500, 1500],
            ["温县季度寅项目", "温县", 20000, 5000, 800, 1200, 1500, 1000],
        ],
        merges=["A1:A2", "B1:B2", "C1:C2", "D1:H1"],
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == [
        "第4行「年度计划投资」：「年度计划投资／全年」5000万元不等于分季度各列"
        "（1—3月、4—6月、7—9月、10—12月）之和4500万元，未导入"
    ]


def test_a_plan_over_halves_is_their_sum(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资（万元）", "年度计划投资（万元）", None],
            [None, None, None, "上半年", "下半年"],
            ["孟州市半年甲项目", "孟州市", 30000, 4000, 6000],
        ],
        merges=["A1:A2", "B1:B2", "C1:C2", "D1:E1"],
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert figures() == {"孟州市半年甲项目": (Decimal(30000), Decimal(10000))}
    assert any("上半年、下半年" in note and "之和读取" in note for note in report.notes)


def test_quarter_columns_of_their_own_without_a_plan_column_add_up_to_the_plan(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资", "一季度", "二季度", "三季度", "四季度"],
            ["孟州市季度卯项目", "孟州市", 20000, 1000, 2000, 3000, 4000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert figures() == {"孟州市季度卯项目": (Decimal(20000), Decimal(10000))}
    assert any("分季度各列（一季度、二季度、三季度、四季度）之和读取" in n for n in report.notes)


def test_half_year_plan_columns_of_their_own_add_up_to_the_plan(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资", "上半年计划", "下半年计划"],
            ["孟州市半年乙项目", "孟州市", 20000, 2500, 3500],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert figures() == {"孟州市半年乙项目": (Decimal(20000), Decimal(6000))}
    assert any("分半年各列（上半年计划、下半年计划）之和读取" in n for n in report.notes)


def test_a_lone_quarter_beside_the_plan_is_noted_and_the_plan_read(city):
    """A bare 一季度 beside 年度计划投资 is part of the plan: the plan stands, and the report
    says the quarter was not checked against it (never passed over unsaid)."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资", "年度计划投资", "一季度"],
            ["孟州市季度辰项目", "孟州市", 20000, 5000, 800],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert figures() == {"孟州市季度辰项目": (Decimal(20000), Decimal(5000))}
    assert any("一季度" in note and "未与分季度各列之和核对" in note for note in report.notes), (
        report.notes
    )


def test_a_lone_quarter_without_a_plan_column_is_refused_naming_it(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资", "一季度计划"],
            ["孟州市季度巳项目", "孟州市", 20000, 800],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    (fault,) = faults(report)
    assert "一季度计划" in fault and "年度计划投资" in fault and "全年" in fault
    assert not Project.objects.exists()


# 6. Years typed as numbers in a header row.


@pytest.mark.parametrize("write", [to_xlsx, to_xls])
def test_years_typed_as_numbers_under_the_total_are_its_years(city, write):
    """总投资 merged over 2024 | 2025 | 2026 typed as numbers: a header row, not a project
    without a name; the total is the three years' sum."""
    drawn = Drawn(
        rows=[
            ["项目名称", "所在县区", "总投资（万元）", None, None, "2025年计划投资"],
            [None, None, 2024, 2025, 2026, None],
            ["孟州市数字年甲项目", "孟州市", 1000, 2500, 3500, 2500],
            ["温县数字年乙项目", "温县", 0, 800, 1200, 800],
        ],
        merged=[(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 1, 4), (1, 5, 2, 5)],
    )
    report = import_ledger(BytesIO(write(drawn)), city=city, year=2025)
    assert faults(report) == []
    assert figures() == {
        "孟州市数字年甲项目": (Decimal(7000), Decimal(2500)),
        "温县数字年乙项目": (Decimal(2000), Decimal(800)),
    }


def test_a_figure_that_looks_like_a_year_in_the_first_row_is_a_figure(city):
    """A project whose only figure is 2025 (万元) under the plan is a project row, never a
    second header row."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "总投资", "年度计划投资"],
            ["孟州市年数甲项目", "孟州市", 2030, 2025],
            ["温县年数乙项目", "温县", 9000, 2026],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert figures() == {
        "孟州市年数甲项目": (Decimal(2030), Decimal(2025)),
        "温县年数乙项目": (Decimal(9000), Decimal(2026)),
    }
