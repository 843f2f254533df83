"""From stored figures to the plain values the arithmetic takes, and on to the sentence."""

from decimal import Decimal as D

import pytest

from guanmo.indicators.arithmetic import Reading, peer_ranks
from guanmo.indicators.choices import Profile
from guanmo.indicators.models import Indicator, PeerGroup, Target, TargetNode
from guanmo.indicators.selectors import breakdown_of, group_members, readings
from guanmo.indicators.sentences import rank_change_sentence
from guanmo.indicators.services import Source, ValueInput, store_values
from guanmo.regions.models import Region


@pytest.fixture
def group(city):
    group = PeerGroup.objects.create(city=city, name="焦作市三县", short_name="全市")
    group.members.add(*city.children.filter(name__in=["武陟县", "温县", "博爱县"]))
    return group


def _store(indicator, month, growths):
    members = {region.name: region for region in indicator.city.children.all()}
    store_values(
        indicator,
        2025,
        month,
        [
            ValueInput(members[name], D(100) + D(rate), last_year=D(100))
            for name, rate in growths.items()
        ],
        source=Source.IMPORT,
        user=None,
    )


def test_the_county_rank_sentence_from_stored_months(city, group):
    fai = Indicator.objects.get(city=city, name="固定资产投资")
    _store(fai, 5, {"武陟县": "6", "温县": "9", "博爱县": "7"})  # 武陟 3rd
    _store(fai, 6, {"武陟县": "8", "温县": "9", "博爱县": "7"})  # 武陟 2nd
    members = group_members(group)
    assert [m.name for m in members] == ["博爱县", "武陟县", "温县"]  # the tree's order
    may, june = (peer_ranks(readings(fai, members, 2025, m), fai.rule) for m in (5, 6))
    position = [m.name for m in members].index("武陟县")
    sentence = rank_change_sentence(
        fai.name, fai.rule.rank_by, group.short_name, june[position], may[position]
    )
    assert sentence == "固定资产投资增速居全市第2位，较上月前移1位。"


def test_a_member_without_a_figure_reads_as_missing(city, group):
    fai = Indicator.objects.get(city=city, name="固定资产投资")
    _store(fai, 6, {"武陟县": "8"})
    found = readings(fai, group_members(group), 2025, 6)
    assert found[0] == Reading("博爱县", None)
    assert found[1] == Reading("武陟县", D("108"), last_year=D("100"))


def test_regions_of_one_name_in_a_group_read_with_their_cities(city):
    shenyang = Region.objects.create(code="210100", name="沈阳市", kind=Region.Kind.CITY)
    tianjin = Region.objects.create(code="120000", name="天津市", kind=Region.Kind.CITY)
    group = PeerGroup.objects.create(city=city, name="和平区", short_name="同类区")
    group.members.add(
        Region.objects.create(code="210102", name="和平区", kind="county", parent=shenyang),
        Region.objects.create(code="120101", name="和平区", kind="county", parent=tianjin),
        city.children.get(name="温县"),
    )
    fai = Indicator.objects.get(city=city, name="固定资产投资")
    labels = [r.region for r in readings(fai, group_members(group), 2025, 6)]
    assert sorted(labels) == ["天津市和平区", "沈阳市和平区", "温县"]


def _target(city, region, profile, amount="7.38", name="脱贫人口"):
    indicator = Indicator.objects.get(city=city, name=name)
    return Target.objects.create(
        indicator=indicator, region=region, year=2025, amount=D(amount), profile=profile
    )


def test_an_equal_breakdown_to_the_indicators_decimals(city, wuzhi):
    plan = breakdown_of(_target(city, wuzhi, Profile.EQUAL))
    assert plan.node(6) == D("3.69")  # 7.38 × 6/12, to the unit's real step (1人)
    assert sum(plan.months) == D("7.38")


