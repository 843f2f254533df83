"""The progress import finds a row's project only where every place the sheet writes its county
agrees (the county cell, the project code, the heading above it, the sheet's name, the sheet's
title) and the project found lies there; otherwise the row is refused naming them, and nothing
is written. Two projects of one name in 温县 and 武陟县 show what is at stake: without the rule
the figures went onto the wrong one (issue 9, tryout 7: S02, S03, S05, S07, T01, T05, T06, R06)."""

from decimal import Decimal

import pytest

from guanmo.ledger.models import MonthlyProgress
from guanmo.ledger.services import import_ledger, import_progress
from tests.ledger.sheets import xlsx

SAME = "标准化厂房建设项目"
TITLE_WENXIAN = "温县2025年1—5月重点项目进展情况"
CODE_WUZHI = "2024-410823-34-03-000009"  # 410823 is 武陟县
CODE_WENXIAN = "2024-410825-34-03-000009"  # 410825 is 温县
MAY = ["本月完成投资（万元）", "1—5月累计完成投资（万元）"]


@pytest.fixture
def namesakes(city):
    """标准化厂房建设项目 in 温县 (3000万元) and in 武陟县 (5000万元), without codes, and 甲项目
    in 武陟县 alone."""
    report = import_ledger(
        xlsx(
            [
                ["项目名称", "所在县区", "总投资"],
                [SAME, "温县", 3000],
                [SAME, "武陟县", 5000],
                ["甲项目", "武陟县", 8000],
            ]
        ),
        city=city,
        year=2025,
    )
    assert report.ok
    return city


def described(report) -> list[str]:
    return [report.describe(fault) for fault in report.faults]


def stored() -> dict[tuple[str, str], tuple[Decimal, Decimal]]:
    return {
        (progress.project.county.name, progress.project.name): (
            progress.completed_this_month,
            progress.cumulative_completed,
        )
        for progress in MonthlyProgress.objects.select_related("project__county")
    }


@pytest.mark.parametrize(
    ("rows", "sheet", "fault"),
    [
        pytest.param(
            [
                ["项目名称", "县区", *MAY],
                ["一、温县", None, None, None],
                [SAME, "武陟县", 100, 500],
            ],
            "Sheet1",
            "工作表「Sheet1」第3行：所在标题行为温县，「县区」列为武陟县，不一致，未写入任何数据",
            id="T01-heading-against-column",
        ),
        pytest.param(
            [["项目代码", "项目名称", "县区", *MAY], [CODE_WENXIAN, SAME, "武陟县", 100, 500]],
            "Sheet1",
            f"工作表「Sheet1」第2行：「县区」列为武陟县，「项目代码」为{CODE_WENXIAN}（温县），"
            "不一致，未写入任何数据",
            id="T05-code-against-column",
        ),
        pytest.param(
            [["项目代码", "项目名称", *MAY], [CODE_WUZHI, SAME, 100, 500]],
            "温县",
            f"工作表「温县」第2行：工作表名为温县，「项目代码」为{CODE_WUZHI}（武陟县），"
            "不一致，未写入任何数据",
            id="T06-sheet-name-against-code",
        ),
        pytest.param(
            [[TITLE_WENXIAN], ["项目名称", "县区", *MAY], [SAME, "武陟县", 100, 500]],
            "Sheet1",
            f"工作表「Sheet1」第3行：标题「{TITLE_WENXIAN}」写明温县，「县区」列为武陟县，"
            "不一致，未写入任何数据",
            id="S02-title-against-column",
        ),
        pytest.param(
            [["项目名称", *MAY], ["二、武陟县", None, None], [SAME, 100, 500]],
            "温县",
            "工作表「温县」第3行：工作表名为温县，所在标题行为武陟县，不一致，未写入任何数据",
            id="S03-sheet-name-against-heading",
        ),
        pytest.param(
            [[TITLE_WENXIAN], ["项目代码", "项目名称", *MAY], [CODE_WUZHI, SAME, 100, 500]],
            "Sheet1",
            f"工作表「Sheet1」第3行：标题「{TITLE_WENXIAN}」写明温县，"
            f"「项目代码」为{CODE_WUZHI}（武陟县），不一致，未写入任何数据",
            id="S05-title-against-code",
        ),
        pytest.param(
            [["项目名称", "所在县区", *MAY], [SAME, "武陟县", 100, 500]],
            "温县",
            "工作表「温县」第2行：工作表名为温县，「所在县区」列为武陟县，不一致，未写入任何数据",
            id="S07-sheet-name-against-column",
        ),
        pytest.param(
            [[TITLE_WENXIAN], ["项目名称", *MAY], [SAME, 100, 500]],
            "武陟县",
            f"工作表「武陟县」第3行：标题「{TITLE_WENXIAN}」写明温县，工作表名为武陟县，"
            "不一致，未写入任何数据",
            id="R06-title-against-sheet-name",
        ),
    ],
)
def test_a_row_whose_county_sources_disagree_goes_on_neither_namesake(
    namesakes, rows, sheet, fault
):
    report = import_progress(xlsx(rows, title=sheet), city=namesakes, year=2025, month=5)
    assert described(report) == [fault]
    assert not MonthlyProgress.objects.exists()


