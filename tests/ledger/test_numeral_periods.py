"""Years and months written in Chinese numerals, two-digit years, dotted dates, 前N个月 and
一至N月 are the same facts as 2025年1-6月 and are checked against the import wherever they are
written: title, header, group cell, sheet name (issue 9 §3, tryout 3)."""

from decimal import Decimal

import pytest

from guanmo.ledger.models import AnnualPlan, MonthlyProgress
from guanmo.ledger.services import import_ledger, import_progress
from guanmo.sheets.header import spell_dates
from tests.ledger.sheets import xlsx


@pytest.mark.parametrize(
    ("text", "spelt"),
    [
        ("焦作市二〇二四年重点建设项目台账", "焦作市2024年重点建设项目台账"),
        ("24年重点项目", "2024年重点项目"),
        ("十一月份进展", "11月份进展"),
        ("一至五月累计完成投资", "1至5月累计完成投资"),
        ("前5个月累计完成投资", "1-5月累计完成投资"),
        ("前五个月", "1-5月"),
        ("截至2025.5.31", "截至2025年5月31日"),
        ("二〇二四年十二月", "2024年12月"),
    ],
)
def test_chinese_numerals_and_short_dates_are_spelt_as_digits(text, spelt):
    assert spell_dates(text) == spelt


@pytest.mark.parametrize("title", ["焦作市二〇二四年重点建设项目台账", "24年重点项目台账"])
def test_a_ledger_titled_with_another_year_in_words_stops_the_import(city, title):
    sheet = xlsx(
        [
            [title],
            ["序号", "项目名称", "所在县区", "建设性质", "总投资（万元）", "年度计划投资（万元）"],
            [1, "甲项目", "武陟县", "续建", 30000, 9999],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert [str(fault) for fault in report.faults] == [
        f"第1行：标题「{title}」写明2024年，与导入的2025年不符"
    ]
    assert not AnnualPlan.objects.exists()


@pytest.mark.parametrize(
    ("title", "named", "wanted"),
    [
        ("2025年五月份重点项目进展", "5月", "6月"),
        ("2025年十一月份重点项目进展", "11月", "6月"),
        ("2025年一至五月重点项目进展", "1-5月", "1-6月"),
        ("重点项目进展（截至2025.5.31）", "5月", "6月"),
        ("二〇二五年前5个月重点项目进展", "1-5月", "1-6月"),
        ("二〇二四年重点项目六月份进展", "2024年", "2025年"),
    ],
)
def test_a_progress_title_naming_another_period_in_words_stops_the_import(
    one_project, title, named, wanted
):
    sheet = xlsx(
        [
            [title],
            ["项目名称", "所在县区", "本月完成投资", "累计完成投资"],
            ["甲项目", "武陟县", 100, 600],
        ]
    )
    report = import_progress(sheet, city=one_project, year=2025, month=6)
    assert [str(fault) for fault in report.faults] == [
        f"第1行：标题「{title}」写明{named}，与导入的{wanted}不符"
    ]
    assert not MonthlyProgress.objects.exists()


def test_a_sheet_named_in_chinese_numerals_for_another_month_stops_the_import(one_project):
    sheet = xlsx(
        [["项目名称", "所在县区", "本月完成投资", "累计完成投资"], ["甲项目", "武陟县", 100, 600]],
        title="五月",
    )
    report = import_progress(sheet, city=one_project, year=2025, month=6)
    assert [str(fault) for fault in report.faults] == ["工作表名「五月」写明5月，与导入的6月不符"]


@pytest.mark.parametrize("label", ["一至五月累计完成投资", "前5个月累计完成投资"])
def test_an_earlier_periods_cumulative_alone_stops_the_import(one_project, label):
    sheet = xlsx([["项目名称", "所在县区", "本月完成投资", label], ["甲项目", "武陟县", 100, 500]])
    report = import_progress(sheet, city=one_project, year=2025, month=6)
    assert [str(fault) for fault in report.faults] == [
        f"第1行「{label}」：表头写明1-5月，与导入的1-6月不符"
    ]
    assert not MonthlyProgress.objects.exists()


def test_an_earlier_periods_cumulative_beside_the_months_own_is_set_aside_with_a_note(one_project):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "一至四月累计完成投资", "本月完成投资", "一至六月累计"],
            ["甲项目", "武陟县", 400, 100, 600],
        ]
    )
    report = import_progress(sheet, city=one_project, year=2025, month=6)
    assert report.faults == []
    assert MonthlyProgress.objects.get(month=6).cumulative_completed == Decimal(600)
    # The month before's (一至五月) is read and checked: test_previous_cumulative_column.
    note = "「一至四月累计完成投资」写明1-4月，是此前时期的累计，不是1-6月的数，未读取"
    assert f"工作表「Sheet1」{note}" in report.notes


def test_a_group_cell_naming_another_month_in_words_stops_the_import(one_project):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "二〇二五年一至五月", None],
            [None, None, "本月完成投资", "累计完成投资"],
            ["甲项目", "武陟县", 100, 500],
        ],
        merges=["C1:D1"],
    )
    report = import_progress(sheet, city=one_project, year=2025, month=6)
    assert report.faults != []
    assert any("1-5月" in str(fault) for fault in report.faults)
    assert not MonthlyProgress.objects.exists()


def test_a_file_named_in_chinese_numerals_for_another_month_stops_the_import(one_project):
    sheet = xlsx(
        [["项目名称", "所在县区", "本月完成投资", "累计完成投资"], ["甲项目", "武陟县", 100, 600]]
    )
    report = import_progress(
        sheet, city=one_project, year=2025, month=6, file_name="十一月份进度.xlsx"
    )
    assert [str(fault) for fault in report.faults] == [
        "文件名「十一月份进度.xlsx」写明11月，与导入的6月不符"
    ]
