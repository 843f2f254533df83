"""The arithmetic of the monthly bulletin: rates, time progress, points, ranks, period labels.

Every figure is computed on exact Decimals and shown to one decimal, rounded half-up, as the
bulletins print it; comparisons are made on the shown figures so that text and tables agree.
"""

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

ONE_DECIMAL = Decimal("0.1")
WAN_PER_YI = Decimal(10000)
MONTHS_IN_YEAR = 12


def shown(value: Decimal) -> Decimal:
    """A figure as the bulletin shows it: one decimal, half-up."""
    return value.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


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


def points_vs_time_progress(rate: Decimal | None, time: Decimal) -> Decimal | None:
    """Points ahead of (+) or behind (−) time progress: the difference of the shown figures."""
    if rate is None:
        return None
    return shown(rate) - shown(time)


def period_label(month: int) -> str:
    """The period a cumulative figure covers: "1月" for January, "1—M月" after (em dash)."""
    time_progress(month)  # validates the month
    return "1月" if month == 1 else f"1—{month}月"


def competition_ranks(values: Sequence[Decimal | None]) -> list[int | None]:
    """Competition ranks, highest first (1, 2, 2, 4); a missing value has no rank."""
    present = sorted((value for value in values if value is not None), reverse=True)
    first_place = {}
    for place, value in enumerate(present, start=1):
        first_place.setdefault(value, place)
    return [None if value is None else first_place[value] for value in values]
