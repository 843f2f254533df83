"""A city gets the starting catalogue of indicators once, then edits it as its own."""

import pytest

from guanmo.accounts.models import Department
from guanmo.indicators.catalogue import CATALOGUE
from guanmo.indicators.choices import Direction, Frequency, Kind, RankBy
from guanmo.indicators.models import Indicator, PeerGroup
from guanmo.indicators.services import install_city_peer_group, install_indicator_catalogue
from guanmo.regions.models import Region
from guanmo.regions.services import init_city


@pytest.mark.django_db
def test_the_catalogue_is_installed_with_units_kinds_directions_and_suppliers():
    city = init_city("410800")
    Department.objects.create(city=city, name="市财政局")
    installed = install_indicator_catalogue(city)
    assert [i.name for i in installed] == [entry.name for entry in CATALOGUE]
    by_name = {i.name: i for i in installed}
    gdp = by_name["地区生产总值"]
    assert (gdp.unit, gdp.kind, gdp.rank_by, gdp.frequency) == (
        "亿元",
        Kind.AMOUNT,
        RankBy.GROWTH,
        Frequency.QUARTERLY,
    )
    assert "可比价格" in gdp.note
    assert by_name["高新技术产业增加值占比"].kind == Kind.RATIO
    assert by_name["城镇居民人均可支配收入"].kind == Kind.AVERAGE
    visits = by_name["赴京访批次"]
    assert (visits.unit, visits.direction, visits.places) == ("批", Direction.LOWER, 0)
    revenue = by_name["一般公共预算收入"]
    assert revenue.supplier == "市财政局"
    assert revenue.department.name == "市财政局"  # linked to the city's existing department
    assert gdp.supplier == "市统计局" and gdp.department is None  # none created


@pytest.mark.django_db
def test_the_catalogue_counts_villages_delisted_as_a_count_of_villages():
    # Issue 12 names 贫困村退出 beside 脱贫人口 among the poverty-alleviation tasks: a count of
    # villages (summed, never a fraction of one), more being better, ranked on the number.
    city = init_city("410800")
    names = [i.name for i in install_indicator_catalogue(city)]
    assert names.index("贫困村退出") == names.index("脱贫人口") + 1
    villages = Indicator.objects.get(city=city, name="贫困村退出")
    assert (villages.unit, villages.kind, villages.places) == ("个", Kind.COUNT, 0)
    assert (villages.direction, villages.rank_by) == (Direction.HIGHER, RankBy.VALUE)
    assert villages.supplier == "市乡村振兴局"


@pytest.mark.django_db
def test_installing_again_adds_what_is_missing_and_keeps_the_citys_edits():
    city = init_city("410800")
    install_indicator_catalogue(city)
    Indicator.objects.filter(city=city, name="固定资产投资").update(unit="万元", places=0)
    Indicator.objects.filter(city=city, name="进出口总额").delete()
    Indicator.objects.create(city=city, name="新植枸杞", unit="万亩", sort_order=99)
    install_indicator_catalogue(city)
    edited = Indicator.objects.get(city=city, name="固定资产投资")
    assert (edited.unit, edited.places) == ("万元", 0)
    assert Indicator.objects.filter(city=city, name="进出口总额").exists()
    assert Indicator.objects.get(city=city, name="进出口总额").sort_order == 100
    assert Indicator.objects.filter(city=city).count() == len(CATALOGUE) + 1


@pytest.mark.django_db
def test_a_county_installation_names_its_own_departments():
    city = init_city("410800")
    county = city.children.get(name="武陟县")
    install_indicator_catalogue(county)
    assert Indicator.objects.get(city=county, name="地区生产总值").supplier == "县统计局"


@pytest.mark.django_db
def test_the_citys_own_peer_group_is_its_units_said_全市():
    city = init_city("410800", zones=["城乡一体化示范区"])
    group = install_city_peer_group(city)
    assert (group.name, group.short_name) == ("焦作市各县（市、区）", "全市")
    assert group.members.count() == 11
    assert install_city_peer_group(city) == group
    assert PeerGroup.objects.filter(city=city).count() == 1


@pytest.mark.django_db
def test_a_peer_group_may_reach_beyond_the_city_and_province():
    city = init_city("410800")
    outside = Region.objects.create(code="610581", name="韩城市", kind=Region.Kind.COUNTY)
    group = PeerGroup.objects.create(city=city, name="同类县", short_name="同类县")
    group.members.add(city.children.get(name="武陟县"), outside)
    assert {r.name for r in group.members.all()} == {"武陟县", "韩城市"}
