"""A county cell as offices fill it besides the unit's name (issue 9, tryout 7 L23, L24, R07):
a unit's GB/T 2260 code (410825), a short name (温 for 温县, 武陟 for 武陟县), a 建设地点 naming
its town (温县祥云镇). Each is read as the one unit it names, with a note naming the rule; a
text two units' names share (武: 修武县, 武陟县) or a code of no unit of the city is refused
naming the cell (a part of one unit's name: tests/ledger/test_county_cell_rule.py)."""

import pytest

from guanmo.ledger.models import MonthlyProgress, Project
from guanmo.ledger.services import import_ledger, import_progress
from tests.ledger.sheets import xlsx
from tests.ledger.test_tryout_kinds import faults, month_figures

TOTALS = ["总投资（万元）", "2025年计划投资（万元）"]


def counties() -> dict[str, str]:
    return dict(Project.objects.values_list("name", "county__name"))


def test_a_county_column_of_region_codes_reads_each_code_as_its_unit(city):
    sheet = xlsx(
        [
            ["项目名称", "行政区划代码", *TOTALS],
            ["武陟县智能装备产业园", "410823", 50000, 20000],
            ["温县食品加工项目（一期）", 410825, 30000, 12000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert counties() == {"武陟县智能装备产业园": "武陟县", "温县食品加工项目（一期）": "温县"}
    assert "工作表「Sheet1」第2行列B「行政区划代码」「410823」是武陟县的区划代码，按武陟县读取" in (
        report.notes
    )
    assert "工作表「Sheet1」第3行列B「行政区划代码」「410825」是温县的区划代码，按温县读取" in (
        report.notes
    )


def test_a_region_code_of_another_city_is_refused_naming_its_division(city):
    sheet = xlsx([["项目名称", "县区", *TOTALS], ["郑州项目", "410102", 500, 100]])
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == [
        "第2行「所在县区」：「410102」是郑州市中原区的区划代码，不是焦作市的县区或园区"
    ]
    assert not Project.objects.exists()


def test_a_short_name_is_that_unit_with_a_note_naming_the_rule(city):
    """L24: 温 is 温县, 武陟 is 武陟县, 孟州 is 孟州市: each its name without the suffix
    (`regions.names.naming`), and the report says so (S2: the assumption is in the report;
    it once said only 温, as a unique part of a name, a rule that also took 陟 for 武陟县)."""
    sheet = xlsx(
        [
            ["项目名称", "县区", *TOTALS],
            ["武陟县智能装备产业园", "武陟", 50000, 20000],
            ["温县食品加工项目（一期）", "温", 30000, 12000],
            ["孟州市物流园", "孟州", 80000, 30000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert counties() == {
        "武陟县智能装备产业园": "武陟县",
        "温县食品加工项目（一期）": "温县",
        "孟州市物流园": "孟州市",
    }
    assert [note for note in report.notes if "按简称" in note] == [
        "工作表「Sheet1」第2行列B「县区」“武陟”按简称识别为武陟县",
        "工作表「Sheet1」第3行列B「县区」“温”按简称识别为温县",
        "工作表「Sheet1」第4行列B「县区」“孟州”按简称识别为孟州市",
    ]


@pytest.mark.parametrize(("typed", "units"), [("武", "修武县、武陟县"), ("阳", "山阳区、沁阳市")])
def test_a_part_of_two_units_names_is_refused_naming_both(city, typed, units):
    sheet = xlsx([["项目名称", "县区", *TOTALS], ["智能装备产业园", typed, 50000, 20000]])
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == [
        f"第2行「所在县区」：「{typed}」可以是{units}，无法确定是哪一个；请填写县区全称"
    ]
    assert not Project.objects.exists()


def test_a_location_naming_a_town_of_a_county_gives_the_county_with_a_note(city):
    sheet = xlsx([["项目名称", "建设地点", *TOTALS], ["食品加工项目", "温县祥云镇", 30000, 12000]])
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert counties() == {"食品加工项目": "温县"}
    assert Project.objects.get().location == "温县祥云镇"
    assert "工作表「Sheet1」第2行列B「建设地点」「温县祥云镇」在温县，按所在县区温县读取" in (
        report.notes
    )


@pytest.fixture
def namesakes(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", *TOTALS],
            ["标准化厂房建设项目", "武陟县", 10000, 4000],
            ["标准化厂房建设项目", "温县", 20000, 8000],
        ]
    )
    assert import_ledger(sheet, city=city, year=2025).ok
    return city


def test_a_progress_location_tells_namesakes_apart(namesakes):
    """R07: two stored 标准化厂房建设项目; the progress sheet has no county column, only
    建设地点."""
    sheet = xlsx(
        [
            ["项目名称", "建设地点", "本月完成投资（万元）", "1—6月累计完成投资（万元）"],
            ["标准化厂房建设项目", "温县祥云镇", 200, 200],
            ["标准化厂房建设项目", "武陟县詹店镇", 100, 100],
        ]
    )
    report = import_progress(sheet, city=namesakes, year=2025, month=6)
    assert faults(report) == []
    by_county = {
        progress.project.county.name: progress.cumulative_completed
        for progress in MonthlyProgress.objects.select_related("project__county")
    }
    assert by_county == {"温县": 200, "武陟县": 100}
    assert "工作表「Sheet1」第2行列B「建设地点」「温县祥云镇」在温县，按所在县区温县读取" in (
        report.notes
    )


def test_a_progress_county_cell_by_code_finds_its_project(namesakes):
    sheet = xlsx(
        [
            ["项目名称", "区划代码", "本月完成投资（万元）", "1—6月累计完成投资（万元）"],
            ["标准化厂房建设项目", "410825", 300, 300],
        ]
    )
    report = import_progress(sheet, city=namesakes, year=2025, month=6)
    assert faults(report) == []
    assert MonthlyProgress.objects.get().project.county.name == "温县"
    assert month_figures(6) == {"标准化厂房建设项目": (300, 300)}
