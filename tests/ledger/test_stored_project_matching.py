"""A re-imported row finds its stored project, never another one and never a second copy
(issue 9, fresh-eyes tryout 4: L40 a code and a name of two different stored projects, L41 a
name written with its county in front)."""

from guanmo.ledger.models import Project
from guanmo.ledger.services import import_ledger
from tests.ledger.sheets import xlsx

HEADER = ["项目代码", "项目名称", "所在县区", "总投资（万元）", "2025年计划投资（万元）"]
TIANRUI = "2024-410804-30-03-100003"
YINHE = "2024-410804-30-03-100004"


def stored(city) -> None:
    report = import_ledger(
        xlsx(
            [
                HEADER,
                [TIANRUI, "天瑞冷链物流中心", "马村区", 33000, 11000],
                [YINHE, "银河冷链物流中心", "马村区", 5100, 5100],
                [None, "盛泰智能装备产业园", "武陟县", 32500, 5000],
            ]
        ),
        city=city,
        year=2025,
    )
    assert report.faults == [], report.faults


def totals() -> dict[str, int]:
    return {project.name: project.total_investment for project in Project.objects.all()}


def test_a_code_and_a_name_of_two_stored_projects_are_refused_naming_both(city):
    stored(city)
    report = import_ledger(
        xlsx([HEADER, [YINHE, "天瑞冷链物流中心", "马村区", 36000, 12000]]), city=city, year=2025
    )
    assert len(report.faults) == 1, report.faults
    message = report.faults[0].message
    assert "银河冷链物流中心" in message and "天瑞冷链物流中心" in message, message
    assert report.faults[0].row == 2
    assert totals() == {
        "天瑞冷链物流中心": 33000,
        "银河冷链物流中心": 5100,
        "盛泰智能装备产业园": 32500,
    }


def test_a_project_renamed_under_its_code_is_noted(city):
    stored(city)
    report = import_ledger(
        xlsx([HEADER, [YINHE, "银河冷链物流园", "马村区", 5100, 5100]]), city=city, year=2025
    )
    assert report.faults == [], report.faults
    assert "工作表「Sheet1」第2行项目更名：银河冷链物流中心→银河冷链物流园" in report.notes
    assert Project.objects.get(code=YINHE).name == "银河冷链物流园"


def test_a_name_with_its_county_in_front_is_the_stored_project(city):
    stored(city)
    report = import_ledger(
        xlsx([HEADER[1:], ["武陟县盛泰智能装备产业园", "武陟县", 32500, 5500]]),
        city=city,
        year=2025,
    )
    assert report.faults == [], report.faults
    assert (report.created, report.updated) == (0, 1)
    assert totals()["盛泰智能装备产业园"] == 32500
    assert Project.objects.count() == 3
    assert any(
        "武陟县盛泰智能装备产业园" in note and "盛泰智能装备产业园" in note and "同一项目" in note
        for note in report.notes
    ), report.notes


def test_a_county_prefix_matches_only_within_that_county(city):
    stored(city)
    report = import_ledger(
        xlsx([HEADER[1:], ["温县盛泰智能装备产业园", "温县", 10000, 2000]]), city=city, year=2025
    )
    assert report.faults == [], report.faults
    assert report.created == 1
