"""Completed investment split into quarters (一季度完成 | 二季度完成 | 三季度完成) in a month's
progress sheet (issue 9): the year's cumulative is the quarters' sum when they run exactly to
the import's month, said in the report; otherwise the import stops naming the column, never a
quarter read as the year's cumulative or dropped silently."""

from decimal import Decimal

import pytest

from guanmo.ledger.models import MonthlyProgress
from guanmo.ledger.services import import_progress
from tests.ledger.sheets import xlsx
from tests.ledger.test_tryout_kinds import faults, month_figures, two_projects


@pytest.mark.parametrize(
    "quarters",
    [
        ["一季度完成", "二季度完成", "三季度完成"],
        ["1季度完成投资", "2季度完成投资", "3季度完成投资"],
        ["第一季度完成", "第二季度完成", "第三季度完成"],
    ],
)
def test_quarters_up_to_the_import_month_sum_to_the_year_s_cumulative(city, quarters):
    two_projects(city)
    sheet = xlsx(
        [
            ["2025年1—9月重点项目进展（万元）"],
            ["项目名称", "所在县区", *quarters, "9月完成投资"],
            ["沁阳市铝精深加工", "沁阳市", 100, 200.5, 300.25, 120],
            ["修武县云台山康养小镇", "修武县", None, 400, 500, 150],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=9)
    assert faults(report) == []
    assert month_figures(9) == {
        "沁阳市铝精深加工": (Decimal(120), Decimal("600.75")),
        "修武县云台山康养小镇": (Decimal(150), Decimal(900)),
    }
    shown = "、".join(quarters)
    assert (
        f"工作表「Sheet1」1—9月累计完成投资按分季度各列（{shown}）之和读取（空白的列按0计）"
        in report.notes
    )


def test_quarters_under_a_completion_group_sum_to_the_cumulative(city):
    """完成投资 merged over 一季度 | 二季度 | 三季度 | 四季度; 四季度 is blank in September."""
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "本月完成投资（万元）", "完成投资（万元）", None, None, None],
            [None, None, None, "一季度", "二季度", "三季度", "四季度"],
            ["沁阳市铝精深加工", "沁阳市", 120, 100, 200, 300, None],
        ],
        merges=["A1:A2", "B1:B2", "C1:C2", "D1:G1"],
    )
    report = import_progress(sheet, city=city, year=2025, month=9)
    assert faults(report) == []
    assert month_figures(9) == {"沁阳市铝精深加工": (Decimal(120), Decimal(600))}


def test_a_quarter_after_the_import_month_with_figures_is_refused_naming_the_cell(city):
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "一季度完成", "二季度完成", "三季度完成", "四季度完成"],
            ["沁阳市铝精深加工", "沁阳市", 100, 200, 300, 50],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=9)
    assert faults(report) == [
        "第2行「四季度完成」：单元格F2填有四季度的完成投资，晚于本次导入的9月，"
        "是另一时期的数，未导入"
    ]
    assert not MonthlyProgress.objects.exists()


def test_quarters_missing_one_before_the_import_month_are_refused_naming_it(city):
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "一季度完成", "二季度完成", "本月完成投资"],
            ["沁阳市铝精深加工", "沁阳市", 100, 200, 120],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=9)
    assert faults(report) == [
        "第1行：表中是分季度的完成投资列（一季度完成、二季度完成），没有三季度的列，"
        "加不出1—9月累计完成投资；请补上缺少的季度列或填写1—9月累计完成投资后再导入"
    ]
    assert not MonthlyProgress.objects.exists()


def test_quarters_in_a_month_that_ends_no_quarter_are_refused(city):
    """August: 三季度 is July and August so far, or the whole quarter planned: not known."""
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "一季度完成", "二季度完成", "三季度完成", "本月完成投资"],
            ["沁阳市铝精深加工", "沁阳市", 100, 200, 300, 120],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=8)
    assert faults(report) == [
        "第1行：表中是分季度的完成投资列（一季度完成、二季度完成、三季度完成），8月不是季末，"
        "加不出1—8月累计完成投资；请填写1—8月累计完成投资后再导入"
    ]


def test_quarters_beside_the_sheet_s_own_cumulative_are_checked_against_it(city):
    two_projects(city)
    sheet = xlsx(
        [
            [
                "项目名称",
                "所在县区",
                "一季度完成",
                "二季度完成",
                "三季度完成",
                "本月完成",
                "1—9月累计",
            ],
            ["沁阳市铝精深加工", "沁阳市", 100, 200, 300, 120, 600],
            ["修武县云台山康养小镇", "修武县", 100, 200, 300, 120, 700],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=9)
    assert faults(report) == [
        "第3行「累计完成投资」：「1—9月累计」700万元不等于分季度各列（一季度完成、二季度完成、"
        "三季度完成）之和600万元，未导入"
    ]


def test_a_plan_split_into_quarters_does_not_stop_a_progress_import_that_reads_no_plan(city):
    """2025年计划投资 over 一季度 | 二季度 (no 全年) in a progress sheet: the plan is not read
    by a progress import, so its split stops nothing and is not noted."""
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "2025年计划投资", None, None, "本月完成投资", "1—9月累计"],
            [None, None, "全年", "一季度", "二季度", None, None],
            ["沁阳市铝精深加工", "沁阳市", 100, 200, 300, 120, 600],
        ],
        merges=["A1:A2", "B1:B2", "C1:E1", "F1:F2", "G1:G2"],
    )
    report = import_progress(sheet, city=city, year=2025, month=9)
    assert faults(report) == []
    assert month_figures(9) == {"沁阳市铝精深加工": (Decimal(120), Decimal(600))}
    assert not [note for note in report.notes if "分季度" in note]


def test_quarters_in_an_unstated_unit_far_below_the_plan_are_doubted_once(city):
    """Quarters typed in 亿元 under no unit word: the cumulative they add up to is doubted as
    a column of it would be, once, not once per quarter."""
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "一季度完成", "二季度完成", "三季度完成", "本月完成投资"],
            ["沁阳市铝精深加工", "沁阳市", 0.1, 0.2, 0.3, 0.1],
            ["修武县云台山康养小镇", "修武县", 0.2, 0.3, 0.4, 0.1],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=9)
    doubts = [fault for fault in faults(report) if "累计完成投资" in fault]
    assert len(doubts) == 1
    assert not MonthlyProgress.objects.exists()


@pytest.mark.parametrize("column", ["一季度完成", "1季度完成投资", "第1季度完成"])
def test_the_first_quarter_alone_in_march_is_the_year_s_cumulative(city, column):
    """One quarter column is no split: in March the first quarter is 1—3月, however written."""
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "所在县区", column, "3月完成投资"],
            ["沁阳市铝精深加工", "沁阳市", 250, 0],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=3)
    assert faults(report) == []
    assert month_figures(3) == {"沁阳市铝精深加工": (Decimal(0), Decimal(250))}
