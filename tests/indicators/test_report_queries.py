"""What the city dashboard's indicator report costs: the dashboard builds the latest report on
every load, so the report reads each table a fixed number of times, whatever the number of
indicators and targets (each target once read last year's figures one by one, and each
indicator its month, its previous period, a year ago and the reported total one by one)."""

from decimal import Decimal

from guanmo.indicators.choices import Profile
from guanmo.indicators.models import Target
from guanmo.indicators.report import latest_report
from guanmo.indicators.selectors import target_standing
from guanmo.indicators.services import Source, TargetInput, ValueInput, set_targets, store_values
from tests.indicators.pages import indicator_city
from tests.world import YEAR

# The latest month; the report's indicators (given that month); the peer group and its members;
# the month, previous-period and a-year-ago figures of every indicator in one query; the
# targets with their indicators and regions; the targets' month figures; this year's "上年同期"
# and last year's figures for the seasonal targets (the nodes of targets broken down by hand:
# one more, and none here).
REPORT_QUERIES = 9


def _seasonal_targets_for_every_unit(city) -> None:
    """Last year's whole year of 固定资产投资 for every unit (the seasonal profile's shape),
    and a seasonal target for each."""
    for month in range(1, 13):
        store_values(
            city.investment,
            YEAR - 1,
            month,
            [ValueInput(unit, Decimal(8 * month + place)) for place, unit in enumerate(city.units)],
            source=Source.IMPORT,
            user=None,
        )
    set_targets(
        city.investment,
        YEAR,
        [TargetInput(unit, amount=Decimal(1300), profile=Profile.SEASONAL) for unit in city.units],
    )


def test_the_latest_report_reads_each_table_once_however_many_targets(
    world, django_assert_num_queries
):
    city = indicator_city(world)
    with django_assert_num_queries(REPORT_QUERIES - 2):  # no seasonal target: no shape read
        latest_report(world.city)
    _seasonal_targets_for_every_unit(city)
    with django_assert_num_queries(REPORT_QUERIES):
        report = latest_report(world.city)
    assert len(report.targets) == len(city.units) + 1


def test_the_targets_standings_are_those_each_target_gives_by_itself(world):
    city = indicator_city(world)
    _seasonal_targets_for_every_unit(city)
    report = latest_report(world.city)
    targets = Target.objects.filter(indicator__city=world.city, year=YEAR)
    alone = {
        (target.region.name, target.indicator.name): target_standing(target, 5)
        for target in targets
    }
    assert {(line.region, line.indicator.name): line.standing for line in report.targets} == alone
    wuzhi = alone[("武陟县", "固定资产投资")]
    assert wuzhi.node_target is not None  # the seasonal shape was found and followed
