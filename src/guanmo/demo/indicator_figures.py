"""The demo city's indicator figures (issue 12): last year's twelve months and this year's up to
the demo's today, with last year's figures beside them, made for a region by its size.

Believable as a statistics bureau's tables are: amounts accumulate month by month with their
own seasonal shape (revenue heavy in January, investment in the second and third quarters),
each region's growth lies around the province's, GDP and 规上工业增加值 growth are the bureau's
rates at comparable prices (GDP's nominal amounts grow by the rate and a deflator), a month's
"上年同期" is last year's stored figure of that month, and nothing is dated after the demo's
today: the figures of month M were published on the 10th of month M+1, so November's are the
last. They are stored through `store_values`, as an import stores them.
"""

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from guanmo.demo.city import TODAY, YEAR
from guanmo.demo.moments import at
from guanmo.indicators.choices import Frequency
from guanmo.indicators.models import Indicator, IndicatorValue, TargetChange, ValueChange
from guanmo.indicators.services import Source, ValueInput, store_values
from guanmo.regions.models import Region

LAST_YEAR = YEAR - 1
LAST_MONTH = TODAY.month - 1  # November: December's figures are not out on 15 December
PUBLISHED_ON_DAY = 10  # of the following month

# Annual figures of 2024 in 亿元 for the demo city's units: what each is worth in the city.
UNIT_GDP = {
    "解放区": 210,
    "中站区": 95,
    "马村区": 85,
    "山阳区": 200,
    "修武县": 130,
    "博爱县": 185,
    "武陟县": 310,
    "温县": 245,
    "沁阳市": 335,
    "孟州市": 265,
    "城乡一体化示范区": 70,
    "焦作高新技术产业开发区": 50,
}
# The province's cities' GDP of 2024 (亿元, rounded as reported); 焦作's is its units' sum.
CITY_GDP = {
    "郑州市": 14533,
    "开封市": 2800,
    "洛阳市": 5680,
    "平顶山市": 2880,
    "安阳市": 2600,
    "鹤壁市": 1100,
    "新乡市": 3470,
    "濮阳市": 1960,
    "许昌市": 3650,
    "漯河市": 1960,
    "三门峡市": 1690,
    "南阳市": 4900,
    "商丘市": 3430,
    "信阳市": 3200,
    "周口市": 3830,
    "驻马店市": 3290,
    "济源市": 800,
}
PROVINCE_GROUP = "全省18个省辖市"


@dataclass(frozen=True)
class Pattern:
    """How an indicator's figures run: its size against GDP, the province's growth last year
    and this (%), how far a region strays from it (points), its monthly shape (weights of
    January … December), and whether its growth is the bureau's at comparable prices."""

    share_of_gdp: float
    growth: tuple[float, float]
    spread: float
    shape: tuple[float, ...]
    comparable_prices: bool = False


QUARTERLY = (0, 0, 0.22, 0, 0, 0.25, 0, 0, 0.25, 0, 0, 0.28)
PATTERNS = {
    "地区生产总值": Pattern(1, (5.1, 5.6), 0.8, QUARTERLY, comparable_prices=True),
    "规模以上工业增加值": Pattern(0.3, (8.0, 7.5), 2.5, (1,) * 12, comparable_prices=True),
    "固定资产投资": Pattern(
        0.55, (6.7, 4.0), 4, (3, 3.5, 7.5, 9, 10, 10, 9.5, 9.5, 10, 9.5, 8, 10)
    ),
    "一般公共预算收入": Pattern(0.065, (3.0, 3.5), 4, (10, 6, 9, 9, 8, 9, 8, 7, 8, 8, 8, 10)),
    "社会消费品零售总额": Pattern(0.4, (5.8, 6.0), 1, (9, 8, 8, 8, 8, 8, 8, 8, 8, 9, 9, 9)),
    "实际利用省外资金": Pattern(0.15, (4.0, 5.0), 5, (6, 6, 9, 8, 8, 9, 8, 8, 9, 9, 9, 11)),
    "进出口总额": Pattern(0.1, (3.0, 8.0), 10, (8, 6, 8, 8, 8, 9, 9, 9, 9, 9, 8, 9)),
}
# 元 a year in 2024 (焦作's counties), the province's growth, and the quarters' shares.
INCOMES = {
    "城镇居民人均可支配收入": (40000, (4.6, 4.8)),
    "农村居民人均可支配收入": (23000, (6.5, 6.2)),
}
INCOME_SHAPE = (0, 0, 0.28, 0, 0, 0.23, 0, 0, 0.24, 0, 0, 0.25)
# The province's cities are compared on these.
PROVINCE_INDICATORS = ("地区生产总值", "规模以上工业增加值", "固定资产投资", "社会消费品零售总额")


