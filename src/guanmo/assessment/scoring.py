"""Scoring forms: one indicator's values for every unit assessed turned into scores.

Each form takes the column of one indicator (one value per unit, None where the unit has no
value) and returns one score per unit in the same order; a missing value stays None, never 0.
Direction (正向: more is better; 负向: less is better, 单位能耗, 安全事故) is an argument of every
form. Arithmetic is exact on Decimals; degenerate columns (every value equal, a zero benchmark)
give the result each docstring states, never a division error.

Sources: the forms are those assessment schemes (考核办法) write, as listed in issue 13; min-max,
goalposts and z-score are those of the OECD/JRC Handbook on Constructing Composite Indicators
(2008), section 5; 功效系数 is the efficacy-coefficient method of Chinese performance
assessment (企业绩效评价标准值, 60 + 40 × ratio).
"""

from collections.abc import Sequence
from decimal import Decimal
from enum import StrEnum

from guanmo.figures.arithmetic import competition_ranks

Column = Sequence[Decimal | None]
Scores = list[Decimal | None]
HUNDRED = Decimal(100)


class Direction(StrEnum):
    """正向: a higher value is better; 负向: a lower value is better."""

    POSITIVE = "正向"
    NEGATIVE = "负向"


def _present(values: Column) -> list[Decimal]:
    return [value for value in values if value is not None]


def _position(value: Decimal, low: Decimal, high: Decimal, direction: Direction) -> Decimal:
    """Where `value` lies between `low` and `high` as a fraction, 1 at the better end."""
    if direction is Direction.POSITIVE:
        return (value - low) / (high - low)
    return (high - value) / (high - low)


def min_max(values: Column, direction: Direction, *, top: Decimal = HUNDRED) -> Scores:
    """Directional min-max to 0–`top` (default 100): 正向 (x − min) ÷ (max − min) × top,
    负向 (max − x) ÷ (max − min) × top; the best unit gets `top`, the worst 0.

    Units: scores on the 0–top scale, whatever the values' unit. Every value equal: every unit
    gets `top` (no unit did worse than another). Source: OECD/JRC Handbook (2008) §5.
    """
    present = _present(values)
    if not present:
        return [None] * len(values)
    low, high = min(present), max(present)
    if low == high:
        return [None if value is None else top for value in values]
    return [
        None if value is None else _position(value, low, high, direction) * top for value in values
    ]


def efficacy_coefficient(
    values: Column,
    direction: Direction,
    *,
    floor: Decimal = Decimal(60),
    span: Decimal = Decimal(40),
) -> Scores:
    """功效系数: floor + span × (x − min) ÷ (max − min) (负向: (max − x)), by default
    60 + 40 × …: the worst unit gets 60, the best 100.

    Units: points on floor…floor + span. Every value equal: every unit gets floor + span.
    Source: the efficacy-coefficient method of Chinese performance assessment (issue 13).
    """
    positions = min_max(values, direction, top=Decimal(1))
    return [None if position is None else floor + span * position for position in positions]


def ratio_score(
    value: Decimal, benchmark: Decimal, direction: Direction, points: Decimal
) -> Decimal:
    """One value against its benchmark or target: 正向 x ÷ benchmark × points, 负向
    benchmark ÷ x × points, capped at `points` and never below 0.

    A benchmark met (正向 x ≥ benchmark, 负向 x ≤ benchmark) scores full points, so a value of 0
    against a benchmark of 0 is met; otherwise a benchmark of zero or below has no proportion
    and scores 0 (no division by it is made).
    """
    met = value >= benchmark if direction is Direction.POSITIVE else value <= benchmark
    if met:
        return points
    if benchmark <= 0:
        return Decimal(0)
    share = value / benchmark if direction is Direction.POSITIVE else benchmark / value
    return max(Decimal(0), share * points)


def benchmark_ratio(
    values: Column, direction: Direction, *, points: Decimal, benchmark: Decimal
) -> Scores:
    """Ratio to a benchmark (亩均税收 against the county's benchmark): x ÷ benchmark × points,
    capped at `points` (负向 benchmark ÷ x × points); see `ratio_score` for a zero benchmark.

    Units: points, 0…points. The benchmark is given by the scheme or derived (`mean_benchmark`).
    """
    return [
        None if value is None else ratio_score(value, benchmark, direction, points)
        for value in values
    ]


