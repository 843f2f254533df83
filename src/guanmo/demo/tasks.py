"""The demo city's annual targets and its tasks beyond economic figures (issue 12): growth and
amount targets for its units, a ceiling on 赴京访批次, the share of 高新技术产业 to reach, and a
poverty-alleviation task (脱贫人口, 贫困村退出) and an agriculture task (新植面积 in 亩, 日光温室 in
座) for its rural counties, followed in 修武县 down to its towns.

修武县's towns have their targets broken down by hand (以年终目标倒推: villages are delisted after
the autumn checks, trees planted in spring and autumn), the county's target and nodes are its
towns' sums; the other counties' targets follow last year's seasonal shape. This year's figures
run near the nodes, some ahead and some behind.
"""

import random
from collections.abc import Sequence
from decimal import Decimal

from guanmo.demo.indicator_figures import (
    LAST_YEAR,
    Figure,
    Figures,
    growing,
    to_step,
    whole,
)
from guanmo.figures.apportion import apportion
from guanmo.indicators.catalogue import Entry
from guanmo.indicators.choices import Profile, RankBy
from guanmo.indicators.models import Indicator
from guanmo.indicators.services import TargetInput
from guanmo.regions.models import Region

# The agriculture task's indicators, beyond the catalogue (贫困村退出 is in it).
TASK_ENTRIES = (
    Entry("新植面积", "亩", rank_by=RankBy.VALUE, places=0, supplier="农业农村局"),
    Entry("日光温室", "座", rank_by=RankBy.VALUE, places=0, supplier="农业农村局"),
)
TASK_COUNTY = "修武县"
TOWNS = ("城关镇", "七贤镇", "郇封镇", "周庄镇", "云台山镇", "王屯乡", "五里源乡", "西村乡")
RURAL = ("修武县", "博爱县", "武陟县", "温县", "沁阳市", "孟州市")
# Per task: last year's total of a county and of a town (in the indicator's unit), this year's
# target against it (%), and the year's monthly weights.
TASKS = {
    "脱贫人口": ((0.30, 0.90), (0.05, 0.15), 5, (2, 2, 5, 6, 7, 8, 9, 10, 12, 12, 12, 15)),
    "贫困村退出": ((4, 12), (1, 3), 0, (0, 0, 0, 0, 0, 1, 0, 0, 2, 2, 2, 3)),
    "新植面积": ((3000, 15000), (200, 2500), 8, (0, 1, 6, 5, 1, 0, 0, 0, 1, 3, 3, 0)),
    "日光温室": ((40, 200), (3, 30), 10, (1, 2, 8, 10, 10, 10, 10, 10, 12, 10, 10, 7)),
}
# Growth targets (%) of the units, as a city's annual work report sets them.
GROWTH_TARGETS = {"地区生产总值": "6.0", "固定资产投资": "5.0", "社会消费品零售总额": "6.5"}
# Figures counted in a finer grain than the unit's shown decimals: 脱贫人口 is counted in people
# (0.0001万人) and shown in 万人 to two decimals, so towns whose figures show alike (0.05) are
# still ranked on what they counted (512 and 487 people).
FIGURE_STEPS = {"脱贫人口": Decimal("0.0001")}
REVENUE_UP = 1.04  # 一般公共预算收入: last year's and 4% more
HIGH_TECH_UP = Decimal("1.0")  # 高新技术产业增加值占比: one point above last December
PETITIONS_DOWN = 0.8  # 赴京访批次 held at 80% of last year's


def task_figures(
    rng: random.Random,
    counties: Sequence[Region],
    towns: Sequence[Region],
    catalogue: dict[str, Indicator],
) -> tuple[Figures, dict[str, list[TargetInput]]]:
    """Each task's figures and targets: towns' by hand, 修武县's their sums, the other rural
    counties' by last year's shape."""
    figures: Figures = {}
    targets: dict[str, list[TargetInput]] = {}
    for name, (county_range, town_range, up, weights) in TASKS.items():
        step = catalogue[name].rule.step
        counted = FIGURE_STEPS.get(name, step)
        inputs = []
        for town in towns:
            series, target = _task(rng, rng.uniform(*town_range), up, weights, step, counted)
            figures[(name, town)] = series
            inputs.append(
                TargetInput(
                    town, target, profile=Profile.BY_HAND, months=_months(target, weights, step)
                )
            )
        for county in counties:
            if county.name == TASK_COUNTY:
                figures[(name, county)] = whole(
                    [figures[(name, t)] for t in towns], [1] * len(towns), counted, summed=True
                )
                months = [
                    sum(column, Decimal(0))
                    for column in zip(*(i.months for i in inputs), strict=True)
                ]
                inputs.append(
                    TargetInput(
                        county, sum(months, Decimal(0)), profile=Profile.BY_HAND, months=months
                    )
                )
                continue
            series, target = _task(rng, rng.uniform(*county_range), up, weights, step, counted)
            figures[(name, county)] = series
            inputs.append(TargetInput(county, target, profile=Profile.SEASONAL))
        targets[name] = inputs
    return figures, targets


def _task(
    rng: random.Random,
    last_year: float,
    up: float,
    weights: Sequence[float],
    step: Decimal,
    counted: Decimal,
) -> tuple[dict[tuple[int, int], Figure], Decimal]:
    """A region's figures of a task (to the grain it is `counted` in) and its target (to the
    unit's `step`): last year's total, a target `up`% above it, this year's figures heading for
    90%–108% of the target."""
    target = to_step(last_year * (1 + up / 100), step)
    heading = float(target) * rng.uniform(0.90, 1.08)
    growth = (rng.uniform(-10, 15), (heading / last_year - 1) * 100)
    return growing(rng, last_year, growth, weights, counted, wobble=0.1), target


def _months(target: Decimal, weights: Sequence[float], step: Decimal) -> list[Decimal]:
    """A target's twelve monthly amounts set by hand along the task's weights, to its step."""
    return apportion(target, [Decimal(str(w)) for w in weights], step)


def unit_targets(units: Sequence[Region], figures: Figures) -> dict[str, list[TargetInput]]:
    """The units' targets of the economy: growth targets, revenue as an amount by last year's
    shape, a level of 高新技术产业增加值占比, a ceiling on 赴京访批次."""
    december = (LAST_YEAR, 12)
    targets: dict[str, list[TargetInput]] = {
        name: [TargetInput(unit, growth=Decimal(rate)) for unit in units]
        for name, rate in GROWTH_TARGETS.items()
    }
    targets["一般公共预算收入"] = [
        TargetInput(
            unit,
            to_step(
                float(figures[("一般公共预算收入", unit)][december].value) * REVENUE_UP,
                Decimal("0.01"),
            ),
            profile=Profile.SEASONAL,
        )
        for unit in units
    ]
    targets["高新技术产业增加值占比"] = [
        TargetInput(unit, figures[("高新技术产业增加值占比", unit)][december].value + HIGH_TECH_UP)
        for unit in units
    ]
    targets["赴京访批次"] = [
        TargetInput(
            unit,
            to_step(
                float(figures[("赴京访批次", unit)][december].value) * PETITIONS_DOWN, Decimal(1)
            ),
        )
        for unit in units
    ]
    return targets
