"""Annual targets and how a region stands against them (issue 12, "Targets and their
breakdown"): completion, time progress, the breakdown into quarter, month and ten-day (旬)
nodes, the node a region is judged against (序时进度), 双过半 and the year-end forecast.

A target is either an amount in its indicator's unit (脱贫人口7.38万人, 新植枸杞9万亩) or a
growth rate in % (固定资产投资增长10%). Percentages are to one decimal, half-up; differences of
two percentages are in 个百分点, the exact gap rounded once (`figures.arithmetic.points_apart`,
the ledger's rule: never two figures already rounded for display subtracted); 双过半 and the
forecast are judged on the shown figures (`guanmo.figures`).

The breakdown follows 以旬保月、以月保季、以季保年 top down: the year is shared among its quarters,
each quarter among its months, each month among its three 旬, every time by the largest
remainder (`guanmo.figures.apportion`) to the unit's step, so every level sums exactly to the
level above and to the target. The three 旬 of a month share its amount equally.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction

from guanmo.figures.arithmetic import (
    MONTHS_IN_YEAR,
    completion_rate,
    exact_percent,
    percent,
    points_apart,
    points_vs_time_progress,
    shown,
    time_progress,
)
from guanmo.figures.breakdown import Breakdown
from guanmo.indicators.arithmetic import QUARTER_ONLY
from guanmo.indicators.choices import Direction, Kind, is_level

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


def forecast_rate(
    done: Decimal, breakdown: Breakdown, month: int, *, finite: bool = False
) -> Decimal | None:
    """The year-end forecast as a percentage of the target (按以往进度推算，全年预计完成目标的X%):
    if the rest of the year goes as the profile says, the year ends at done ÷ the exact share
    of the target due by `month` (`Breakdown.due_share`: the equal profile's straight line,
    done × 12/m) — never ÷ the node rounded to the step, which for a small ceiling (1 of 2 批
    by November, rounded down) doubled it (tryout 17: 200.0%). None when nothing was due by
    `month`.

    Decided by the indicator's kind: an amount accumulating through the year (固定资产投资,
    脱贫人口) is extrapolated as it goes; a count of a finite set (`finite`, `Kind.COUNT`:
    贫困村退出14个, the villages of the year's plan) cannot end with more of the set than
    there is, so its forecast is capped at the whole, 100.0% of the target — or at the share
    already done when more than the target is done (15 of 14: 107.1%), never less than what
    is done (issue 12, tryout 12: 10 of 14 villages was forecast at 166.7%)."""
    share = breakdown.due_share(month)
    if not share:
        return None
    forecast = percent(done * share.denominator, breakdown.target * share.numerator)
    if not finite or forecast is None or shown(forecast) <= FULL:
        return forecast
    return max(FULL, percent(done, breakdown.target) or FULL)


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


def due_by_half(breakdown: Breakdown) -> bool:
    """Whether at least half the target falls due by June by its breakdown (its node, exactly):
    half its time is gone at the half year. A task the office broke down to fall due mostly
    after June (贫困村退出 after the autumn checks, 以年终目标倒推) is not: its time is not half
    gone, and it is judged against its node instead."""
    return breakdown.due_share(HALF_YEAR_MONTH) * 2 >= 1


def judged_by_half(
    *,
    kind: Kind,
    lower_is_better: bool,
    target_growth: Decimal | None,
    breakdown: Breakdown | None,
) -> bool:
    """Whether 双过半 applies to a target at all (issue 12: "completion of an amount target at
    least 50% (and for a growth target, growth at least the target)"; GLOSSARY: time and task
    both over half): a growth target, or a yearly amount to reach whose time is half gone by
    June (`due_by_half`; without a breakdown, time progress is). Not a ceiling (赴京访批次: half
    used says nothing), nor a level (a ratio or an average, `choices.is_level`: 城镇化率达到56%
    is reached, not half done)."""
    if target_growth is not None:
        return True
    if lower_is_better or is_level(kind):
        return False
    return breakdown is None or due_by_half(breakdown)


def not_over_half(
    standings: Sequence[tuple[str, "Standing"]], order: Sequence[str]
) -> list[str] | None:
    """Who has not reached 双过半 (未实现“双过半”的有：…): the regions with a target judged
    (`Standing.judged_by_half`) and missed at the half year, each named once, in `order` (the
    peer group's order, as every table of the report lists its regions; a region not in it
    after them). [] when every target judged is over half (均实现); None when nothing can be
    said: not the half year, no target judged, or none missed while one judged lacks its figure
    (a region without its figure is neither named nor said to be over half)."""
    judged = [
        (region, seen)
        for region, seen in standings
        if seen.judged_by_half and seen.month == HALF_YEAR_MONTH
    ]
    missed = {region for region, seen in judged if seen.both_over_half is False}
    if not judged or (not missed and any(seen.both_over_half is None for _, seen in judged)):
        return None
    place = {region: at for at, region in enumerate(order)}
    return sorted(missed, key=lambda region: (place.get(region, len(order)), region))


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
    node_progress: Decimal | None  # 序时进度: the exact share due (`Breakdown.due_percent`), shown
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
    judged_by_half: bool = False  # whether 双过半 applies at all (`judged_by_half`)
    forecast_capped: bool = False  # a count's forecast held at its whole (`forecast_rate`)
    # the node's exact share where a coarse step rounded the node away from it (5批's June node
    # 2批, exactly 2.5): said beside it, 2批（按序时应为2.5批） (`exact_beside`)
    node_exact: Decimal | None = None
    # why the target has no breakdown where its profile could not be followed (按上年进度分解
    # without last year's whole year): said where its node and forecast show "—" (tryout 21)
    unbroken: str = ""


def standing(
    *,
    month: int,
    target: Decimal | None = None,
    target_growth: Decimal | None = None,
    done: Decimal | None = None,
    growth: Decimal | Fraction | None = None,
    breakdown: Breakdown | None = None,
    kind: Kind = Kind.AMOUNT,
    direction: Direction = Direction.HIGHER,
) -> Standing:
    """Every figure of a region's standing against an amount `target` (with `done`, the
    cumulative value, and its `breakdown` if any), a `target_growth` (with `growth`, % or for
    a ratio 个百分点; exact — a derived growth unrounded, `arithmetic.exact_growth` — and
    shown to one decimal in the standing), or for a ratio indicator a `target` level in %
    (with `done`, its value). Every distance in 个百分点 is the exact gap rounded once
    (`points_apart`), and `on_track` follows its sign.

    A lower-is-better amount target is a ceiling (赴京访批次控制在36批以内): its completion is
    the share used and it is on track at or under its node, behind (`pace`) above it; a ratio's
    level target is met at or above it (at or under it, lower being better), its distance in
    个百分点 (`vs_target`)."""
    lower = direction == Direction.LOWER
    if kind == Kind.RATIO and target is not None:
        return _level_standing(month, target, done, growth, lower)
    rate = completion_rate(done, target) if done is not None and target is not None else None
    node = breakdown.node(month) if breakdown is not None else None
    due = breakdown.due_percent(month) if breakdown is not None else None
    node_progress = shown(due) if due is not None else None
    forecast, capped = None, False
    if breakdown is not None and done is not None:
        forecast = forecast_rate(done, breakdown, month, finite=kind == Kind.COUNT)
        capped = forecast is not None and forecast != forecast_rate(done, breakdown, month)
    # 序时进度 exactly: the breakdown's exact share due (never its node rounded to the
    # step), else time progress m/12
    time_progress(month)  # validates the month
    mark = due if breakdown is not None else exact_percent(month, MONTHS_IN_YEAR)
    judged = judged_by_half(
        kind=kind, lower_is_better=lower, target_growth=target_growth, breakdown=breakdown
    )
    exact_rate = exact_percent(done, target) if done is not None else None
    vs_pace = points_apart(exact_rate, mark)
    vs_target_growth = points_apart(growth, target_growth)
    on_track = _on_track(vs_target_growth if target_growth is not None else vs_pace, lower)
    growth = None if growth is None else shown(growth)
    return Standing(
        month=month,
        target=target,
        target_growth=target_growth,
        done=done,
        growth=growth,
        completion_rate=rate,
        vs_time_progress=(
            points_vs_time_progress(done, target, month) if done is not None else None
        ),
        node_target=node,
        node_progress=node_progress,
        vs_node=vs_pace if breakdown is not None else None,
        forecast_rate=forecast,
        vs_target_growth=vs_target_growth,
        both_over_half=both_over_half(
            month=month,
            completion_rate=rate,
            growth=growth,
            target_growth=target_growth,
            lower_is_better=lower,
        )
        if judged
        else None,
        on_track=on_track,
        forecast_missed=_forecast_missed(forecast, lower_is_better=lower),
        vs_pace=vs_pace,
        pace=pace_of(vs_pace, lower_is_better=lower),
        lower_is_better=lower,
        ceiling=lower and target is not None and target_growth is None,
        judged_by_half=judged,
        forecast_capped=capped,
        node_exact=exact_beside(breakdown, month),
    )


def exact_beside(breakdown: Breakdown | None, month: int) -> Decimal | None:
    """The exact amount due by `month` where the breakdown's step is coarse and its node was
    rounded away from it (`figures.breakdown.rounded_node`), to one decimal finer than the step,
    half-up (2.5 for 5批 by June); None where the node is the exact share or the step fine."""
    if breakdown is None or not breakdown.coarse:
        return None
    exact = breakdown.exact_node(month)
    if exact == breakdown.node(month):
        return None
    places = Decimal(1).scaleb(breakdown.step.normalize().as_tuple().exponent - 1)
    figure = Decimal(exact.numerator) / Decimal(exact.denominator)
    return figure.quantize(places, rounding=ROUND_HALF_UP).normalize()


def _on_track(points: Decimal | None, lower_is_better: bool) -> bool | None:
    """Whether a figure `points` 个百分点 off its mark (node, time progress, target growth or
    level) is at or better than it by the direction, as said (−0.0 is level); None when
    undefined."""
    if points is None:
        return None
    return points <= 0 if lower_is_better else points >= 0


def _forecast_missed(forecast: Decimal | None, *, lower_is_better: bool) -> bool | None:
    """Whether the year is heading below its target (above a ceiling), as shown."""
    if forecast is None:
        return None
    return shown(forecast) > FULL if lower_is_better else shown(forecast) < FULL


def _level_standing(
    month: int,
    target: Decimal,
    value: Decimal | None,
    growth: Decimal | Fraction | None,
    lower: bool,
) -> Standing:
    """A ratio's level target (城镇化率达到56%): the value against it in 个百分点; no share,
    nodes, forecast or 双过半 (a level does not accumulate: it is reached, not half done)."""
    return Standing(
        month=month,
        target=target,
        target_growth=None,
        done=value,
        growth=None if growth is None else shown(growth),
        completion_rate=None,
        vs_time_progress=None,
        node_target=None,
        node_progress=None,
        vs_node=None,
        forecast_rate=None,
        vs_target_growth=None,
        both_over_half=None,  # a level is reached, not half done (`judged_by_half`)
        vs_target=(vs_target := points_apart(value, target)),
        on_track=_on_track(vs_target, lower),
        lower_is_better=lower,
    )


# Why a node's figures are "—" (`Node.why`), said beside them on the node tables.
NOT_REACHED = "未到该节点"
NO_FIGURE = "该月无累计数（未报送）"
NOT_QUARTER_END = f"季度指标{QUARTER_ONLY}"
ZERO_TARGET = "全年目标为0，无序时进度和完成率"
# 按上年进度分解 by last year's 1—2月 without its 1月 (`figures.breakdown.seasonal_weights`)
FIRST_TWO_MONTHS = "上年按1—2月合并统计，1月节点为1—2月的一半，不单独考核"


@dataclass(frozen=True)
class Node:
    """A month's node of a breakdown as the targets page shows it: the planned cumulative
    amount (in the unit) at the end of its 上、中、下旬 (`ten_days`, the last being the
    month's, `planned`), `progress` its share of the target (序时进度, %), the `quarter` (1—4)
    a quarter's end month closes, and, at a node reached, the cumulative amount `done` by it,
    its `completion_rate` (% of the target) and `vs_node` (个百分点, literal); `why` says why
    the figures it lacks are "—" (`NOT_REACHED`, `NO_FIGURE`, `NOT_QUARTER_END`,
    `ZERO_TARGET`), "" where it lacks none. `progress` and `vs_node` are against the exact share
    due (`Breakdown.due_percent`), not the planned amount rounded to the step."""

    month: int
    ten_days: tuple[Decimal, Decimal, Decimal]
    planned: Decimal
    progress: Decimal | None
    quarter: int | None = None
    done: Decimal | None = None
    completion_rate: Decimal | None = None
    vs_node: Decimal | None = None
    why: str = ""


def target_nodes(
    breakdown: Breakdown,
    done: Mapping[int, Decimal],
    month: int,
    *,
    quarterly: bool = False,
    first_two_months: bool = False,
) -> list[Node]:
    """The twelve month nodes of `breakdown` (`Node`), each reached one (up to `month`) with
    what was `done` by it, the cumulative (1—M月) value keyed by month; a month without its
    figure, or not reached yet, has none, and says why (`Node.why`): a `quarterly`
    indicator's month between quarter ends has no figure to have; with `first_two_months`
    (broken down by last year's 1—2月), January's node is half of it and not judged apart."""
    nodes = []
    for each in range(1, 13):
        planned = breakdown.node(each)
        due = breakdown.due_percent(each)
        progress = shown(due) if due is not None else None
        made = done.get(each) if each <= month else None
        rate = completion_rate(made, breakdown.target) if made is not None else None
        nodes.append(
            Node(
                month=each,
                ten_days=(breakdown.node(each, 1), breakdown.node(each, 2), planned),
                planned=planned,
                progress=progress,
                quarter=each // 3 if each % 3 == 0 else None,
                done=made,
                completion_rate=rate,
                vs_node=points_apart(exact_percent(made, breakdown.target), due)
                if made is not None
                else None,
                why=FIRST_TWO_MONTHS
                if first_two_months and each == 1 and made is None
                else _why_blank(each, month, made, progress, quarterly=quarterly),
            )
        )
    return nodes


def _why_blank(
    node: int, month: int, made: Decimal | None, progress: Decimal | None, *, quarterly: bool
) -> str:
    """Why the node of month `node` (seen after `month`) has a "—": "" where it has none."""
    if progress is None:
        return ZERO_TARGET
    if node > month:
        return NOT_REACHED
    if made is not None:
        return ""
    return NOT_QUARTER_END if quarterly and node % 3 else NO_FIGURE
