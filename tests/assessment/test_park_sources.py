"""园区:… sources on stored data: a park's own figures as its office saved them
(attraction.park_services) and its parcels as the land sheet keeps them, read by
`fill_from_sources` for 2025年1—6月.

城乡一体化示范区: 主营业务收入 1,500,000万元, of which 894,000 its leading industries (59.6%);
parcels of 10 亩 (supplied 1 February, tax 100) and 20 亩 (supplied 1 July, after the cycle:
not counted): 100 ÷ 10 = 10.00万元/亩. 武陟产业集聚区: 2,100,000, of which 1,575,000 (75.0%);
one parcel of 12.5 亩 (supplied 1 March 2024, tax 250): 20.00万元/亩."""

from datetime import date
from decimal import Decimal as D

import pytest

from guanmo.assessment.definition import Definition, IndicatorRow, Inputs
from guanmo.assessment.source_selectors import fill_from_sources
from guanmo.assessment.sources import SourceCycle, SourceError
from guanmo.attraction.models import Parcel
from guanmo.attraction.park_services import save_park_figures
from guanmo.regions.services import init_city
from guanmo.reporting.history import Source

DEMO, WUZHI = "城乡一体化示范区", "武陟产业集聚区"
SCHEME = Definition(
    (
        IndicatorRow("园区发展", None, "主导产业占比", D(60), source="园区:主导产业占比"),
        IndicatorRow("园区发展", None, "亩均税收", D(40), source="园区:亩均税收"),
    )
)


@pytest.fixture
def city(db):
    city = init_city("410800", zones=[DEMO, WUZHI])
    parks = {park.name: park for park in city.children.filter(kind="zone")}
    county = city.children.get(name="武陟县")
    for park, revenue, leading in ((DEMO, 1500000, 894000), (WUZHI, 2100000, 1575000)):
        save_park_figures(
            parks[park],
            2025,
            6,
            {"revenue": D(revenue), "leading_revenue": D(leading)},
            source=Source.PARK,
            user=None,
        )
    for park, name, area, supplied, tax in (
        (DEMO, "示范区一号地", D(10), date(2025, 2, 1), D(100)),
        (DEMO, "示范区二号地", D(20), date(2025, 7, 1), D(900)),
        (WUZHI, "集聚区一号地", D("12.5"), date(2024, 3, 1), D(250)),
    ):
        Parcel.objects.create(
            city=city,
            county=county,
            park=parks[park],
            name=name,
            area=area,
            supplied_on=supplied,
            tax=tax,
        )
    return city


def test_a_scheme_reads_the_parks_leading_share_and_tax_per_mu_from_guanmo(city):
    filled = fill_from_sources(
        city, SourceCycle(2025, 6), SCHEME, Inputs({DEMO: {}, WUZHI: {}}), today=date(2025, 7, 10)
    ).inputs

    assert filled.values == {
        DEMO: {"主导产业占比": D("59.6"), "亩均税收": D("10.00")},
        WUZHI: {"主导产业占比": D("75.0"), "亩均税收": D("20.00")},
    }
    assert filled.origins[WUZHI]["亩均税收"] == (
        "园区:亩均税收（截至2025年6月底已供地12.5亩，亩均税收20.00万元/亩）"
    )


def test_a_county_rated_by_park_sources_stops_the_run_naming_it(city):
    said = "武陟县“主导产业占比”（园区:主导产业占比）无数值：武陟县不是园区"
    with pytest.raises(SourceError, match=said):
        fill_from_sources(
            city,
            SourceCycle(2025, 6),
            SCHEME,
            Inputs({DEMO: {}, "武陟县": {}}),
            today=date(2025, 7, 10),
        )


def test_a_period_the_parks_gave_no_figures_for_has_no_value(city):
    with pytest.raises(SourceError, match=f"{DEMO}“主导产业占比”.*没有2025年1—9月的园区主要指标"):
        fill_from_sources(
            city, SourceCycle(2025, 9), SCHEME, Inputs({DEMO: {}}), today=date(2025, 10, 10)
        )
