"""Indicator warnings for the city dashboard (issue 12, "Outputs"): a region that fell three or
more places since the previous period, a target behind its node (序时进度) by more than the
city's set number of points, and a target whose year-end forecast is below 100%.

Plain rules over the figures the report already computed (`table.PeerFigures`,
`targets.Standing`), so the dashboard warns about exactly what the 指标调度 page shows.
Thresholds are strict: a fall of exactly two places, or exactly the set points behind, is not
warned.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from guanmo.figures.arithmetic import shown
from guanmo.figures.formatting import number, rate
from guanmo.indicators.choices import Direction, Frequency, Kind, RankBy
from guanmo.indicators.report import IndicatorReport
from guanmo.indicators.sentences import (
    ceiling_used,
    forecast_sentence,
    previous_period_word,
    rank_change_sentence,
    vs_pace_text,
)
from guanmo.indicators.table import PeerFigures
from guanmo.indicators.targets import Pace, Standing

FALL_PLACES = 3  # 退位三位及以上


class IndicatorWarningKind(StrEnum):
    FALLING = "falling"
    BEHIND_NODE = "behind_node"
    SHORT_FORECAST = "short_forecast"
    OVER_CEILING = "over_ceiling"  # a ceiling's forecast over it: 预计突破全年控制数

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    IndicatorWarningKind.FALLING: "位次后移",
    IndicatorWarningKind.BEHIND_NODE: "落后序时进度",
    IndicatorWarningKind.SHORT_FORECAST: "预计完不成全年目标",
    IndicatorWarningKind.OVER_CEILING: "预计突破全年控制数",
}


@dataclass(frozen=True)
class IndicatorWarning:
    kind: IndicatorWarningKind
    region: str
    indicator: str
    message: str  # one Chinese sentence with the figures
    period: str = ""  # the month the figures are of: 2025年1—11月 (the report's label)


def falling_warnings(
    indicator: str,
    group: str,
    lines: Iterable[PeerFigures],
    places: int = FALL_PLACES,
    *,
    since: str = "上月",
    among: int | None = None,
    rank_by: RankBy = RankBy.GROWTH,
    kind: Kind = Kind.AMOUNT,
    lower_is_better: bool = False,
) -> list[IndicatorWarning]:
    """Regions whose rank in the peer group `group` (its short name) fell by `places` or more
    since the previous period (`since`: 上月, or 上季度 for a quarterly indicator), each warned
    in its own sentence, the region's rank sentence (`sentences.rank_change_sentence`, the
    issue's pattern 固定资产投资增速居全市第2位，较上月前移1位。):
    武陟县固定资产投资增速居全市第9位，较上月后移4位。 (`among` those with a figure when not all
    of the group have one, as `rank_text` says it)."""
    return [
        IndicatorWarning(
            IndicatorWarningKind.FALLING,
            line.region,
            indicator,
            rank_change_sentence(
                f"{line.region}{indicator}",
                rank_by,
                group,
                line.rank,
                line.rank + line.rank_change,
                tied=line.tied,
                kind=kind,
                since=since,
                among=among,
                lower_is_better=lower_is_better,
            ),
        )
        for line in lines
        if line.rank is not None and line.rank_change is not None and -line.rank_change >= places
    ]


def target_warnings(
    region: str,
    indicator: str,
    standing: Standing,
    behind_points: Decimal,
    *,
    unit: str = "",
    places: int = 0,
) -> list[IndicatorWarning]:
    """A target's warnings: off its node by more than `behind_points` (个百分点, on the shown
    figures), and a year-end forecast that misses the target — behind and below 100%
    (预计完不成全年目标), or for a ceiling (赴京访批次, lower being better) used faster than its
    node, said as the report says it with the node in `unit` (`ceiling_used`: the one node the
    table and the sentence show), and heading over it (预计突破全年控制数, tryout 17). None
    without a breakdown or a figure."""
    found = []
    if standing.vs_node is not None and standing.pace is Pace.BEHIND:
        off = abs(shown(standing.vs_node))
        if off > behind_points:
            if standing.lower_is_better:
                node = (
                    ""
                    if standing.node_target is None
                    else f"{number(standing.node_target, places)}{unit}"
                )
                said = ceiling_used(standing.completion_rate, standing.vs_node, node)
            else:
                said = (
                    f"完成目标的{rate(standing.completion_rate)}，{vs_pace_text(standing.vs_node)}"
                )
            found.append(
                IndicatorWarning(
                    IndicatorWarningKind.BEHIND_NODE,
                    region,
                    indicator,
                    f"{region}{indicator}{said}。",
                )
            )
    if standing.forecast_rate is not None and standing.forecast_missed:
        kind = (
            IndicatorWarningKind.OVER_CEILING
            if standing.lower_is_better
            else IndicatorWarningKind.SHORT_FORECAST
        )
        said = forecast_sentence(f"{region}{indicator}", standing)
        found.append(IndicatorWarning(kind, region, indicator, said))
    return found


def report_warnings(report: IndicatorReport, behind_points: Decimal) -> list[IndicatorWarning]:
    """Every warning of a month's report: falls of rank in its peer group, then targets, each
    dated with the report's period."""
    found = []
    for table in report.indicators:
        found += falling_warnings(
            table.indicator.name,
            report.group.short_name,
            table.lines,
            since=previous_period_word(Frequency(table.indicator.frequency)),
            among=table.among,
            rank_by=RankBy(table.indicator.rank_by),
            kind=Kind(table.indicator.kind),
            lower_is_better=table.indicator.direction == Direction.LOWER,
        )
    for target in report.targets:
        found += target_warnings(
            target.region,
            target.indicator.name,
            target.standing,
            behind_points,
            unit=target.indicator.unit,
            places=target.indicator.places,
        )
    return [replace(warning, period=report.label) for warning in found]


def warnings_of(
    reports: Iterable[IndicatorReport], behind_points: Decimal
) -> list[IndicatorWarning]:
    """The dashboard's warnings from `report.latest_reports` (each indicator's at its own
    latest month with a figure, latest month first, a county office's own lines), each
    dated."""
    return [warning for report in reports for warning in report_warnings(report, behind_points)]
