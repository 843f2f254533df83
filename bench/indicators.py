"""The indicator report (`guanmo indicator-report`, issue 12) of a province-scale peer group:
180 regions × 30 indicators, each month of a year, with last year's figures and targets.

The city gets 30 monthly amount indicators, a peer group of 180 counties, and for each county,
indicator and month of 2025 its cumulative value and last year's; each county has an amount
target (equal breakdown) on a third of the indicators. The values are written with
`bulk_create`: the bench measures the report, not the writing.

Measured: the report of each of the twelve months (`build_report`: every indicator's table with
growth, ranks, rank changes against the previous month and last year, the group's figure, the
targets' standing and the sentences) against one SQL aggregate a month over the same values
(count, sum of this year's and last year's per indicator). The group figures of the report must
equal the aggregate's sums, or the bench fails. Each is the best of `repeat` runs; the ratio is
what matters.
"""

import random
from decimal import Decimal

from django.db import connection, transaction

YEAR = 2025
REGIONS = 180
INDICATORS = 30
TARGETED_EVERY = 3  # one indicator in three has targets
CENT = Decimal("0.01")

AGGREGATE_SQL = """
SELECT v.indicator_id, COUNT(*), SUM(v.value), SUM(v.last_year_value)
FROM indicators_indicatorvalue v
JOIN indicators_peergroup_members m ON m.region_id = v.region_id AND m.peergroup_id = %(group)s
WHERE v.year = %(year)s AND v.month = %(month)s
GROUP BY v.indicator_id
"""


def sample_city(prefix: str, name: str, county_word: str, counties: int):
    """A city `<prefix>0000` and its `counties` sample counties (`<prefix>nnnn`, 样本001县…)."""
    from guanmo.regions.models import Region

    city = Region.objects.create(code=f"{prefix}0000", name=name, kind=Region.Kind.CITY)
    return city, Region.objects.bulk_create(
        Region(
            code=f"{prefix}{n:04d}",
            name=f"{county_word}{n:03d}县",
            kind=Region.Kind.COUNTY,
            parent=city,
            sort_order=n,
        )
        for n in range(1, counties + 1)
    )


def build_indicator_world(regions: int = REGIONS, indicators: int = INDICATORS, seed: int = 3):
    """The bench's city (980000), its indicators, group, values and targets; returns the city
    and the group."""
    from guanmo.indicators.models import Indicator, IndicatorValue, PeerGroup
    from guanmo.indicators.services import TargetInput, set_targets

    rng = random.Random(seed)
    with transaction.atomic():
        city, counties = sample_city("98", "指标基准市", "指标样本", regions)
        catalogue = Indicator.objects.bulk_create(
            Indicator(city=city, name=f"样本指标{n:02d}", unit="亿元", places=2, sort_order=n)
            for n in range(1, indicators + 1)
        )
        group = PeerGroup.objects.create(city=city, name="全市各县", short_name="全市")
        group.members.add(*counties)
        rows = []
        for indicator in catalogue:
            for county in counties:
                size = rng.uniform(5, 500)
                this_year = last_year = Decimal(0)
                for month in range(1, 13):
                    last_year += Decimal(str(round(size * rng.uniform(0.04, 0.12), 2)))
                    this_year += Decimal(str(round(size * rng.uniform(0.04, 0.13), 2)))
                    rows.append(
                        IndicatorValue(
                            indicator=indicator,
                            region=county,
                            year=YEAR,
                            month=month,
                            value=this_year,
                            last_year_value=last_year,
                        )
                    )
        IndicatorValue.objects.bulk_create(rows, batch_size=5000)
        for indicator in catalogue[::TARGETED_EVERY]:
            set_targets(
                indicator,
                YEAR,
                [
                    TargetInput(county, amount=Decimal(rng.randint(100, 5000)))
                    for county in counties
                ],
            )
    return city, group


def aggregate(group_id: int) -> dict[int, list[tuple]]:
    """Each month's count and sums per indicator, one query a month."""
    found = {}
    with connection.cursor() as cursor:
        for month in range(1, 13):
            cursor.execute(AGGREGATE_SQL, {"group": group_id, "year": YEAR, "month": month})
            found[month] = cursor.fetchall()
    return found


def twelve_reports(city) -> dict[int, object]:
    from guanmo.indicators.report import build_report

    return {month: build_report(city, YEAR, month) for month in range(1, 13)}


def agrees(reports: dict[int, object], sums: dict[int, list[tuple]]) -> bool:
    """Whether every group figure of the reports is the aggregate's sum."""
    # SQLite sums decimals as floats: compared at the values' two places.
    expected = {
        (month, indicator): Decimal(str(total)).quantize(CENT)
        for month, rows in sums.items()
        for indicator, _count, total, _last in rows
    }
    computed = {
        (month, table.indicator.pk): table.total.value.quantize(CENT)
        for month, report in reports.items()
        for table in report.indicators
        if table.total.value is not None
    }
    return len(computed) == 12 * INDICATORS and all(
        expected[key] == value for key, value in computed.items()
    )
