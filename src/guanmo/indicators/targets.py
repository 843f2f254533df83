"""Annual targets and how a region stands against them (issue 12, "Targets and their
breakdown"): completion, time progress, the breakdown into quarter, month and ten-day (旬)
nodes, the node a region is judged against (序时进度), 双过半 and the year-end forecast.

A target is either an amount in its indicator's unit (脱贫人口7.38万人, 新植枸杞9万亩) or a
growth rate in % (固定资产投资增长10%). Percentages are to one decimal, half-up; differences of
two percentages are in 个百分点; comparisons are made on the shown figures (`guanmo.figures`).

The breakdown follows 以旬保月、以月保季、以季保年 top down: the year is shared among its quarters,
each quarter among its months, each month among its three 旬, every time by the largest
remainder (`guanmo.figures.apportion`) to the unit's step, so every level sums exactly to the
level above and to the target. The three 旬 of a month share its amount equally.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cached_property

from guanmo.figures.apportion import Weight, apportion
from guanmo.figures.arithmetic import (
    completion_rate,
    percent,
    points_vs_time_progress,
    shown,
    time_progress,
)
from guanmo.figures.changes import points_change
from guanmo.indicators.choices import Direction, Kind

MONTHS = 12
MONTHS_IN_QUARTER = 3
TEN_DAYS_IN_MONTH = 3
HALF_YEAR_MONTH = 6
HALF = Decimal("50.0")
FULL = Decimal("100.0")


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
    quarters = apportion(target, [sum(w, Fraction(0)) for w in by_quarter], step)
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


def forecast_rate(done: Decimal, breakdown: Breakdown, month: int) -> Decimal | None:
    """The year-end forecast as a percentage of the target (按以往进度推算，全年预计完成目标的X%):
    if the rest of the year goes as the profile says, the year ends at done ÷ node of the
    target. None when nothing was due by `month`."""
    return percent(done, breakdown.node(month))


def no_worse(figure: Decimal | None, mark: Decimal | None, *, lower_is_better: bool) -> bool | None:
    """Whether `figure` is at least as good as `mark`, both as shown: at or above it, or at or
    below it for a lower-is-better one; None without either."""
    if figure is None or mark is None:
        return None
    return shown(figure) <= shown(mark) if lower_is_better else shown(figure) >= shown(mark)


def both_over_half(
    *,
    month: int,
    completion_rate: Decimal | None = None,
    growth: Decimal | None = None,
    target_growth: Decimal | None = None,
    lower_is_better: bool = False,
) -> bool | None:
    """双过半 at the half year (June): an amount target's completion at least 50% (time being
    half gone), a growth target's growth at least the target, both as shown. For a
    lower-is-better indicator the other way: at most half a ceiling used (赴京访批次), growth at
    most the target (下降10%: −10 or below). None in another month or without the figure."""
    if month != HALF_YEAR_MONTH:
        return None
    if target_growth is not None:
        return no_worse(growth, target_growth, lower_is_better=lower_is_better)
    return no_worse(completion_rate, HALF, lower_is_better=lower_is_better)


@dataclass(frozen=True)
class Standing:
    """A region's standing against its annual target after `month`: % and 个百分点 as named;
    None where undefined (an amount's figures for a growth target and the reverse, a share and
    nodes for a ratio's level). Differences are literal (figure − mark); `on_track` and
    `forecast_missed` judge them by the indicator's direction."""

    month: int
    target: Decimal | None
    target_growth: Decimal | None
    done: Decimal | None
    growth: Decimal | None
    completion_rate: Decimal | None  # % of the amount target (of a ceiling: % used)
    vs_time_progress: Decimal | None  # 个百分点
    node_target: Decimal | None  # the cumulative node due by the month, in the unit
    node_progress: Decimal | None  # 序时进度: the node as % of the target
    vs_node: Decimal | None  # 个百分点: 超/低于序时进度
    forecast_rate: Decimal | None  # % of the target the year is heading for
    vs_target_growth: Decimal | None  # 个百分点, for a growth target
    both_over_half: bool | None
    vs_target: Decimal | None = None  # 个百分点, a ratio's level against its target level
    on_track: bool | None = None  # at or better than its node (time progress), growth, level
    forecast_missed: bool | None = None  # heading below the target (over a ceiling)


def standing(
    *,
    month: int,
    target: Decimal | None = None,
    target_growth: Decimal | None = None,
    done: Decimal | None = None,
    growth: Decimal | None = None,
    breakdown: Breakdown | None = None,
    kind: Kind = Kind.AMOUNT,
    direction: Direction = Direction.HIGHER,
) -> Standing:
    """Every figure of a region's standing against an amount `target` (with `done`, the
    cumulative value, and its `breakdown` if any), a `target_growth` (with `growth`, % or for
    a ratio 个百分点), or for a ratio indicator a `target` level in % (with `done`, its value).

    A lower-is-better amount target is a ceiling (赴京访批次控制在36批以内): its completion is
    the share used and it is on track at or under its node; a ratio's level target is met at or
    above it (at or under it, lower being better), its distance in 个百分点 (`vs_target`)."""
    lower = direction == Direction.LOWER
    if kind == Kind.RATIO and target is not None:
        return _level_standing(month, target, done, growth, lower)
    rate = completion_rate(done, target) if done is not None and target is not None else None
    node = breakdown.node(month) if breakdown is not None else None
    node_progress = percent(node, breakdown.target) if breakdown is not None else None
    forecast = (
        forecast_rate(done, breakdown, month)
        if breakdown is not None and done is not None
        else None
    )
    if target_growth is not None:
        on_track = no_worse(growth, target_growth, lower_is_better=lower)
    else:
        mark = node_progress if breakdown is not None else time_progress(month)
        on_track = no_worse(rate, mark, lower_is_better=lower)
    return Standing(
        month=month,
        target=target,
        target_growth=target_growth,
        done=done,
        growth=growth,
        completion_rate=rate,
        vs_time_progress=points_vs_time_progress(rate, time_progress(month)),
        node_target=node,
        node_progress=node_progress,
        vs_node=points_change(node_progress, rate),
        forecast_rate=forecast,
        vs_target_growth=points_change(target_growth, growth),
        both_over_half=both_over_half(
            month=month,
            completion_rate=rate,
            growth=growth,
            target_growth=target_growth,
            lower_is_better=lower,
        ),
        on_track=on_track,
        forecast_missed=_forecast_missed(forecast, lower_is_better=lower),
    )


def _forecast_missed(forecast: Decimal | None, *, lower_is_better: bool) -> bool | None:
    """Whether the year is heading below its target (above a ceiling), as shown."""
    if forecast is None:
        return None
    return shown(forecast) > FULL if lower_is_better else shown(forecast) < FULL


def _level_standing(
    month: int, target: Decimal, value: Decimal | None, growth: Decimal | None, lower: bool
) -> Standing:
    """A ratio's level target (城镇化率达到56%): the value against it in 个百分点, judged like a
    growth target at the half year; no share, nodes or forecast (a level does not accumulate)."""
    return Standing(
        month=month,
        target=target,
        target_growth=None,
        done=value,
        growth=growth,
        completion_rate=None,
        vs_time_progress=None,
        node_target=None,
        node_progress=None,
        vs_node=None,
        forecast_rate=None,
        vs_target_growth=None,
        both_over_half=both_over_half(
            month=month, growth=value, target_growth=target, lower_is_better=lower
        ),
        vs_target=points_change(target, value),
        on_track=no_worse(value, target, lower_is_better=lower),
    )
