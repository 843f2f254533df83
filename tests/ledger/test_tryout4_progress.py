"""Kinds of progress sheet the fourth tryout of issue 9 tried (P07c, P09, P11, P17), built here
in other figures and names: each gives exactly the figures a user expects, or stops naming the
cell."""

from datetime import datetime
from io import BytesIO

import pytest

from guanmo.ledger.models import MonthlyProgress
from guanmo.ledger.services import import_ledger, import_progress
from tests.ledger.sheets import xlsx
from tests.sheets.files import Drawn, to_xls

MERGED_F = (2, 5, 3, 5)  # 形象进度 merged down its two rows


@pytest.fixture
def ledger(city):
    import_ledger(
        xlsx(
            [
                ["项目名称", "所在县区", "建设性质", "总投资（万元）", "2025年计划投资（万元）"],
                ["沁阳市甲项目", "沁阳市", "续建", 20000, 6000],
                ["沁阳市乙项目", "沁阳市", "续建", 9000, 3000],
            ]
        ),
        city=city,
        year=2025,
    )
    return city


def faults(report) -> list[str]:
    return [str(fault) for fault in report.faults]


@pytest.mark.parametrize("when", [datetime(2025, 6, 1), datetime(2025, 6, 30)])
def test_a_period_typed_as_a_date_cell_is_checked_like_a_written_one(ledger, when):
    """P07c: June's sheet whose period is a date cell (shown 2025年6月) merged over 完成投资 |
    形象进度, imported as July: stopped naming the cell, nothing stored."""
    sheet = xlsx(
        [
            ["序号", "项目名称", "所在县区", when, None, "本年累计"],
            [None, None, None, "完成投资（万元）", "形象进度", "完成投资（万元）"],
            [1, "沁阳市甲项目", "沁阳市", 300, "主体施工", 2100],
            [2, "沁阳市乙项目", "沁阳市", 200, "主体施工", 1400],
        ],
        merges=["A1:A2", "B1:B2", "C1:C2", "D1:E1"],
    )
    report = import_progress(sheet, city=ledger, year=2025, month=7)

    assert any("6月" in fault and "7月" in fault for fault in faults(report)), faults(report)
    assert not MonthlyProgress.objects.exists()


def test_a_date_cell_naming_the_import_s_month_gives_the_month_s_column(ledger):
    """P07: the same with the date 2025年7月: 完成投资 under it is July's own figure."""
    sheet = xlsx(
        [
            ["序号", "项目名称", "所在县区", datetime(2025, 7, 1), None, "1-7月累计"],
            [None, None, None, "完成投资（万元）", "形象进度", "完成投资（万元）"],
            [1, "沁阳市甲项目", "沁阳市", 300, "主体施工", 2100],
        ],
        merges=["A1:A2", "B1:B2", "C1:C2", "D1:E1"],
    )
    report = import_progress(sheet, city=ledger, year=2025, month=7)

    assert faults(report) == []
    assert MonthlyProgress.objects.values_list(
        "month", "completed_this_month", "cumulative_completed"
    ).get() == (7, 300, 2100)


def test_a_title_typed_as_a_date_cell_is_checked_like_a_written_one(ledger):
    """A title line holding only a date (2025-06-01 shown 2025年6月) is June's sheet."""
    sheet = xlsx(
        [
            [datetime(2025, 6, 1)],
            ["序号", "项目名称", "所在县区", "本月完成投资（万元）", "累计完成投资（万元）"],
            [1, "沁阳市甲项目", "沁阳市", 300, 2100],
        ]
    )
    report = import_progress(sheet, city=ledger, year=2025, month=7)

    assert any("6月" in fault for fault in faults(report)), faults(report)
    assert not MonthlyProgress.objects.exists()


def test_a_date_beside_填报日期_above_the_header_is_no_period(ledger):
    """June's figures filed on 5 July: the filing date is not the sheet's period."""
    sheet = xlsx(
        [
            ["填报日期：", datetime(2025, 7, 5)],
            ["序号", "项目名称", "所在县区", "本月完成投资（万元）", "1-6月累计完成投资（万元）"],
            [1, "沁阳市甲项目", "沁阳市", 300, 2100],
        ]
    )
    report = import_progress(sheet, city=ledger, year=2025, month=6)

    assert faults(report) == []


def test_a_sign_off_footer_with_a_phone_in_a_figure_column_is_left_out(ledger):
    """P11: the phone number stands under 本月完成投资: never a figure, never a project."""
    sheet = xlsx(
        [
            ["序号", "项目名称", "所在县区", "本月完成投资（万元）", "1-7月累计完成投资（万元）"],
            [1, "沁阳市甲项目", "沁阳市", 300, 2100],
            ["制表人：赵敏", "联系电话：", None, 3912345678, None],
        ]
    )
    report = import_progress(sheet, city=ledger, year=2025, month=7)

    assert faults(report) == []
    assert MonthlyProgress.objects.count() == 1
    assert "第3行为表尾签署行，未导入" in [str(left) for left in report.left_out]


def test_a_three_row_header_in_an_xls_file_is_read(ledger):
    """P09: .xls, 2025年7月 over 完成投资（万元）[本月 | 1-7月累计], 形象进度 merged down."""
    sheet = to_xls(
        Drawn(
            [
                ["序号", "项目名称", "所在县区", "2025年7月", None, None],
                [None, None, None, "完成投资（万元）", None, "形象进度"],
                [None, None, None, "本月", "1-7月累计", None],
                [1, "沁阳市甲项目", "沁阳市", 300, 2100, "竣工验收"],
            ],
            merged=[(1, 0, 3, 0), (1, 1, 3, 1), (1, 2, 3, 2), (1, 3, 1, 5), (2, 3, 2, 4), MERGED_F],
        )
    )
    report = import_progress(BytesIO(sheet), city=ledger, year=2025, month=7)

    assert faults(report) == []
    assert MonthlyProgress.objects.values_list(
        "month", "completed_this_month", "cumulative_completed"
    ).get() == (7, 300, 2100)


def test_month_and_cumulative_over_total_and_of_which_parts_read_the_totals(ledger):
    """P17: 本月完成投资 and 1-7月累计 each merged over 合计 | 其中：设备投资."""
    sheet = xlsx(
        [
            [
                "项目名称",
                "所在县区",
                "本月完成投资（万元）",
                None,
                "1-7月累计完成投资（万元）",
                None,
            ],
            [None, None, "合计", "其中：设备投资", "合计", "其中：设备投资"],
            ["沁阳市甲项目", "沁阳市", 300, 100, 2100, 900],
        ],
        merges=["A1:A2", "B1:B2", "C1:D1", "E1:F1"],
    )
    report = import_progress(sheet, city=ledger, year=2025, month=7)

    assert faults(report) == []
    assert MonthlyProgress.objects.values_list(
        "completed_this_month", "cumulative_completed"
    ).get() == (300, 2100)