@pytest.mark.parametrize(
    ("rows", "sheet"),
    [
        pytest.param([["项目名称", *MAY], [SAME, 100, 500]], "温县", id="R04-sheet-name"),
        pytest.param([[TITLE_WENXIAN], ["项目名称", *MAY], [SAME, 100, 500]], "Sheet1", id="R05"),
        pytest.param(
            [["项目代码", "项目名称", *MAY], [CODE_WENXIAN, SAME, 100, 500]], "Sheet1", id="R10"
        ),
        pytest.param(
            [
                ["项目名称", *MAY],
                ["一、焦作市", None, None],
                ["（一）温县", None, None],
                [SAME, 100, 500],
            ],
            "Sheet1",
            id="county-heading-under-the-citys",
        ),
        pytest.param(
            [
                [TITLE_WENXIAN],
                ["项目名称", "县区", *MAY],
                ["一、温县", None, None, None],
                [SAME, "温县", 100, 500],
            ],
            "温县",
            id="every-source-agreeing",
        ),
    ],
)
def test_a_row_whose_sources_agree_lands_on_that_countys_namesake(namesakes, rows, sheet):
    report = import_progress(xlsx(rows, title=sheet), city=namesakes, year=2025, month=5)
    assert described(report) == []
    assert stored() == {("温县", SAME): (Decimal(100), Decimal(500))}


@pytest.mark.parametrize(
    ("rows", "sheet", "fault"),
    [
        pytest.param(
            [["项目名称", *MAY], ["甲项目", 100, 500]],
            "温县",
            "工作表「温县」第2行：工作表名为温县，而台账中的「甲项目」在武陟县，不一致，"
            "未写入任何数据",
            id="sheet-name",
        ),
        pytest.param(
            [["项目名称", *MAY], ["一、温县", None, None], ["甲项目", 100, 500]],
            "Sheet1",
            "工作表「Sheet1」第3行：所在标题行为温县，而台账中的「甲项目」在武陟县，不一致，"
            "未写入任何数据",
            id="heading",
        ),
        pytest.param(
            [[TITLE_WENXIAN], ["项目名称", *MAY], ["甲项目", 100, 500]],
            "Sheet1",
            f"工作表「Sheet1」第3行：标题「{TITLE_WENXIAN}」写明温县，而台账中的「甲项目」在武陟县，"
            "不一致，未写入任何数据",
            id="title",
        ),
    ],
)
def test_a_name_unique_in_the_city_under_another_countys_layout_is_refused(
    namesakes, rows, sheet, fault
):
    report = import_progress(xlsx(rows, title=sheet), city=namesakes, year=2025, month=5)
    assert described(report) == [fault]
    assert not MonthlyProgress.objects.exists()


def test_a_name_unique_in_the_city_under_its_own_countys_sheet_is_loaded(namesakes):
    sheet = xlsx([["项目名称", *MAY], ["甲项目", 100, 500]], title="武陟县")
    report = import_progress(sheet, city=namesakes, year=2025, month=5)
    assert described(report) == []
    assert stored() == {("武陟县", "甲项目"): (Decimal(100), Decimal(500))}


def test_the_report_says_which_source_gave_a_rows_county(namesakes):
    sheet = xlsx([["项目名称", *MAY], [SAME, 100, 500], ["甲项目", 50, 50]], title="温县")
    report = import_progress(sheet, city=namesakes, year=2025, month=5)
    assert described(report) == [
        "工作表「温县」第3行：工作表名为温县，而台账中的「甲项目」在武陟县，不一致，未写入任何数据"
    ]
    sheet = xlsx([["项目名称", *MAY], [SAME, 100, 500]], title="温县")
    report = import_progress(sheet, city=namesakes, year=2025, month=5)
    assert "工作表「温县」第2行未填所在县区，取自工作表名「温县」" in report.notes
