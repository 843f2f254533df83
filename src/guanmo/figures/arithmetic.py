"""The arithmetic of the monthly bulletin: rates, growth, time progress, points, ranks, period
labels.

Every figure is computed on exact Decimals and shown to one decimal, rounded half-up, as the
bulletins print it; comparisons are made on the shown figures so that text and tables agree.
"""

import math
from collections import Counter
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

ONE_DECIMAL = Decimal("0.1")
WAN_PER_YI = Decimal(10000)
MONTHS_IN_YEAR = 12


def shown(value: Decimal | Fraction) -> Decimal:
    """A figure as the bulletin shows it: one decimal, half-up (away from zero). An exact
    `Fraction` (a derived growth, a share) is rounded exactly, once."""
    if isinstance(value, Fraction):
        tenths = Decimal(math.floor(abs(value) * 10 + Fraction(1, 2))).scaleb(-1)
        return (-tenths if value < 0 else tenths).quantize(ONE_DECIMAL)
    return value.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def exact_percent(part: Decimal | int, whole: Decimal | int | None) -> Fraction | None:
    """`part` as a percentage of `whole`, exactly (not rounded for display: `percent` shows
    it); None when `whole` is zero or missing."""
    if not whole:
        return None
    return Fraction(part) * 100 / Fraction(whole)


def points_apart(
    figure: Decimal | Fraction | None, mark: Decimal | Fraction | None
) -> Decimal | None:
    """How many percentage points (个百分点) `figure` is above (+) or below (−) `mark`, two
    percentages each exact (a share from `exact_percent`, a growth from `exact_growth_rate`, a
    ratio or a rate as reported or typed): the exact gap rounded once, half-up — never the
    difference of the two figures as shown (400.1 of 1,200 against a node of 500 is 33.341…
    − 41.666… = −8.325 → −8.3, where the shown 33.3 − 41.7 would say −8.4). The one rule of
    every 较序时进度, distance from a target, a group or last year's ratio (`points_between` is
    it for two shares of one whole). None when either is undefined."""
    if figure is None or mark is None:
        return None
    return shown(Fraction(figure) - Fraction(mark))