@dataclass(frozen=True)
class Figure:
    value: Decimal | None
    last_year: Decimal | None = None
    growth: Decimal | None = None


# (indicator name, region) → (year, month) → figures
Figures = dict[tuple[str, Region], dict[tuple[int, int], Figure]]


def periods(quarterly: bool = False) -> list[tuple[int, int]]:
    """Last year's twelve months and this year's up to November (quarter ends only for a
    quarterly indicator)."""
    months = (3, 6, 9, 12) if quarterly else range(1, 13)
    return [
        (year, m) for year in (LAST_YEAR, YEAR) for m in months if (year, m) <= (YEAR, LAST_MONTH)
    ]


def to_step(value: float, step: Decimal) -> Decimal:
    return Decimal(str(value)).quantize(step, rounding=ROUND_HALF_UP)


def shape(rng: random.Random, weights: Sequence[float], wobble: float) -> list[float]:
    """A year's monthly weights: `weights` each moved by up to ±`wobble` (a share)."""
    return [w * rng.uniform(1 - wobble, 1 + wobble) for w in weights]


def cumulative(total: float, weights: Sequence[float], step: Decimal) -> list[Decimal]:
    """Twelve 1—M月 figures of a year of `total`, shaped by `weights`, each half-up to `step`:
    never falling, December the total."""
    whole, running, figures = sum(weights), 0.0, []
    for weight in weights:
        running += weight
        figures.append(to_step(total * running / whole, step))
    return figures


def growing(
    rng: random.Random,
    total: float,
    growth: tuple[float, float],
    weights: Sequence[float],
    step: Decimal,
    *,
    wobble: float = 0.06,
    quarterly: bool = False,
) -> dict[tuple[int, int], Figure]:
    """An amount's figures: last year's annual `total`, grown by `growth` (% last year and
    this), each year's months shaped by `weights` moved by `wobble`; "上年同期" is always the
    previous year's figure of the month, as stored."""
    totals = {
        LAST_YEAR - 1: total / (1 + growth[0] / 100),
        LAST_YEAR: total,
        YEAR: total * (1 + growth[1] / 100),
    }
    by_year = {year: cumulative(t, shape(rng, weights, wobble), step) for year, t in totals.items()}
    return {
        (year, m): Figure(by_year[year][m - 1], by_year[year - 1][m - 1])
        for year, m in periods(quarterly)
    }


def around(rng: random.Random, rate: float, spread: float) -> float:
    """A region's growth near the province's `rate`: within two spreads of it."""
    return rate + max(-2 * spread, min(2 * spread, rng.gauss(0, spread)))


def economy(
    rng: random.Random, gdp: float, catalogue: dict[str, Indicator], names: Sequence[str]
) -> dict[str, dict[tuple[int, int], Figure]]:
    """A region's main economic indicators `names` for a region of last year's `gdp` (亿元).

    GDP and 规上工业增加值 growth is reported at comparable prices: GDP's nominal amounts grow by
    the rate and the region's deflator; 规上工业增加值 is published as its growth alone."""
    deflator = rng.uniform(-1.0, 0.5)
    found = {}
    for name in names:
        pattern, indicator = PATTERNS[name], catalogue[name]
        quarterly = indicator.frequency == Frequency.QUARTERLY
        rates = tuple(around(rng, rate, pattern.spread) for rate in pattern.growth)
        if name == "规模以上工业增加值":
            found[name] = {
                (year, m): Figure(
                    None, growth=rate(rates[year - LAST_YEAR] + rng.uniform(-0.5, 0.5))
                )
                for year, m in periods()
            }
            continue
        if pattern.comparable_prices:
            nominal = tuple(r + deflator for r in rates)
            series = growing(
                rng, gdp, nominal, pattern.shape, indicator.rule.step, wobble=0, quarterly=quarterly
            )
            found[name] = {
                period: Figure(f.value, f.last_year, rate(rates[period[0] - LAST_YEAR]))
                for period, f in series.items()
            }
            continue
        size = gdp * pattern.share_of_gdp * rng.uniform(0.8, 1.2)
        found[name] = growing(
            rng, size, rates, pattern.shape, indicator.rule.step, quarterly=quarterly
        )
    return found


def rate(value: float) -> Decimal:
    """A growth rate as bureaus publish it: one decimal."""
    return to_step(value, Decimal("0.1"))


def incomes(
    rng: random.Random, catalogue: dict[str, Indicator]
) -> dict[str, dict[tuple[int, int], Figure]]:
    """A county's residents' disposable income per head (元), quarter by quarter, accumulated."""
    found = {}
    for name, (level, growth) in INCOMES.items():
        rates = tuple(around(rng, r, 0.5) for r in growth)
        step = catalogue[name].rule.step
        found[name] = growing(
            rng, level * rng.uniform(0.85, 1.1), rates, INCOME_SHAPE, step, wobble=0, quarterly=True
        )
    return found


