"""Recusal matches regions by identity in the tree (issue 9 §7, S2): 城乡一体化示范区, 示范区 and
the zone's code are one zone; a part of a name or a park named after a county is asked about,
never taken for a unit."""

import pytest

from guanmo.observation.score_sheet import read_score_sheet
from guanmo.regions.services import init_city, units_of
from tests.ledger.sheets import xlsx

HEADER = ["评委", "评委所属县区", "观摩点", "观摩点所属县区", "比规模（50分）"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def units():
    return units_of(init_city("410800", ["城乡一体化示范区"]))


def _faults(units, *rows) -> list[str]:
    sheet = read_score_sheet(xlsx([HEADER, *rows]), regions=units, top_name="焦作市")
    return [str(fault) for fault in sheet.faults]


@pytest.mark.parametrize("judges", ["示范区", "城乡一体化示范区", "410800-Z01"])
@pytest.mark.parametrize("sites", ["示范区", "城乡一体化示范区", "410800-Z01"])
def test_the_zone_by_any_of_its_names_or_its_code_recuses_its_judge(units, judges, sites):
    assert _faults(units, ["王五", judges, "示范区职教园", sites, 40]) == [
        "第2行：评委王五与观摩点「示范区职教园」同属城乡一体化示范区，应当回避，不能打分"
    ]


def test_a_body_of_a_county_is_of_that_county(units):
    assert _faults(units, ["王五", "温县发改委", "温县物流园", "温县", 40]) == [
        "第2行：评委王五与观摩点「温县物流园」同属温县，应当回避，不能打分"
    ]


def test_the_notes_say_how_each_region_was_named(units):
    rows = [
        ["王五", "温县发改委", "示范区职教园", "示范区", 40],
        ["赵六", "410825", "示范区职教园", "410800-Z01", 40],
    ]
    sheet = read_score_sheet(xlsx([HEADER, *rows]), regions=units, top_name="焦作市")
    assert sheet.faults == []
    assert [note for note in sheet.notes if "识别" in note or "核对回避" in note] == [
        "评委所属「温县发改委」属温县，按温县核对回避",
        "“示范区”按简称识别为城乡一体化示范区",
        "“410825”按区划代码识别为温县",
        "“410800-Z01”按区划代码识别为城乡一体化示范区",
    ]


@pytest.mark.parametrize(("typed", "asked"), [("一体化", "城乡一体化示范区"), ("陟", "武陟县")])
def test_a_part_of_a_units_name_is_asked_about_never_taken(units, typed, asked):
    assert _faults(units, ["王五", typed, "示范区职教园", "示范区", 40]) == [
        f"第2行「评委所属县区」：「{typed}」不是本市县区或园区的名称、简称或区划代码，"
        f"是否为{asked}？请填写全称，以便核对回避"
    ]


def test_a_sites_park_named_after_its_county_is_not_the_county(units):
    faults = _faults(units, ["王五", "市发改委", "产业园", "武陟县产业集聚区", 40])
    assert faults == ["第2行「观摩点所属县区」：「武陟县产业集聚区」不是本市区划中的县区或园区"]
