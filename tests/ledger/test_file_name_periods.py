"""A file name (or title) writing two periods is never a silent pick (issue 9 §3, tryout 3): the
periods disagreeing with each other stop the import; an earlier period's cumulative beside the
import's month is read, and the report says which period was taken and why."""

import pytest

from guanmo.ledger.models import MonthlyProgress
from guanmo.ledger.services import import_progress
from tests.ledger.sheets import xlsx

UPDATED = "2025年5月重点项目进展（6月更新）.xlsx"


def _sheet(title: str | None = None):
    rows = [["项目名称", "所在县区", "本月完成投资（万元）", "累计完成投资（万元）"]]
    return xlsx([[title]] * bool(title) + [*rows, ["甲项目", "武陟县", 100, 600]])


@pytest.mark.parametrize("month", [5, 6])
def test_a_file_named_for_two_months_stops_the_import_whatever_the_month(one_project, month):
    report = import_progress(_sheet(), city=one_project, year=2025, month=month, file_name=UPDATED)

    assert [str(fault) for fault in report.faults] == [
        f"文件名「{UPDATED}」写有5月、6月两个时期，无法确定是哪个时期的表（本次导入{month}月）；"
        "请核对后改为只写一个时期再导入"
    ]
    assert not MonthlyProgress.objects.exists()


def test_a_file_named_for_two_months_neither_the_import_s_names_both(one_project):
    report = import_progress(_sheet(), city=one_project, year=2025, month=7, file_name=UPDATED)

    assert [str(fault) for fault in report.faults] == [
        f"文件名「{UPDATED}」写明5月、6月，与导入的7月不符"
    ]


def test_an_earlier_cumulative_and_the_month_in_a_file_name_are_read_with_a_note(one_project):
    report = import_progress(
        _sheet(), city=one_project, year=2025, month=6, file_name="1-5月及6月.xlsx"
    )

    assert report.faults == []
    assert (
        "文件名「1-5月及6月.xlsx」写有1-5月、6月：按本次导入的6月读取，1-5月是此前时期的累计"
        in report.notes
    )
    assert MonthlyProgress.objects.get().cumulative_completed == 600


def test_an_earlier_cumulative_named_without_the_month_itself_still_stops(one_project):
    report = import_progress(
        _sheet(), city=one_project, year=2025, month=5, file_name="1-5月及6月.xlsx"
    )

    assert [str(fault) for fault in report.faults] == [
        "文件名「1-5月及6月.xlsx」写有1-5月、6月两个时期，无法确定是哪个时期的表（本次导入5月）；"
        "请核对后改为只写一个时期再导入"
    ]


def test_a_title_naming_two_months_stops_the_import_as_a_file_name_does(one_project):
    report = import_progress(
        _sheet("焦作市重点项目5月份进展情况（6月10日更新）"), city=one_project, year=2025, month=6
    )

    assert [str(fault) for fault in report.faults] == [
        "第1行：标题「焦作市重点项目5月份进展情况（6月10日更新）」写有5月、6月两个时期，"
        "无法确定是哪个时期的表（本次导入6月）；请核对后改为只写一个时期再导入"
    ]


def test_a_file_named_for_two_other_years_stops_the_import(one_project):
    report = import_progress(
        _sheet(), city=one_project, year=2025, month=6, file_name="2023年及2024年6月进度.xlsx"
    )

    assert [str(fault) for fault in report.faults] == [
        "文件名「2023年及2024年6月进度.xlsx」写明2023年、2024年，与导入的2025年不符"
    ]


def test_a_file_named_for_two_years_one_the_import_s_is_read_with_a_note(one_project):
    name = "2025年6月进度（含2024年结转项目）.xlsx"
    report = import_progress(_sheet(), city=one_project, year=2025, month=6, file_name=name)

    assert report.faults == []
    assert f"文件名「{name}」写有2025年、2024年：按本次导入的2025年读取" in report.notes