def high_tech_share(rng: random.Random) -> dict[tuple[int, int], Figure]:
    """高新技术产业增加值占比 (%), drifting a little month to month, up on last year."""
    level = {LAST_YEAR - 1: rng.uniform(28, 52)}
    level[LAST_YEAR] = level[LAST_YEAR - 1] + rng.uniform(-0.5, 2.5)
    level[YEAR] = level[LAST_YEAR] + rng.uniform(-1.0, 3.0)
    by_year = {
        year: [to_step(start + rng.uniform(-0.6, 0.6), Decimal("0.1")) for _ in range(12)]
        for year, start in level.items()
    }
    return {
        (year, m): Figure(by_year[year][m - 1], by_year[year - 1][m - 1]) for year, m in periods()
    }


def petitions(rng: random.Random) -> dict[str, dict[tuple[int, int], Figure]]:
    """赴京访批次 and 人次: each petition a month and one to four people, fewer year by year."""
    base = rng.randint(3, 9)
    by_year = {}
    for year, factor in ((LAST_YEAR - 1, 1.0), (LAST_YEAR, 0.8), (YEAR, 0.6)):
        events = sorted(
            (rng.randint(1, 12), rng.choice((1, 1, 2, 2, 3, 4)))
            for _ in range(round(base * factor))
        )
        by_year[year] = [
            (sum(1 for m, _ in events if m <= month), sum(n for m, n in events if m <= month))
            for month in range(1, 13)
        ]
    return {
        name: {
            (year, m): Figure(
                Decimal(by_year[year][m - 1][part]), Decimal(by_year[year - 1][m - 1][part])
            )
            for year, m in periods()
        }
        for part, name in enumerate(("赴京访批次", "赴京访人次"))
    }


def whole(
    parts: Sequence[dict[tuple[int, int], Figure]],
    weights: Sequence[float],
    step: Decimal,
    *,
    summed: bool,
) -> dict[tuple[int, int], Figure]:
    """The figures of a region made up of `parts`: amounts summed (`summed`), or for a ratio or
    an average the `weights`-weighted mean, half-up to `step`; a reported growth the weighted
    mean of the parts' (as bureaus' totals are their own rates, not a derivation)."""
    found = {}
    for period in parts[0]:
        figures = [part[period] for part in parts]
        found[period] = Figure(
            _combined([f.value for f in figures], weights, step, summed=summed),
            _combined([f.last_year for f in figures], weights, step, summed=summed),
            _combined([f.growth for f in figures], weights, Decimal("0.1"), summed=False),
        )
    return found


def _combined(
    figures: Sequence[Decimal | None], weights: Sequence[float], step: Decimal, *, summed: bool
) -> Decimal | None:
    if any(f is None for f in figures):
        return None
    if summed:
        return sum(figures, Decimal(0))  # type: ignore[arg-type]
    mean = sum(float(f) * w for f, w in zip(figures, weights, strict=True)) / sum(weights)
    return to_step(mean, step)


def store(figures: Figures, catalogue: dict[str, Indicator]) -> int:
    """Store every figure through `store_values`, one call per indicator and month, as a
    bureau's monthly table would come in; the number of regions' figures stored."""
    by_period: dict[tuple[str, int, int], list[ValueInput]] = defaultdict(list)
    for (name, region), series in figures.items():
        for (year, month), f in series.items():
            by_period[(name, year, month)].append(
                ValueInput(region, f.value, f.last_year, f.growth)
            )
    for (name, year, month), inputs in by_period.items():
        store_values(
            catalogue[name], year, month, inputs, source=Source.DEMO, user=None, reason="演示数据"
        )
    return sum(len(inputs) for inputs in by_period.values())


def published(year: int, month: int) -> date:
    """The day the figures of a month came out: the 10th of the next month."""
    return date(year + month // 12, month % 12 + 1, PUBLISHED_ON_DAY)


# The day the year's targets were set: the 政府工作报告 and the target letters are out by then.
TARGETS_SET = date(YEAR, 2, 20)


def date_published(city: Region) -> None:
    """Each stored figure and its history dated the day its month's figures came out, and the
    targets' history the day they were set, not the moment the demo was built."""
    TargetChange.objects.filter(target__indicator__city=city).update(at=at(TARGETS_SET, 9))
    for year, month in periods():
        moment = at(published(year, month), 9)
        IndicatorValue.objects.filter(indicator__city=city, year=year, month=month).update(
            updated_at=moment
        )
        ValueChange.objects.filter(
            value__indicator__city=city, value__year=year, value__month=month
        ).update(at=moment)
