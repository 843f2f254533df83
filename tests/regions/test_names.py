"""A project named after its region says the region once ("温县温县…" was in the bulletins)."""

from dataclasses import dataclass

import pytest

from guanmo.regions.names import (
    names_town_or_zone,
    own_level,
    region_named,
    spoken_names,
    unit_name,
    whole,
    with_region,
    with_unit,
)


@pytest.mark.parametrize(
    ("region", "name", "written"),
    [
        ("温县", "太极文化产业园", "温县太极文化产业园"),
        ("解放区", "解放区老城区改造项目", "解放区老城区改造项目"),
        ("温县", "温县健康食品产业园", "温县健康食品产业园"),
        ("武陟县", "武陟智能装备产业园", "武陟智能装备产业园"),
        (
            "焦作高新技术产业开发区",
            "焦作高新技术产业开发区数据中心",
            "焦作高新技术产业开发区数据中心",
        ),
        # A zone's short name is the tail of its name: 示范区 is 城乡一体化示范区.
        ("城乡一体化示范区", "示范区智慧物流园项目", "示范区智慧物流园项目"),
        ("焦作高新技术产业开发区", "开发区数据中心", "开发区数据中心"),
        ("城乡一体化示范区", "智慧物流园项目", "城乡一体化示范区智慧物流园项目"),
    ],
)
def test_a_name_after_its_region_says_the_region_once(region, name, written):
    assert with_region(region, name) == written


def test_a_separator_stands_only_between_two_names():
    assert with_region("温县", "太极文化产业园", "·") == "温县·太极文化产业园"
    assert with_region("温县", "温县健康食品产业园", "·") == "温县健康食品产业园"


def test_the_spellings_of_a_region_include_a_zones_tail():
    assert spoken_names("城乡一体化示范区") == ("城乡一体化示范区", "城乡一体化示范", "示范区")
    assert spoken_names("武陟县") == ("武陟县", "武陟")
    assert spoken_names("温县") == ("温县",)


@pytest.mark.parametrize(
    ("region", "name", "is_city", "written"),
    [
        # The city's own project is the 市本级's, but a name that names the city needs no prefix:
        # "市本级焦作市城市快速路" was in the bulletin.
        ("焦作市", "焦作市城市快速路", True, "焦作市城市快速路"),
        ("焦作市", "焦作中心城区供热管网", True, "焦作中心城区供热管网"),
        ("焦作市", "南水北调配套工程", True, "市本级南水北调配套工程"),
        ("温县", "温县健康食品产业园", False, "温县健康食品产业园"),
        ("温县", "太极文化产业园", False, "温县太极文化产业园"),
    ],
)
def test_a_name_after_its_unit_says_the_region_once(region, name, is_city, written):
    assert with_unit(region, name, is_city=is_city) == written


def test_a_unit_separator_stands_only_between_two_names():
    assert with_unit("焦作市", "南水北调配套工程", is_city=True, separator="·") == (
        "市本级·南水北调配套工程"
    )
    assert with_unit("焦作市", "焦作市城市快速路", is_city=True, separator="·") == (
        "焦作市城市快速路"
    )


@dataclass
class _Unit:
    name: str


_UNITS = [_Unit("濮阳县"), _Unit("华龙区"), _Unit("山阳区"), _Unit("城乡一体化示范区")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("濮阳县", "濮阳县"),
        ("濮阳", "濮阳县"),
        (" 华龙区 ", "华龙区"),
        ("示范区", "城乡一体化示范区"),
        ("濮阳工业园区", None),
        ("濮阳经开区", None),
        ("山阳县", None),
        ("华龙区（濮阳经开区）", None),
    ],
)
def test_a_county_cell_names_a_unit_only_by_its_own_names(text, found):
    """Containment or a shared prefix names no unit (issue 9, tryout five A18b)."""
    unit = region_named(text, _UNITS)
    assert (unit.name if unit else None) == found


def test_a_county_at_the_top_says_its_own_projects_and_its_whole_at_its_own_level():
    assert (own_level("焦作市"), whole("焦作市")) == ("市本级", "全市")
    assert (own_level("武陟县"), whole("武陟县")) == ("县本级", "全县")
    assert (own_level("解放区"), whole("解放区")) == ("区本级", "全区")
    assert own_level("沁阳市") == "市本级"  # a 县级市 speaks of itself as 市
    assert own_level("阿克苏地区") == "市本级"  # a prefecture is a city, not a 区
    assert unit_name("武陟县", is_city=True) == "县本级"
    assert with_unit("武陟县", "县城供水管网改造", is_city=True) == "县本级县城供水管网改造"
    assert with_unit("武陟县", "武陟县城供水管网改造", is_city=True) == "武陟县城供水管网改造"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("祥云镇", True),
        ("木城街道", True),
        ("北冷乡", True),
        ("温县产业集聚区", True),
        ("高新区", True),
        ("先进制造业", False),
        ("特色小镇", False),
        ("社会民生", False),
    ],
)
def test_a_town_or_a_park_is_told_by_its_name_from_a_kind_of_project(text, place):
    assert names_town_or_zone(text) is place
