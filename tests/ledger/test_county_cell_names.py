"""A county cell names a unit only by its name, its short name, a spoken name or the city's
own words; a text merely containing a unit's name is refused naming the cell (issue 9, tryout
five A18b: 濮阳工业园区 and 濮阳经开区 were stored under 濮阳县, 山阳县 under 山阳区)."""

import pytest

from guanmo.ledger.models import MonthlyProgress, Project
from guanmo.ledger.services import import_ledger, import_progress
from guanmo.regions.services import init_city
from tests.ledger.sheets import xlsx
from tests.ledger.test_tryout_kinds import faults

PUYANG_UNITS = "华龙区、清丰县、南乐县、范县、台前县、濮阳县"


@pytest.fixture
def puyang(db):
    return init_city("410900", [])


def ledger_sheet(county: str):
    return xlsx(
        [
            [
                "序号",
                "项目名称",
                "所在县区",
                "建设性质",
                "总投资（万元）",
                "2025年计划投资（万元）",
            ],
            [1, "濮阳新材料产业园", county, "新开工", 6600, 660],
        ]
    )


@pytest.mark.parametrize("county", ["濮阳工业园区", "濮阳经开区", "濮阳县产业集聚区"])
def test_a_ledger_county_cell_only_containing_a_unit_s_name_is_refused(puyang, county):
    report = import_ledger(ledger_sheet(county), city=puyang, year=2025)
    assert faults(report) == [
        f"第2行「所在县区」：{county}不是濮阳市的县区或园区（濮阳市的县区：{PUYANG_UNITS}）"
    ]
    assert not Project.objects.exists()


@pytest.mark.parametrize("county", ["濮阳县", "濮阳", "华龙区", "华龙", "濮阳市", "市本级"])
def test_a_ledger_county_cell_naming_a_unit_or_the_city_is_read(puyang, county):
    report = import_ledger(ledger_sheet(county), city=puyang, year=2025)
    assert faults(report) == []
    expected = {"濮阳": "濮阳市", "华龙": "华龙区", "市本级": "濮阳市"}.get(county, county)
    assert Project.objects.get().county.name == expected


def test_a_county_with_a_note_naming_no_other_unit_is_the_county(puyang):
    report = import_ledger(ledger_sheet("清丰县（经开区）"), city=puyang, year=2025)
    assert faults(report) == []
    assert Project.objects.get().county.name == "清丰县"


def test_a_ledger_county_cell_noting_another_zone_stays_refused(puyang):
    report = import_ledger(ledger_sheet("华龙区（濮阳经开区）"), city=puyang, year=2025)
    assert len(faults(report)) == 1
    assert faults(report)[0].startswith("第2行「所在县区」：")
    assert "华龙区（濮阳经开区）" in faults(report)[0]
    assert not Project.objects.exists()


def test_a_county_sharing_a_short_name_with_another_is_refused(city):
    """山阳县 is no county of 焦作市; 山阳区 is."""
    report = import_ledger(
        xlsx([["项目名称", "所在县区", "总投资（万元）"], ["山阳新城", "山阳县", 500]]),
        city=city,
        year=2025,
    )
    assert faults(report)[0].startswith(
        "第2行「所在县区」：山阳县不是焦作市的县区或园区（焦作市的县区："
    )
    assert not Project.objects.exists()


def test_a_progress_county_cell_only_containing_a_unit_s_name_is_refused(puyang):
    assert import_ledger(ledger_sheet("濮阳县"), city=puyang, year=2025).ok
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "本月完成投资（万元）", "自年初累计完成投资（万元）"],
            ["濮阳新材料产业园", "濮阳经开区", 10, 70],
        ]
    )
    report = import_progress(sheet, city=puyang, year=2025, month=7)
    assert faults(report) == [
        f"第2行「所在县区」：濮阳经开区不是濮阳市的县区或园区（濮阳市的县区：{PUYANG_UNITS}）"
    ]
    assert not MonthlyProgress.objects.exists()
