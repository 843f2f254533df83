"""One matcher finds the region a sheet's row names, for every import (issue 9, tryout 8)."""

from dataclasses import dataclass

import pytest

from guanmo.regions.names import region_named, unnamed_region_message


@dataclass
class _Unit:
    name: str


_JIAOZUO = [
    _Unit(name)
    for name in (
        "解放区",
        "山阳区",
        "武陟县",
        "温县",
        "沁阳市",
        "城乡一体化示范区",
        "焦作高新技术产业开发区",
    )
]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("高新区", "焦作高新技术产业开发区"),
        ("示范区", "城乡一体化示范区"),
        ("温", "温县"),
        ("温县", "温县"),
        ("武陟", "武陟县"),
    ],
)
def test_a_units_known_short_name_finds_it(text, found):
    unit = region_named(text, _JIAOZUO)
    assert unit is not None
    assert unit.name == found


@pytest.mark.parametrize("text", ["武陟县产业集聚区", "焦作市武陟县", "高新", "县（市）小计"])
def test_a_name_merely_containing_a_units_name_finds_nothing(text):
    assert region_named(text, _JIAOZUO) is None


def test_a_short_name_two_units_share_finds_nothing():
    units = [_Unit("城乡一体化示范区"), _Unit("农业示范区")]
    assert region_named("示范区", units) is None
    message = unnamed_region_message("示范区", units, "焦作市")
    assert message == "“示范区”可指焦作市的多个单位：城乡一体化示范区、农业示范区；请写全称"


def test_an_unknown_name_is_refused_listing_the_citys_units():
    message = unnamed_region_message("武陟县产业集聚区", _JIAOZUO, "焦作市")
    assert message == (
        "焦作市没有“武陟县产业集聚区”这个单位；焦作市的单位为：解放区、山阳区、武陟县、温县、"
        "沁阳市、城乡一体化示范区、焦作高新技术产业开发区"
    )
