"""The demo city's indicators (issue 12): its units' figures, the province's 18 cities, the
towns of 修武县 with their poverty-alleviation and agriculture tasks, targets with breakdown."""

import json
from decimal import Decimal

import pytest

from guanmo.demo.city import YEAR
from guanmo.figures.arithmetic import growth_rate
from guanmo.indicators.choices import Profile, is_summed
from guanmo.indicators.models import Indicator, IndicatorValue, PeerGroup, Target, TargetChange
from guanmo.indicators.report import build_report
from guanmo.indicators.report_output import as_json
from guanmo.indicators.table import GroupFigure
from guanmo.regions.models import Region

pytestmark = pytest.mark.django_db

NOVEMBER = 11


@pytest.fixture
def city(demo) -> Region:
    return Region.objects.get(code="410800")


def test_the_province_group_holds_its_18_cities_each_with_its_figures(city):
    group = PeerGroup.objects.get(city=city, name="全省18个省辖市")
    members = list(group.members.all())

    assert group.short_name == "全省"
    assert len(members) == 18 and city in members
    for name, month in (("地区生产总值", 9), ("固定资产投资", NOVEMBER)):
        given = IndicatorValue.objects.filter(
            indicator__city=city, indicator__name=name, year=YEAR, month=month, region__in=members
        )
        assert given.count() == 18, name
    report = json.loads(as_json(build_report(city, YEAR, 9, group="全省18个省辖市")))
    gdp = next(i for i in report["indicators"] if i["name"] == "地区生产总值")
    assert sorted(r["rank"] for r in gdp["regions"] if r["rank"]) == sorted(
        r["rank"] for r in gdp["regions"]
    )
    assert any(s.startswith("1—9月，全省地区生产总值完成") for s in report["sentences"])


def test_the_citys_report_ranks_its_twelve_units_on_every_main_indicator(city):
    report = build_report(city, YEAR, NOVEMBER)

    assert len(report.regions) == 12
    investment = next(t for t in report.indicators if t.indicator.name == "固定资产投资")
    assert all(line.rank is not None for line in investment.lines)
    assert investment.total.growth is not None
    assert any("全市固定资产投资完成" in s for s in report.sentences)


def test_the_tasks_go_down_to_the_towns_of_one_county_in_their_own_units(city):
    xiuwu = city.children.get(name="修武县")
    towns = list(xiuwu.children.filter(kind=Region.Kind.TOWN))
    group = PeerGroup.objects.get(city=city, name="修武县各乡镇（街道）")

    assert len(towns) == 8 and set(group.members.all()) == set(towns)
    assert group.short_name == "全县"
    units = dict(
        Indicator.objects.filter(
            city=city, name__in=["脱贫人口", "贫困村退出", "新植面积", "日光温室"]
        ).values_list("name", "unit")
    )
    assert units == {"脱贫人口": "万人", "贫困村退出": "个", "新植面积": "亩", "日光温室": "座"}
    for name in units:
        targets = Target.objects.filter(indicator__city=city, indicator__name=name, year=YEAR)
        by_town = targets.filter(region__in=towns)
        assert by_town.count() == 8 and {t.profile for t in by_town} == {Profile.BY_HAND}
        county = targets.get(region=xiuwu)
        assert county.amount == sum(t.amount for t in by_town)
        towns_done = IndicatorValue.objects.filter(
            indicator__name=name, region__in=towns, year=YEAR, month=NOVEMBER
        )
        county_done = IndicatorValue.objects.get(
            indicator__name=name, region=xiuwu, year=YEAR, month=NOVEMBER
        )
        assert county_done.value == sum(v.value for v in towns_done)


def test_people_lifted_are_counted_in_people_and_ranked_on_them(city):
    """脱贫人口 is shown in 万人 to two decimals but counted in people (0.0001万人): towns whose
    figures show alike are ranked on what they counted, tied only when equal."""
    report = build_report(city, YEAR, NOVEMBER, group="修武县各乡镇（街道）")
    (table,) = [t for t in report.indicators if t.indicator.name == "脱贫人口"]
    values = [line.value for line in table.lines]
    assert any(value != value.quantize(Decimal("0.01")) for value in values)
    for line in table.lines:
        same = [other for other in table.lines if other.value == line.value]
        assert line.tied == (len(same) > 1)


def test_the_town_report_judges_each_town_against_its_node(city):
    report = build_report(city, YEAR, NOVEMBER, group="修武县各乡镇（街道）")

    planting = [t for t in report.targets if t.indicator.name == "新植面积"]
    # the eight towns and the county's own target (the group's whole, tryout 26 [6])
    regions = [t.region for t in planting]
    assert report.whole.name == "修武县" and regions.count("修武县") == 1
    assert len(regions) == 1 + 8
    assert all(t.standing.vs_node is not None for t in planting)
    assert any("新植面积完成" in s and "亩，占全年目标任务的" in s for s in report.sentences)


def test_targets_include_a_ceiling_a_growth_and_a_ratio_level(city):
    wuzhi = city.children.get(name="武陟县")
    targets = {t.indicator.name: t for t in Target.objects.filter(region=wuzhi, year=YEAR)}

    assert targets["赴京访批次"].amount is not None
    assert targets["固定资产投资"].growth is not None
    assert targets["高新技术产业增加值占比"].amount > 0
    report = build_report(city, YEAR, NOVEMBER, region="武陟县")
    said = " ".join(report.sentences)
    assert "已用全年控制数的" in said
    assert "高新技术产业增加值占比达到" in said and "目标" in said


def test_the_demos_targets_are_recorded_as_demo_data(city):
    sources = set(TargetChange.objects.filter(target__indicator__city=city).values_list("source"))
    assert sources == {("演示数据",)}


def test_a_group_of_like_counties_ranks_its_members_and_shows_on_a_countys_page(city, client):
    from django.urls import reverse

    from guanmo.accounts.models import User

    group = PeerGroup.objects.get(city=city, name="同类县")
    members = {member.name for member in group.members.all()}

    assert group.short_name == "同类县"
    assert members == {"修武县", "博爱县", "武陟县", "温县"}
    report = build_report(city, YEAR, NOVEMBER, group="同类县")
    investment = next(t for t in report.indicators if t.indicator.name == "固定资产投资")
    assert sorted(line.rank for line in investment.lines) == [1, 2, 3, 4]
    wuzhi = User.objects.get(role="county_office", region__name="武陟县")
    client.force_login(wuzhi)
    body = client.get(reverse("county_places") + f"?year={YEAR}&month={NOVEMBER}").content.decode()
    assert "武陟县在同类县（4个）中的位次" in body
    row = body[body.index('data-indicator="固定资产投资"') :]
    assert '<td class="num rank" data-label="同类县位次">第' in row[: row.index("</tr>")]


def test_the_like_counties_total_is_the_four_counties_own_never_the_citys(city):
    report = build_report(city, YEAR, NOVEMBER, group="同类县")
    investment = next(t for t in report.indicators if t.indicator.name == "固定资产投资")
    summed = sum(line.value for line in investment.lines)
    last_year = sum(line.last_year for line in investment.lines)

    assert investment.total.value == summed
    assert investment.total.growth == growth_rate(summed, last_year)
    for table in report.indicators:
        if not is_summed(table.indicator.kind):  # a count (贫困村退出) is summed too
            assert table.total == GroupFigure(None, None), table.indicator.name
