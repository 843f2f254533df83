"""Kinds of sheet the fifth tryout of issue 9 found read with a wrong figure (B15, B18, S00,
A12, B16b, B24), built here in other figures and names: each gives exactly the figures a user
expects, or stops naming the row."""

from decimal import Decimal

import pytest

from guanmo.ledger.models import MonthlyProgress, Project
from guanmo.ledger.services import import_ledger, import_progress
from tests.ledger.sheets import xlsx
from tests.ledger.test_tryout_kinds import faults, month_figures, two_projects


@pytest.mark.parametrize(
    "column",
    [
        "今年以来累计完成投资",
        "今年累计完成投资",
        "本年度累计完成",
        "年内累计完成投资",
        "年度累计完成投资",
        # 全年累计 in July's sheet is the year's to date, not 1—12月 (issue 9).
        "全年累计完成投资",
        "全年累计完成",
        "全年累计",
    ],
)
def test_the_year_s_cumulative_in_other_words_is_read_as_the_cumulative(city, column):
    """B15/S00: the first month in Guanmo; the year's cumulative is the sheet's, not 0 + 本月."""
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "本月完成投资（万元）", f"{column}（万元）"],
            ["沁阳市铝精深加工", "沁阳市", 100, 700],
            ["修武县云台山康养小镇", "修武县", 200, 1400],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=7)
    assert faults(report) == []
    assert month_figures(7) == {
        "沁阳市铝精深加工": (Decimal(100), Decimal(700)),
        "修武县云台山康养小镇": (Decimal(200), Decimal(1400)),
    }
    assert not [note for note in report.notes if "未写明口径" in note]


def test_the_cumulative_to_last_month_s_end_with_the_month_gives_the_cumulative(city):
    """B18: 截至上月底累计 200 + 本月 40 is a cumulative of 240, never 40."""
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "截至上月底累计（万元）", "本月完成投资（万元）"],
            ["沁阳市铝精深加工", "沁阳市", 200, 40],
            ["修武县云台山康养小镇", "修武县", 150, 30],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=7)
    assert faults(report) == []
    assert month_figures(7) == {
        "沁阳市铝精深加工": (Decimal(40), Decimal(240)),
        "修武县云台山康养小镇": (Decimal(30), Decimal(180)),
    }


LEDGER_HEADER = [
    "序号",
    "项目名称",
    "所在县区",
    "建设性质",
    "总投资（万元）",
    "2025年计划投资（万元）",
]


def test_an_instructions_sheet_with_an_example_row_is_not_read_as_the_ledger(city):
    """A12: 填表说明 first, holding 示例：某某产业园项目; the ledger is the second sheet."""
    book = xlsx(
        [
            ["填表说明"],
            ["项目名称", "所在县区", "总投资（万元）", "2025年计划投资（万元）"],
            ["示例：某某产业园项目", "沁阳市", 10000, 3000],
        ],
        title="填表说明",
        more_sheets={
            "台账": [
                LEDGER_HEADER,
                [1, "沁阳市铝精深加工", "沁阳市", "续建", 33000, 9000],
                [2, "修武县云台山康养小镇", "修武县", "续建", 60000, 15000],
            ],
        },
    )
    report = import_ledger(book, city=city, year=2025)
    assert faults(report) == []
    assert sorted(Project.objects.values_list("name", flat=True)) == [
        "修武县云台山康养小镇",
        "沁阳市铝精深加工",
    ]


@pytest.mark.parametrize(
    "name", ["示例：沁阳市铝精深加工", "例：沁阳市铝精深加工", "样例 沁阳市铝精深加工"]
)
def test_an_example_row_in_the_table_is_left_out_with_a_note(city, name):
    """B16b: an example row naming a real project never overwrites its figures."""
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "本月完成投资（万元）", "1-7月累计（万元）"],
            [name, "沁阳市", 99, 500],
            ["沁阳市铝精深加工", "沁阳市", 150, 900],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=7)
    assert faults(report) == []
    assert month_figures(7) == {"沁阳市铝精深加工": (Decimal(150), Decimal(900))}
    assert [left.row for left in report.left_out if "示例" in left.reason] == [2]


def test_an_instructions_sheet_before_the_progress_table_is_not_read(city):
    """B16b: a 说明 sheet whose example names a real project, then the month's table."""
    two_projects(city)
    book = xlsx(
        [
            ["项目名称", "所在县区", "本月完成投资（万元）", "1-7月累计（万元）"],
            ["沁阳市铝精深加工", "沁阳市", 99, 500],
        ],
        title="说明",
        more_sheets={
            "7月进度": [
                ["项目名称", "所在县区", "本月完成投资（万元）", "1-7月累计（万元）"],
                ["沁阳市铝精深加工", "沁阳市", 150, 900],
            ]
        },
    )
    report = import_progress(book, city=city, year=2025, month=7)
    assert faults(report) == []
    assert month_figures(7) == {"沁阳市铝精深加工": (Decimal(150), Decimal(900))}
    assert "工作表「说明」是填表说明，未导入" in report.notes


PROGRESS_HEADER = ["项目名称", "所在县区", "本月完成投资（万元）", "累计完成投资（万元）"]


def test_a_cumulative_that_falls_while_the_month_is_positive_is_refused(city):
    """B24: July 累计 2150, August 本月 +80 and 1-8月 1000 contradict each other."""
    two_projects(city)
    july = xlsx([PROGRESS_HEADER, ["沁阳市铝精深加工", "沁阳市", 150, 2150]])
    assert import_progress(july, city=city, year=2025, month=7).ok
    august = xlsx([PROGRESS_HEADER, ["沁阳市铝精深加工", "沁阳市", 80, 1000]])
    report = import_progress(august, city=city, year=2025, month=8)
    assert faults(report) == [
        "第2行「累计完成投资」：累计1000万元（D2），低于7月累计2150万元，而本月完成80万元（C2）"
        "为正数，两数相互矛盾（核减时本月应填负数）"
    ]
    assert not MonthlyProgress.objects.filter(month=8).exists()


def test_a_deduction_with_a_negative_month_stays_a_note(city):
    """B23: 核减 — 本月 -100, 累计 falls by 100: imported with a note."""
    two_projects(city)
    july = xlsx([PROGRESS_HEADER, ["沁阳市铝精深加工", "沁阳市", 150, 2150]])
    assert import_progress(july, city=city, year=2025, month=7).ok
    august = xlsx([PROGRESS_HEADER, ["沁阳市铝精深加工", "沁阳市", -100, 2050]])
    report = import_progress(august, city=city, year=2025, month=8)
    assert faults(report) == []
    assert month_figures(8) == {"沁阳市铝精深加工": (Decimal(-100), Decimal(2050))}
