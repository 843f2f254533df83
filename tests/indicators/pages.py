"""The test city's indicators for page, entry and browser tests: the catalogue, the city's own
peer group, 市统计局 (made before the catalogue, which links it as the supplier of 地区生产总值,
固定资产投资 and the other 统计局 figures) with its user, and figures for April and May 2025.

固定资产投资 growth (reported, %): the n-th unit grows 20 − n in April, so ranks follow the
tree's order (武陟县, the 7th, is 7th); in May the same, but 武陟县 grows 9.5 and falls to 10th
(后移3位). 武陟县's 脱贫人口 target is 7.38万人 (equal profile); 2.0万人 done by May is 27.1%,
against a node of 3.075万人 (41.7%, broken down to 1人): 14.6 points behind, a year heading
for 65.0% (2.0 ÷ (7.38 × 5/12); tests/indicators/test_warnings.py works them out).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from guanmo.accounts.models import Department, Role, User
from guanmo.indicators.models import Indicator, PeerGroup
from guanmo.indicators.services import (
    Source,
    TargetInput,
    ValueInput,
    install_city_peer_group,
    install_indicator_catalogue,
    set_targets,
    store_values,
)
from guanmo.regions.models import Region
from guanmo.regions.services import units_of
from tests.world import PASSWORD, YEAR, World


@dataclass
class IndicatorCity:
    group: PeerGroup
    investment: Indicator  # 固定资产投资, supplied by 市统计局
    poverty: Indicator  # 脱贫人口, supplied by no department: the counties enter it
    statistics: User  # 市统计局's user
    units: list[Region]


def growths(month: int, units: list[Region], wuzhi: Region) -> list[ValueInput]:
    inputs = []
    for place, unit in enumerate(units, start=1):
        growth = Decimal(20 - place)
        if month == 5 and unit == wuzhi:
            growth = Decimal("9.5")
        inputs.append(ValueInput(unit, Decimal(100 + place), Decimal(100), growth))
    return inputs


def indicator_city(world: World, *, months: tuple[int, ...] = (4, 5)) -> IndicatorCity:
    city = world.city
    statistics = Department.objects.create(city=city, name="市统计局")
    install_indicator_catalogue(city)
    group = install_city_peer_group(city)
    investment = Indicator.objects.get(city=city, name="固定资产投资", department=statistics)
    poverty = Indicator.objects.get(city=city, name="脱贫人口")
    units = units_of(city)
    for month in months:
        store_values(
            investment,
            YEAR,
            month,
            growths(month, units, world.wuzhi),
            source=Source.IMPORT,
            user=None,
        )
    store_values(poverty, YEAR, 5, [ValueInput(world.wuzhi, Decimal("2.0"))], source="", user=None)
    set_targets(poverty, YEAR, [TargetInput(world.wuzhi, amount=Decimal("7.38"))])
    user = User.objects.create_user(
        "tjj",
        password=PASSWORD,
        role=Role.DEPARTMENT,
        region=city,
        full_name="市统计局李科长",
        department=statistics,
    )
    return IndicatorCity(group, investment, poverty, user, units)


def deadline(month: int) -> date:
    return date(YEAR, month + 1, 10)


def store_growths(indicator: Indicator, units: list[Region], month: int, growths: dict) -> None:
    """2025 figures of `month` for the units: the p-th (from 1) has 100 + p against 100 and
    the reported growth `growths[p]`."""
    store_values(
        indicator,
        2025,
        month,
        [
            ValueInput(unit, Decimal(100 + p), Decimal(100), growths[p])
            for p, unit in enumerate(units, start=1)
        ],
        source=Source.IMPORT,
        user=None,
    )
