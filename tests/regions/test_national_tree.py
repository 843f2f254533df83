"""Names typed in a sheet found in the national tree (GB/T 2260), and the regions kept to
compare with (issue 12: peer groups across city and province lines)."""

from guanmo.regions.models import Region
from guanmo.regions.services import (
    cities_of,
    divisions_named,
    full_name,
    init_city,
    region_of_division,
    resolve_city,
)


def _named(text: str) -> list[str]:
    return [full_name(division) for division in divisions_named(text)]


def test_a_name_finds_its_division_by_name_short_name_or_with_its_ancestors():
    assert _named("新乡市") == ["河南省新乡市"]
    assert _named("韩城市") == ["陕西省渭南市韩城市"]
    assert _named("沈阳市和平区") == ["辽宁省沈阳市和平区"]
    assert _named("辽宁沈阳和平区") == ["辽宁省沈阳市和平区"]
    assert _named("济源市") == ["河南省济源市"]  # under the province's 直辖 placeholder


def test_an_ambiguous_or_unknown_name_finds_every_or_no_division():
    assert _named("和平区") == ["天津市和平区", "辽宁省沈阳市和平区"]
    assert _named("新乡") == ["河南省新乡市", "河南省新乡市新乡县"]
    assert _named("全市") == []


def test_a_region_kept_to_compare_with_is_not_a_served_city_until_set_up(db):
    jiaozuo = init_city("410800")
    hancheng = region_of_division(divisions_named("韩城市")[0])

    assert hancheng.parent.name == "渭南市" and hancheng.parent.parent.name == "陕西省"
    assert hancheng.compared_only and hancheng.parent.compared_only
    assert resolve_city() == jiaozuo

    weinan = init_city("610500")
    assert not weinan.compared_only
    assert not Region.objects.get(pk=hancheng.pk).compared_only


def test_a_provinces_cities_include_those_it_governs_directly():
    henan = cities_of("410000")
    assert len(henan) == 18
    assert [d.name for d in henan][:2] == ["郑州市", "开封市"]
    assert henan[-1].name == "济源市"
