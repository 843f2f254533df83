"""Towns (乡镇、街道) under a county, added by name, and a county at the top of an installation
whose units are its towns and zones (issue 12: two of the five speeches are county-level)."""

import io

import pytest
from django.core.management import CommandError, call_command

from guanmo.indicators.catalogue import CATALOGUE
from guanmo.regions.models import Region
from guanmo.regions.services import (
    RefusedRegion,
    UnknownDivision,
    add_towns,
    init_city,
    init_county,
    is_top,
    resolve_city,
    served_cities,
    top_of,
    units_of,
    units_word,
    whole_word,
)

pytestmark = pytest.mark.django_db

WUZHI_TOWNS = ["木城街道", "龙源街道", "大封镇", "詹店镇", "三阳乡"]


def test_towns_are_added_by_name_under_a_county_of_a_city_in_order():
    city = init_city("410800")
    wuzhi = city.children.get(name="武陟县")

    towns = add_towns(wuzhi, WUZHI_TOWNS)

    assert [(t.code, t.name, t.kind) for t in towns[:2]] == [
        ("410823-T01", "木城街道", Region.Kind.TOWN),
        ("410823-T02", "龙源街道", Region.Kind.TOWN),
    ]
    assert [t.name for t in units_of(wuzhi)] == WUZHI_TOWNS
    assert len(units_of(city)) == 10  # the city's units are still its counties
    assert not any(t.compared_only for t in towns)


def test_adding_towns_again_adds_only_the_new_ones_after_the_others():
    wuzhi = init_city("410800").children.get(name="武陟县")
    add_towns(wuzhi, WUZHI_TOWNS[:2])

    again = add_towns(wuzhi, [" 龙源街道 ", "西陶镇"])

    assert [(t.code, t.name) for t in again] == [
        ("410823-T02", "龙源街道"),
        ("410823-T03", "西陶镇"),
    ]
    assert wuzhi.children.count() == 3


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (["木城街道", ""], "武陟县的乡镇名称不能为空"),
        (["大封镇", "詹店镇", "大封镇"], "武陟县的乡镇“大封镇”填写了两次"),
    ],
)
def test_bad_town_names_add_none(names, message):
    wuzhi = init_city("410800").children.get(name="武陟县")
    with pytest.raises(RefusedRegion, match=message):
        add_towns(wuzhi, names)
    assert not wuzhi.children.exists()


def test_towns_go_only_under_a_county():
    city = init_city("410800", ["城乡一体化示范区"])
    with pytest.raises(RefusedRegion, match="乡镇只能添加在县（市、区）之下，而“焦作市”是市"):
        add_towns(city, ["大封镇"])
    with pytest.raises(RefusedRegion, match="城乡一体化示范区"):
        add_towns(city.children.get(kind=Region.Kind.ZONE), ["大封镇"])
    assert not Region.objects.filter(kind=Region.Kind.TOWN).exists()


def test_add_towns_command_finds_the_county_by_name_or_code():
    init_city("410800")
    out = io.StringIO()
    call_command("add-towns", "武陟", "木城街道", "大封镇", stdout=out)
    call_command("add-towns", "410823", "大封镇", "詹店镇", stdout=io.StringIO())

    assert "武陟县（410823）：2 个乡镇（街道）" in out.getvalue()
    assert list(Region.objects.filter(kind="town").values_list("name", flat=True)) == [
        "木城街道",
        "大封镇",
        "詹店镇",
    ]
    with pytest.raises(CommandError, match="没有名为“卫辉”的县"):
        call_command("add-towns", "卫辉", "城郊乡")


def test_add_towns_never_takes_a_part_of_a_countys_name():
    """S2 of issue 9: 陟 once found 武陟县 by containment and got its towns."""
    init_city("410800")
    with pytest.raises(CommandError, match="没有名为“陟”的县（市、区）；是否为武陟县？"):
        call_command("add-towns", "陟", "木城街道")
    assert not Region.objects.filter(kind="town").exists()


def test_a_county_at_the_top_has_its_towns_and_zones_as_units():
    county = init_county("410823", WUZHI_TOWNS, ["武陟产业集聚区"])

    assert is_top(county)
    assert county.parent.name == "焦作市" and county.parent.compared_only
    assert list(served_cities()) == [county]
    assert resolve_city(None) == county
    assert [u.name for u in units_of(county)] == [*WUZHI_TOWNS, "武陟产业集聚区"]
    zone = county.children.get(kind=Region.Kind.ZONE)
    assert zone.code == "410823-Z01"
    assert (whole_word(county), units_word(county)) == ("全县", "各乡镇（街道）")
    assert top_of(zone) == county and top_of(county.children.first()) == county


def test_the_top_county_is_named_as_its_level():
    district = init_county("410802", ["焦南街道"])  # 解放区
    assert whole_word(district) == "全区"
    city = init_city("410100")
    assert (whole_word(city), units_word(city)) == ("全市", "各县（市、区）")


def test_init_county_twice_adds_only_what_is_new():
    init_county("410823", WUZHI_TOWNS[:2])
    county = init_county("410823", WUZHI_TOWNS[:3], ["武陟产业集聚区"])
    assert county.children.count() == 4


def test_a_county_of_a_city_already_served_gets_its_towns_with_add_towns():
    init_city("410800")
    with pytest.raises(RefusedRegion, match="guanmo add-towns 410823"):
        init_county("410823", ["大封镇"])
    wuzhi = Region.objects.get(code="410823")
    assert not is_top(wuzhi) and not wuzhi.children.exists()
    assert top_of(wuzhi).code == "410800"


@pytest.mark.parametrize("code", ["410800", "999999", "410000"])
def test_init_county_refuses_a_code_that_is_not_a_county(code):
    with pytest.raises(UnknownDivision, match=code):
        init_county(code)
    assert not Region.objects.exists()


def test_init_county_command_lists_the_units():
    out = io.StringIO()
    call_command(
        "init-county",
        "410823",
        "--town",
        "木城街道",
        "--town",
        "大封镇",
        "--zone",
        "武陟产业集聚区",
        stdout=out,
    )
    assert out.getvalue().splitlines() == [
        "武陟县（410823）：3 个乡镇（街道）、园区",
        "  410823-T01  木城街道",
        "  410823-T02  大封镇",
        "  410823-Z01  武陟产业集聚区",
        f"指标目录：{len(CATALOGUE)} 项",
        "默认比较组：武陟县各乡镇（街道）（简称全县，3个成员），导入指标表和生成指标报告时未指定"
        " --group 即用此组",
    ]
    with pytest.raises(CommandError, match="410800 不是一个县"):
        call_command("init-county", "410800")
