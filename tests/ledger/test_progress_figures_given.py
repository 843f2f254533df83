"""What a progress sheet's figures say and do not say (issue 9 §3 and §5, tryout 3): a dash in
本月 is no figure, 本月 never exceeds the year's cumulative, and a bare 累计 says which
cumulative it is read as."""

from decimal import Decimal

import pytest

from guanmo.ledger.models import MonthlyProgress
from guanmo.ledger.services import import_progress
from tests.ledger.sheets import xlsx

TITLE = "2025年重点项目进展情况"
HEADER = ["项目名称", "所在县区", "本月完成投资", "1—6月累计完成投资"]


def faults(report) -> list[str]:
    return [str(fault) for fault in report.faults]


NOT_GIVEN = (
    "第3行「本月完成投资」：未填写数字，此前月份也未报送累计完成投资，无法由1—6月累计500万元"
    "算出本月完成投资，未导入（请填写本月完成投资）"
)
ABOVE = (
    "第3行「本月完成投资」：本月完成9000万元（C3）大于1—6月累计1500万元（D3），"
    "本月完成投资不能超过1—6月累计，未导入"
)


@pytest.mark.parametrize(
    ("this_month", "cumulative", "fault"),
    [
        *[(mark, 500, NOT_GIVEN) for mark in ["—", "－", "——", "/", None]],
        (9000, 1500, ABOVE),  # tryout 3: taken with only the usual "以累计为准" note
    ],
)
def test_a_months_figure_not_given_or_above_the_cumulative_stops_the_import(
    one_project, this_month, cumulative, fault
):
    sheet = xlsx([[TITLE], HEADER, ["甲项目", "武陟县", this_month, cumulative]])
    report = import_progress(sheet, city=one_project, year=2025, month=6)
    assert faults(report) == [fault]
    assert not MonthlyProgress.objects.exists()


@pytest.mark.parametrize("mark", ["—", "/"])
def test_no_months_figure_is_derived_from_last_months_cumulative_with_a_note(one_project, mark):
    may = xlsx(
        [
            [TITLE],
            ["项目名称", "所在县区", "本月完成投资", "1—5月累计完成投资"],
            ["甲项目", "武陟县", 90, 400],
        ]
    )
    assert import_progress(may, city=one_project, year=2025, month=5).faults == []
    sheet = xlsx([[TITLE], HEADER, ["甲项目", "武陟县", mark, 500]])
    report = import_progress(sheet, city=one_project, year=2025, month=6)
    assert report.faults == []
    assert MonthlyProgress.objects.get(month=6).completed_this_month == Decimal(100)
    assert (
        "工作表「Sheet1」第3行「甲项目」：本月完成投资未填写数字，按1—6月累计500万元减5月累计400万元算出100万元"
        in report.notes
    )


@pytest.mark.parametrize("label", ["累计完成", "累计完成投资"])
def test_a_bare_cumulative_is_read_as_the_years_with_the_assumption_stated(one_project, label):
    # Tryout W1: a 续建 project's since-start 5200 was taken as the year's against a plan of 2000.
    sheet = xlsx([["项目名称", "所在县区", "当月完成", label], ["甲项目", "武陟县", 200, 5200]])
    report = import_progress(sheet, city=one_project, year=2025, month=6)
    assert (
        f"工作表「Sheet1」「{label}」未写明口径，按本年累计读取；如是自开工以来的累计，请将该列"
        f"指定为「开工累计完成投资」（--map '{label}=开工累计完成投资'）后重新导入" in report.notes
    )


@pytest.mark.parametrize(
    ("title", "label"),
    [
        (TITLE, "累计完成投资"),
        ("重点项目1—6月进展", "累计完成投资"),
        ("重点项目进展", "本年累计完成投资"),
        ("重点项目进展", "1—6月累计完成投资"),
        ("重点项目二〇二五年六月份进展", "累计完成"),
    ],
)
def test_a_cumulative_whose_year_is_stated_needs_no_assumption(one_project, title, label):
    sheet = xlsx(
        [[title], ["项目名称", "所在县区", "本月完成投资", label], ["甲项目", "武陟县", 100, 1500]]
    )
    report = import_progress(sheet, city=one_project, year=2025, month=6)
    assert report.faults == []
    assert not any("未写明口径" in note for note in report.notes)
