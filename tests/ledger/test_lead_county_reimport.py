"""A project lying in several counties is the same project whichever of them the sheet names
first: a second import matches it through every county it lies in, keeps its stored lead when
the sheet has no 牵头县区 column, and says so when the lead changes (issue 9 §6, tryout LF)."""

from guanmo.ledger.models import Project
from guanmo.ledger.services import import_ledger
from tests.ledger.sheets import xlsx

NAME = "黄河生态廊道（解放区/温县段）"


def placed() -> dict[str, tuple[str, ...]]:
    return {
        project.name: (project.county.name, *(c.name for c in project.other_counties.all()))
        for project in Project.objects.select_related("county").prefetch_related("other_counties")
    }


def _stored_with_lead_wenxian(city) -> None:
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "牵头县区", "总投资"],
            [NAME, "解放区、温县", "温县", 80000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert report.faults == []
    assert placed() == {NAME: ("温县", "解放区")}


def test_a_reimport_without_a_lead_column_keeps_the_stored_lead_and_creates_nothing(city):
    _stored_with_lead_wenxian(city)
    again = xlsx([["项目名称", "所在县区", "总投资"], [NAME, "解放区、温县", 80000]])
    report = import_ledger(again, city=city, year=2025)
    assert report.faults == []
    assert (report.created, report.updated, report.unchanged) == (0, 0, 1)
    assert placed() == {NAME: ("温县", "解放区")}
    assert (
        f"工作表「Sheet1」第2行「{NAME}」位于温县、解放区，"
        "由温县（台账中已有的牵头县区，表中未填牵头县区）计入县区排名"
    ) in report.notes


def test_a_reimport_naming_only_a_county_other_than_the_lead_finds_the_project(city):
    _stored_with_lead_wenxian(city)
    again = xlsx([["项目名称", "所在县区", "总投资"], [NAME, "解放区", 90000]])
    report = import_ledger(again, city=city, year=2025)
    assert report.faults == []
    assert (report.created, report.updated) == (0, 1)
    assert Project.objects.count() == 1
    assert placed() == {NAME: ("解放区",)}
    assert f"工作表「Sheet1」第2行「{NAME}」牵头县区由温县改为解放区" in report.notes


def test_a_reimport_with_another_lead_says_the_lead_changed(city):
    _stored_with_lead_wenxian(city)
    again = xlsx(
        [
            ["项目名称", "所在县区", "牵头县区", "总投资"],
            [NAME, "解放区、温县", "解放区", 80000],
        ]
    )
    report = import_ledger(again, city=city, year=2025)
    assert report.faults == []
    assert (report.created, report.updated) == (0, 1)
    assert placed() == {NAME: ("解放区", "温县")}
    assert f"工作表「Sheet1」第2行「{NAME}」牵头县区由温县改为解放区" in report.notes


def test_a_progress_row_naming_a_county_other_than_the_lead_finds_the_project(city):
    from guanmo.ledger.models import MonthlyProgress
    from guanmo.ledger.services import import_progress

    _stored_with_lead_wenxian(city)
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "本月完成投资", "累计完成投资"],
            [NAME, "解放区、温县", 1000, 5000],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=7)
    assert [str(fault) for fault in report.faults] == []
    assert MonthlyProgress.objects.get(year=2025, month=7).project.name == NAME
