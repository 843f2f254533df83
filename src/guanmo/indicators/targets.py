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

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from guanmo.figures.arithmetic import (
    completion_rate,
    percent,
    points_vs_time_progress,
    shown,
    time_progress,
)
from guanmo.figures.breakdown import Breakdown
from guanmo.figures.changes import points_change
from guanmo.indicators.choices import Direction, Kind

HALF_YEAR_MONTH = 6
HALF = Decimal("50.0")
FULL = Decimal("100.0")


class Pace(StrEnum):
    """How an amount target stands against its pace (序时进度: the node's share of the target,
    or time progress m/12 without a breakdown), judged by the indicator's direction; the value
    is the class pages mark the figures with. Ahead of a target is done above the pace; ahead
    of a ceiling (赴京访批次控制在30批以内) is used below it: 25 of 30 批 by June (83.3%
    against 50.0%) is 超序时进度33.3个百分点 and BEHIND."""

    AHEAD = "ahead"
    LEVEL = "level"
    BEHIND = "behind"


def pace_of(vs_pace: Decimal | None, *, lower_is_better: bool) -> Pace | None:
    """The pace of a share `vs_pace` 个百分点 off its pace (literal: share − pace, as shown):
    above it is ahead for a target and behind for a ceiling; None when undefined."""
    if vs_pace is None:
        return None
    points = shown(vs_pace)
    if points == 0:
        return Pace.LEVEL
    return Pace.AHEAD if (points > 0) != lower_is_better else Pace.BEHIND


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
    half gone), a growth target's growth at least the target, both as shown; a lower-is-better
    growth target the other way (下降10%: −10 or below). None for a ceiling (a lower-is-better
    amount, 赴京访批次控制在36批以内): 双过半 is about amounts to reach, and half a ceiling used
    says nothing of it. None in another month or without the figure."""
    if month != HALF_YEAR_MONTH:
        return None
    if target_growth is not None:
        return no_worse(growth, target_growth, lower_is_better=lower_is_better)
    if lower_is_better:
        return None
    return no_worse(completion_rate, HALF, lower_is_better=False)


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
    vs_pace: Decimal | None = None  # 个百分点: the share against 序时进度 (node, else m/12)
    pace: Pace | None = None  # vs_pace judged by the direction (a ceiling used fast: BEHIND)
    lower_is_better: bool = False  # a ceiling (amount) or a level to stay under (ratio)
    ceiling: bool = False  # an amount kept under (赴京访批次): share used, no 双过半


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
    the share used and it is on track at or under its node, behind (`pace`) above it; a ratio's
    level target is met at or above it (at or under it, lower being better), its distance in
    个百分点 (`vs_target`)."""
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
    mark = node_progress if breakdown is not None else time_progress(month)
    vs_pace = points_change(mark, rate)
    if target_growth is not None:
        on_track = no_worse(growth, target_growth, lower_is_better=lower)
    else:
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
        vs_pace=vs_pace,
        pace=pace_of(vs_pace, lower_is_better=lower),
        lower_is_better=lower,
        ceiling=lower and target is not None and target_growth is None,
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
        lower_is_better=lower,
    )