def mean_benchmark(previous_values: Column, *, factor: Decimal = Decimal(2)) -> Decimal:
    """A benchmark derived from last cycle's values: `factor` × their mean (e.g. twice last
    year's mean). Raises ValueError (in Chinese) when last cycle has no value."""
    present = _present(previous_values)
    if not present:
        raise ValueError("上一周期没有任何数值，无法按上年平均值确定基准值")
    return factor * sum(present, Decimal(0)) / len(present)


def target_met(values: Column, targets: Column, direction: Direction, *, points: Decimal) -> Scores:
    """Target met → full points, else in proportion: each unit's value against its own target
    (`ratio_score`: x ÷ target × points, 负向 target ÷ x × points, capped at points).

    Units: points. A unit without a value or without a target scores None. Raises ValueError
    when the two columns differ in length.
    """
    if len(values) != len(targets):
        raise ValueError(f"数值{len(values)}个、目标{len(targets)}个，数目不一致")
    return [
        None if value is None or target is None else ratio_score(value, target, direction, points)
        for value, target in zip(values, targets, strict=True)
    ]


def rank_steps(
    values: Column, direction: Direction, *, points: Decimal, step_percent: Decimal
) -> Scores:
    """Rank steps: first place full points, each place below `step_percent` percent of the
    points less (first 10, second 9, third 8 at 10%), never below 0.

    Places are competition ranks on the values (并列 units share a place and its points; the
    unit after two tied firsts is third). Every value equal: every unit is first.
    """
    ranks = competition_ranks(values, higher_is_better=direction is Direction.POSITIVE)
    step = points * step_percent / HUNDRED
    return [None if rank is None else max(Decimal(0), points - step * (rank - 1)) for rank in ranks]


def goalposts(
    values: Column,
    direction: Direction,
    *,
    low: Decimal,
    high: Decimal,
    top: Decimal = HUNDRED,
) -> Scores:
    """Goalposts: fixed bounds set by the scheme, not by the data: 正向 (x − low) ÷ (high − low)
    × top, 负向 (high − x) ÷ (high − low) × top, clamped to 0…top.

    Equal posts (low = high) make a pass mark: 正向 x ≥ high scores top, else 0 (负向 x ≤ low).
    Raises ValueError when low > high. Source: OECD/JRC Handbook (2008) §5, "distance to a
    reference" with fixed goalposts.
    """
    if low > high:
        raise ValueError(f"目标值下限{low}大于上限{high}")
    scores: Scores = []
    for value in values:
        if value is None:
            scores.append(None)
        elif low == high:
            met = value >= high if direction is Direction.POSITIVE else value <= low
            scores.append(top if met else Decimal(0))
        else:
            position = _position(value, low, high, direction)
            scores.append(min(Decimal(1), max(Decimal(0), position)) * top)
    return scores


def z_score(
    values: Column,
    direction: Direction,
    *,
    centre: Decimal = Decimal(0),
    spread: Decimal = Decimal(1),
) -> Scores:
    """Z-score: centre + spread × (x − mean) ÷ sd (负向: (mean − x)), sd the sample standard
    deviation (n − 1, as R's sd() and COINr's n_zscore); e.g. centre 100, spread 10.

    Every value equal, or a single value: every unit gets `centre`. Source: OECD/JRC Handbook
    (2008) §5 (standardisation).
    """
    present = _present(values)
    if len(present) < 2 or min(present) == max(present):
        return [None if value is None else centre for value in values]
    mean = sum(present, Decimal(0)) / len(present)
    variance = sum(((value - mean) ** 2 for value in present), Decimal(0)) / (len(present) - 1)
    sd = variance.sqrt()
    sign = 1 if direction is Direction.POSITIVE else -1
    return [
        None if value is None else centre + spread * sign * (value - mean) / sd for value in values
    ]