def percent(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    """`part` as a percentage of `whole`, shown to one decimal; None when `whole` is zero."""
    if not whole:
        return None
    return shown(Decimal(part) * 100 / Decimal(whole))


def completion_rate(completed: Decimal, annual_plan: Decimal | None) -> Decimal | None:
    """Completed investment as a percentage of the annual plan (占年度计划), None without a plan."""
    return percent(completed, annual_plan or 0)


def time_progress(month: int) -> Decimal:
    """Time progress after `month` of 12: 33.3 after April, 50.0 after June."""
    if not 1 <= month <= MONTHS_IN_YEAR:
        raise ValueError(f"月份应为1至12，而不是{month}")
    return percent(month, MONTHS_IN_YEAR)  # type: ignore[return-value]


def points_vs_time_progress(part: Decimal, whole: Decimal | None, month: int) -> Decimal | None:
    """How many percentage points `part` (done 1—M月) as a share of `whole` (the year's plan or
    target, same unit) is ahead of (+) or behind (−) time progress after `month` (m/12): exact,
    rounded once half-up, by `points_between`'s rule as 较序时进度 (tryout 22: 520 of 3,200
    after March is 16.25 − 25 = −8.75 → −8.8, where the shown 16.3 − 25.0 would say −8.7);
    None without a whole. ValueError for a month out of 1–12."""
    time_progress(month)  # validates the month
    if not whole:
        return None
    return points_between(part * MONTHS_IN_YEAR, whole * month, whole * MONTHS_IN_YEAR)


def points_between(part: Decimal, other: Decimal, whole: Decimal | None) -> Decimal | None:
    """How many percentage points `part` is ahead of (+) or behind (−) `other`, both shares of
    `whole`: (part − other) ÷ whole, exact, rounded once half-up; None without a whole. 较序时
    进度 is completed against the curve's due over the plan (tryout 22: 6,000 and 8,000 of
    36,000 are −5.6 points, where the shown 16.7 − 22.2 would say −5.5)."""
    return points_apart(exact_percent(part, whole), exact_percent(other, whole))


def period_label(month: int) -> str:
    """The period a cumulative figure covers: "1月" for January, "1—M月" after (em dash)."""
    time_progress(month)  # validates the month
    return "1月" if month == 1 else f"1—{month}月"


def growth_rate(value: Decimal | None, last_year: Decimal | None) -> Decimal | None:
    """Year-on-year growth (同比增长) in percent to one decimal, half-up:
    (value − last year) ÷ last year; 18 against 27 is −33.3.

    None when either figure is missing, or last year's is zero or negative: a rate on such a
    base means nothing (bulletins say 扭亏 or 减亏 in words instead).
    """
    exact = exact_growth_rate(value, last_year)
    return None if exact is None else shown(exact)


def exact_growth_rate(value: Decimal | None, last_year: Decimal | None) -> Fraction | None:
    """Year-on-year growth in percent, exactly (`growth_rate` shows it): what a derived growth
    is compared with a target or a group by (`points_apart`). None as `growth_rate`."""
    if value is None or last_year is None or last_year <= 0:
        return None
    return exact_percent(value - last_year, last_year)


def competition_ranks(
    values: Sequence[Decimal | None], *, higher_is_better: bool = True
) -> list[int | None]:
    """Competition ranks (1, 2, 2, 4), the highest first, or the lowest first when lower is
    better (赴京访批次, 单位GDP能耗); a missing value has no rank."""
    present = sorted((value for value in values if value is not None), reverse=higher_is_better)
    first_place = {}
    for place, value in enumerate(present, start=1):
        first_place.setdefault(value, place)
    return [None if value is None else first_place[value] for value in values]


def placed_ranks(ranks: Sequence[int | None]) -> list[int | None]:
    """The ranks that say a place: all None when fewer than two members are ranked, since a
    place among one (第1位（共1个）, 在有数据的1个中居第1位) is no place, and when every member
    ranked shares first place, since a place all share (eight towns with 0 villages delisted,
    all 并列第1位) separates no one; otherwise unchanged."""
    placed = [rank for rank in ranks if rank is not None]
    if len(placed) < 2 or set(placed) == {1}:
        return [None] * len(ranks)
    return list(ranks)


def among_ranked(ranks: Sequence[int | None], size: int) -> int | None:
    """How many of a group of `size` members are ranked, when some are not (no figure): the
    number a place is said against (在有数据的3个中居第2位); None when every member is."""
    ranked = sum(rank is not None for rank in ranks)
    return ranked if ranked < size else None


def tied(ranks: Sequence[int | None]) -> list[bool]:
    """For each rank, whether another unit shares it (并列); an unranked unit is never tied."""
    counts = Counter(rank for rank in ranks if rank is not None)
    return [rank is not None and counts[rank] > 1 for rank in ranks]


def ranks_and_ties(values: Sequence[Decimal | None]) -> list[tuple[int | None, bool]]:
    """Competition ranks (`competition_ranks`), each with whether another value shares it
    (并列)."""
    ranks = competition_ranks(values)
    return list(zip(ranks, tied(ranks), strict=True))


def ranks_within_groups(
    values: Sequence[Decimal | None], groups: Sequence[str]
) -> list[tuple[int | None, bool]]:
    """Each value's competition rank and tie among the values of its group (县（市）组, 城区组…),
    as `ranks_and_ties` ranks the whole; (None, False) for a value in no group ("")."""
    places: list[tuple[int | None, bool]] = [(None, False)] * len(values)
    for group in set(groups) - {""}:
        members = [position for position, member in enumerate(groups) if member == group]
        in_group = ranks_and_ties([values[position] for position in members])
        for position, place in zip(members, in_group, strict=True):
            places[position] = place
    return places
