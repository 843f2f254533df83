"""An annual amount broken down into quarter, month and ten-day (旬) amounts, 以旬保月、以月保季、
以季保年: the year is shared among its quarters, each quarter among its months, each month among
its three 旬, every time by the largest remainder (`guanmo.figures.apportion`) to the unit's
step, so every level sums exactly to the level above and to the whole. Indicator targets
(indicators.targets) and a project's planned investment curve (ledger.curve) are both broken
down so; the weights are equal, a seasonal shape (last year's), or set by hand.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cached_property

from guanmo.figures.apportion import Weight, apportion

MONTHS = 12
MONTHS_IN_QUARTER = 3
TEN_DAYS_IN_MONTH = 3


@dataclass(frozen=True)
class Breakdown:
    """An annual amount target shared out: 4 quarters, 12 months and 36 旬, each the amount due
    in that period (not cumulative), each level summing exactly to `target`, each a multiple of
    `step`."""

    target: Decimal
    quarters: tuple[Decimal, ...]
    months: tuple[Decimal, ...]
    step: Decimal

    @cached_property
    def ten_days(self) -> tuple[Decimal, ...]:
        """The 36 旬: each month's amount shared equally among its three, to the step, by the
        largest remainder (made when first asked: a month's node does not need them)."""
        return tuple(
            share
            for amount in self.months
            for share in apportion(amount, [1] * TEN_DAYS_IN_MONTH, self.step)
        )

    def node(self, month: int, ten_day: int | None = None) -> Decimal:
        """The node target: the cumulative amount due by the end of `month` (1—12), or by the
        end of its `ten_day`-th 旬 (1 上旬, 2 中旬, 3 下旬). Raises ValueError out of range."""
        if not 1 <= month <= MONTHS:
            raise ValueError(f"月份应为1至12，而不是{month}")
        if ten_day is None:
            return sum(self.months[:month], Decimal(0))
        if not 1 <= ten_day <= TEN_DAYS_IN_MONTH:
            raise ValueError(f"旬应为1（上旬）至3（下旬），而不是{ten_day}")
        return sum(self.ten_days[: (month - 1) * TEN_DAYS_IN_MONTH + ten_day], Decimal(0))

    def quarter_node(self, quarter: int) -> Decimal:
        """The cumulative amount due by the end of `quarter` (1—4)."""
        if not 1 <= quarter <= MONTHS // MONTHS_IN_QUARTER:
            raise ValueError(f"季度应为1至4，而不是{quarter}")
        return sum(self.quarters[:quarter], Decimal(0))


def equal_weights() -> list[Weight]:
    """The equal profile: every month the same share (its node is time progress)."""
    return [1] * MONTHS


def seasonal_weights(last_year_cumulative: Mapping[int, Decimal]) -> list[Fraction]:
    """The seasonal profile (以年终目标倒推 by last year's shape): twelve monthly weights from
    last year's cumulative (1—M月) figures keyed by month. A month between two known ones (a
    quarterly indicator's) shares its stretch's increase equally with the others in it.

    Raises ValueError when December is missing (the year's shape needs the whole year) or a
    cumulative figure falls (a revision the office must resolve first)."""
    if MONTHS not in last_year_cumulative:
        raise ValueError("按上年进度分解需要上年12月（全年）的累计数")
    weights: list[Fraction] = []
    previous_month, previous = 0, Decimal(0)
    for month in sorted(last_year_cumulative):
        if not 1 <= month <= MONTHS:
            raise ValueError(f"月份应为1至12，而不是{month}")
        cumulative = last_year_cumulative[month]
        if cumulative < previous:
            raise ValueError(
                f"上年{month}月累计数{cumulative}小于{previous_month}月的{previous}，无法按上年进度分解"
            )
        months = month - previous_month
        weights += [Fraction(cumulative - previous) / months] * months
        previous_month, previous = month, cumulative
    return weights


def break_down(target: Decimal, weights: Sequence[Weight], step: Decimal) -> Breakdown:
    """An amount target broken down by twelve monthly `weights` (equal or seasonal) to `step`
    (the unit's smallest shown amount). Raises ValueError (in Chinese) for a target off the
    step, negative weights, or weights that are all zero."""
    if len(weights) != MONTHS:
        raise ValueError(f"分解权重应为12个月，而不是{len(weights)}个")
    by_quarter = [weights[q : q + MONTHS_IN_QUARTER] for q in range(0, MONTHS, MONTHS_IN_QUARTER)]
    quarters = apportion(
        target, [sum((Fraction(each) for each in w), Fraction(0)) for w in by_quarter], step
    )
    months = []
    for amount, month_weights in zip(quarters, by_quarter, strict=True):
        # A quarter with nothing due last year still gets its months' shares of nothing.
        months += apportion(amount, month_weights, step) if amount else [Decimal(0)] * 3
    return Breakdown(target, tuple(quarters), tuple(months), step)


def break_down_by_hand(target: Decimal, months: Sequence[Decimal], step: Decimal) -> Breakdown:
    """An amount target whose twelve monthly amounts the office set by hand; quarters are their
    sums, 旬 the equal thirds. Raises ValueError unless there are twelve non-negative amounts on
    the step summing exactly to the target."""
    if len(months) != MONTHS:
        raise ValueError(f"手工分解应填写12个月的数额，而不是{len(months)}个")
    for month, amount in enumerate(months, start=1):
        if amount < 0:
            raise ValueError(f"{month}月的分解数额不能为负数：{amount}")
        if amount % step:
            raise ValueError(f"{month}月的分解数额{amount}不是最小单位{step}的整数倍")
    total = sum(months, Decimal(0))
    if total != target:
        raise ValueError(f"12个月的分解数额合计{total}，与全年目标{target}不一致")
    quarters = tuple(
        sum(months[q : q + MONTHS_IN_QUARTER], Decimal(0))
        for q in range(0, MONTHS, MONTHS_IN_QUARTER)
    )
    return Breakdown(target, quarters, tuple(months), step)