def test_a_seasonal_breakdown_from_last_years_stored_months(city, wuzhi):
    poverty = Indicator.objects.get(city=city, name="脱贫人口")
    cumulative = [5, 10, 20, 25, 30, 40, 45, 50, 60, 65, 70, 100]
    for month, value in enumerate(cumulative, start=1):
        store_values(poverty, 2024, month, [ValueInput(wuzhi, D(value))], source="x", user=None)
    plan = breakdown_of(_target(city, wuzhi, Profile.SEASONAL, amount="120"))
    assert plan.quarters == (D("24"), D("24"), D("24"), D("48"))


# A quarterly indicator's shape: a monthly one's needs every month (tests/indicators/
# test_seasonal_gaps.py, tryout 26 item 3).
QUARTERLY = "地区生产总值"


def test_a_seasonal_breakdown_can_use_this_years_last_year_column(city, wuzhi):
    gdp = Indicator.objects.get(city=city, name=QUARTERLY)
    for month, value in ((3, 20), (6, 40), (9, 60), (12, 100)):
        store_values(
            gdp,
            2025,
            month,
            [ValueInput(wuzhi, D(1), last_year=D(value))],
            source="x",
            user=None,
        )
    plan = breakdown_of(_target(city, wuzhi, Profile.SEASONAL, amount="100", name=QUARTERLY))
    assert plan.quarters == (D("20"), D("20"), D("20"), D("40"))


def test_a_seasonal_breakdown_skips_last_years_growth_only_months(city, wuzhi):
    gdp = Indicator.objects.get(city=city, name=QUARTERLY)
    store_values(
        gdp, 2024, 6, [ValueInput(wuzhi, None, reported_growth=D("5"))], source="x", user=None
    )
    for month, value in ((3, 20), (9, 60), (12, 100)):
        store_values(gdp, 2024, month, [ValueInput(wuzhi, D(value))], source="x", user=None)
    plan = breakdown_of(_target(city, wuzhi, Profile.SEASONAL, amount="100", name=QUARTERLY))
    assert plan.quarters == (D("20"), D("20"), D("20"), D("40"))


def test_a_seasonal_breakdown_without_last_years_december_says_so(city, wuzhi):
    with pytest.raises(ValueError, match="12月"):
        breakdown_of(_target(city, wuzhi, Profile.SEASONAL))


def test_a_breakdown_by_hand_from_its_twelve_nodes(city, wuzhi):
    target = _target(city, wuzhi, Profile.BY_HAND)
    for month in range(1, 12):
        TargetNode.objects.create(target=target, month=month, amount=D("0.5"))
    with pytest.raises(ValueError, match="12月"):
        breakdown_of(target)
    TargetNode.objects.create(target=target, month=12, amount=D("1.88"))
    assert breakdown_of(target).quarter_node(4) == D("7.38")


def test_a_growth_target_has_no_breakdown(city, wuzhi):
    fai = Indicator.objects.get(city=city, name="固定资产投资")
    target = Target.objects.create(indicator=fai, region=wuzhi, year=2025, growth=D("10"))
    assert breakdown_of(target) is None


def test_last_years_figure_is_the_stored_same_period_of_last_year_when_not_given(city, group):
    # Tryout 12: a December entered without 上年同期 had no growth though December 2024 was
    # stored. A 上年同期 given with the figure wins over the stored one.
    fai = Indicator.objects.get(city=city, name="固定资产投资")
    wuzhi, wenxian, boai = (city.children.get(name=n) for n in ("武陟县", "温县", "博爱县"))
    store_values(
        fai,
        2024,
        12,
        [ValueInput(wuzhi, D(100)), ValueInput(wenxian, D(200)), ValueInput(boai, D(50))],
        source=Source.IMPORT,
        user=None,
    )
    store_values(
        fai,
        2025,
        12,
        [ValueInput(wuzhi, D(110)), ValueInput(wenxian, D(210), D(180)), ValueInput(boai, D(60))],
        source=Source.IMPORT,
        user=None,
    )
    read = readings(fai, group_members(group), 2025, 12)
    assert [(r.region, r.last_year) for r in read] == [
        ("博爱县", D(50)),
        ("武陟县", D(100)),
        ("温县", D(180)),
    ]
