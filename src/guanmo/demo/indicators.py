"""The demo city's indicators and targets (issue 12): its catalogue with the tasks it defines,
its units' figures for last year and this year up to the demo's today, its own figure as their
sum, the province's 18 cities as a peer group (values for all of them and the province), its
like counties (同类县) as another, the towns of 修武县 with their poverty-alleviation and
agriculture tasks, and every target with its breakdown. Figures are made in
`indicator_figures` and `tasks`; everything is written through the services, from one seeded
random generator."""

import random
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from guanmo.demo.city import YEAR
from guanmo.demo.indicator_figures import (
    CITY_GDP,
    PATTERNS,
    PROVINCE_GROUP,
    PROVINCE_INDICATORS,
    UNIT_GDP,
    Figures,
    date_published,
    economy,
    high_tech_share,
    incomes,
    petitions,
    store,
    whole,
)
from guanmo.demo.tasks import RURAL, TASK_COUNTY, TASK_ENTRIES, TOWNS, task_figures, unit_targets
from guanmo.indicators.catalogue import CATALOGUE
from guanmo.indicators.choices import is_summed
from guanmo.indicators.models import Indicator
from guanmo.indicators.services import (
    Source,
    add_to_peer_group,
    install_city_peer_group,
    install_indicator_catalogue,
    set_targets,
)
from guanmo.regions.models import Region
from guanmo.regions.services import (
    add_towns,
    cities_of,
    region_of_division,
    units_of,
    units_word,
    whole_word,
)

# A hand-picked group of like counties (同类县), as offices keep one to say a county's place
# among its peers: the city's four agricultural counties, whose figures the demo has anyway.
LIKE_COUNTIES = ("修武县", "博爱县", "武陟县", "温县")


@dataclass(frozen=True)
class IndicatorSummary:
    indicators: int
    values: int
    targets: int
    towns: int
    province_cities: int


@transaction.atomic
def create_demo_indicators(city: Region, seed: int) -> IndicatorSummary:
    """Give the demo city its indicators, peer groups, figures and targets (see the module)."""
    rng = random.Random(f"{seed}-indicators")
    catalogue = {
        indicator.name: indicator
        for indicator in install_indicator_catalogue(city, (*CATALOGUE, *TASK_ENTRIES))
    }
    units = units_of(city)
    install_city_peer_group(city)
    like = [unit for unit in units if unit.name in LIKE_COUNTIES]
    add_to_peer_group(city, "同类县", like, short_name="同类县")
    county = next(unit for unit in units if unit.name == TASK_COUNTY)
    towns = add_towns(county, TOWNS)
    add_to_peer_group(
        county.parent, f"{county.name}{units_word(county)}", towns, short_name=whole_word(county)
    )

    figures: Figures = {}
    for unit in units:
        gdp = UNIT_GDP[unit.name]
        found = economy(rng, gdp, catalogue, list(PATTERNS))
        if unit.kind == Region.Kind.COUNTY:
            found |= incomes(rng, catalogue)
        found["高新技术产业增加值占比"] = high_tech_share(rng)
        found |= petitions(rng)
        figures |= {(name, unit): series for name, series in found.items()}
    rural = [unit for unit in units if unit.name in RURAL]
    tasks, targets = task_figures(rng, rural, towns, catalogue)
    figures |= tasks
    _whole_of(figures, city, units, catalogue, {u: UNIT_GDP[u.name] for u in units})

    cities = [region_of_division(division) for division in cities_of(city.parent.code)]
    add_to_peer_group(city, PROVINCE_GROUP, cities, short_name="全省")
    sizes = {c: CITY_GDP.get(c.name, 0) for c in cities}
    sizes[city] = sum(UNIT_GDP.values())
    for other in cities:
        if other != city:
            found = economy(rng, sizes[other], catalogue, PROVINCE_INDICATORS)
            figures |= {(name, other): series for name, series in found.items()}
    _whole_of(figures, city.parent, cities, catalogue, sizes, PROVINCE_INDICATORS)

    values = store(figures, catalogue)
    targets |= unit_targets(units, figures)
    for name, inputs in targets.items():
        set_targets(catalogue[name], YEAR, inputs, source=Source.DEMO)
    date_published(city)
    return IndicatorSummary(
        indicators=len(catalogue),
        values=values,
        targets=sum(len(inputs) for inputs in targets.values()),
        towns=len(towns),
        province_cities=len(cities),
    )


def _whole_of(
    figures: Figures,
    region: Region,
    parts: list[Region],
    catalogue: dict[str, Indicator],
    sizes: dict[Region, float],
    names: Sequence[str] | None = None,
) -> None:
    """The figures of `region` made up of `parts` (the city of its units, the province of its
    cities) for each indicator all of them have, or `names`."""
    found = {name for name, _ in figures} if names is None else set(names)
    for name in found:
        members = [p for p in parts if (name, p) in figures]
        if not members:
            continue
        indicator = catalogue[name]
        figures[(name, region)] = whole(
            [figures[(name, p)] for p in members],
            [sizes.get(p, 1) for p in members],
            indicator.rule.step,
            summed=is_summed(indicator.kind),
        )
