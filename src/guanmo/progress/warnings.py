"""Early warnings (预警) for one project in one reporting month: plain rules over plain data.

Yellow or red when the completion rate is behind time progress by more than the city's
thresholds; yellow for a milestone planned by the month's end and not reached ("计划3月开工，
至5月仍未开工", issue 14) and for a project under construction with no investment two months
running; red when it has not reported by the deadline, for a month it was due to report
(from the month it entered the ledger on).
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from guanmo.figures import formatting
from guanmo.figures.arithmetic import completion_rate, points_vs_time_progress
from guanmo.ledger.due import due_to_report
from guanmo.ledger.milestones import MilestoneDates, is_missed, missed_sentence, not_started_by
from guanmo.ledger.models import MilestoneKind


class WarningLevel(StrEnum):
    """How serious a warning is: 黄色预警 or 红色预警 (黄牌、红牌)."""

    YELLOW = "yellow"
    RED = "red"

    @property
    def label(self) -> str:
        return _LEVEL_LABELS[self]


class WarningKind(StrEnum):
    """Which rule raised a warning."""

    BEHIND = "behind"
    NOT_STARTED = "not_started"
    MILESTONE = "milestone"
    IDLE = "idle"
    UNREPORTED = "unreported"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_LEVEL_LABELS = {WarningLevel.YELLOW: "黄色预警", WarningLevel.RED: "红色预警"}
_KIND_LABELS = {
    WarningKind.BEHIND: "落后时间进度",
    WarningKind.NOT_STARTED: "逾期未开工",
    WarningKind.MILESTONE: "节点逾期",
    WarningKind.IDLE: "连续两个月无投资",
    WarningKind.UNREPORTED: "逾期未报送",
}
_SEVERITY = {WarningLevel.RED: 0, WarningLevel.YELLOW: 1}
_UNDER_CONSTRUCTION = ("新开工", "续建")


@dataclass(frozen=True)
class Thresholds:
    """Points behind time progress beyond which a project is yellow, and beyond which red."""

    yellow_points: Decimal = Decimal(10)
    red_points: Decimal = Decimal(20)


@dataclass(frozen=True)
class ProjectState:
    """What the rules need to know of one project in the reporting month."""

    stage: str  # 新开工 / 续建 / 竣工 / 前期, "" when unknown
    completed: Decimal  # 1—M月 completed investment, 万元
    annual_plan: Decimal | None  # 万元; None (or 0) without a plan: never behind
    # month → completed investment of that month this year (approved reports); a month absent
    # or None was not reported
    monthly_completed: Mapping[int, Decimal | None]
    reported: bool  # has an approved report for the month
    milestones: Sequence[MilestoneDates] = ()
    # the day it entered the ledger (a started lead, issue 14): no report is due for a month
    # before that day's month; None: in the ledger for the whole year
    reporting_from: date | None = None

    @property
    def completion_rate(self) -> Decimal | None:
        """Percent, as `completion_rate()` gives it; None without a plan."""
        return completion_rate(self.completed, self.annual_plan)

    def due(self, year: int, month: int) -> bool:
        """Whether the project is to report month `month` of `year`: from the month it entered
        the ledger on (a project entered on 10 December reports December, not November)."""
        return due_to_report(self.reporting_from, year, month)


@dataclass(frozen=True)
class ProjectWarning:
    kind: WarningKind
    level: WarningLevel
    message: str  # one Chinese sentence with the figures


def project_warnings(
    state: ProjectState,
    *,
    year: int,
    month: int,
    thresholds: Thresholds,
    deadline_passed: bool,
) -> list[ProjectWarning]:
    """The project's warnings for the month: red before yellow, otherwise in rule order
    (behind, unreported, missed milestones in their order, idle); empty when none applies."""
    found = [
        _behind(state, month, thresholds),
        _unreported(state, year, month, deadline_passed),
        *_missed(state, year, month),
        _idle(state, year, month, deadline_passed),
    ]
    return sorted(
        (warning for warning in found if warning is not None),
        key=lambda warning: _SEVERITY[warning.level],
    )


def worst_level(warnings: Iterable[ProjectWarning]) -> WarningLevel | None:
    """Red if any warning is red, yellow if any is yellow, None when there are none."""
    levels = {warning.level for warning in warnings}
    return min(levels, key=_SEVERITY.__getitem__, default=None)


def _behind(state: ProjectState, month: int, thresholds: Thresholds) -> ProjectWarning | None:
    """Strictly more than the threshold: a project exactly 10 points behind is not warned."""
    rate = state.completion_rate
    points = points_vs_time_progress(state.completed, state.annual_plan, month)
    if rate is None or points is None:
        return None
    behind = -points
    if behind > thresholds.red_points:
        level = WarningLevel.RED
    elif behind > thresholds.yellow_points:
        level = WarningLevel.YELLOW
    else:
        return None
    return ProjectWarning(
        WarningKind.BEHIND,
        level,
        f"完成率{formatting.rate(rate)}，落后时间进度{formatting.number(behind)}个百分点",
    )


def _unreported(
    state: ProjectState, year: int, month: int, deadline_passed: bool
) -> ProjectWarning | None:
    if state.reported or not deadline_passed or not state.due(year, month):
        return None
    return ProjectWarning(WarningKind.UNREPORTED, WarningLevel.RED, f"{month}月进度逾期未报送")


def _missed(state: ProjectState, year: int, month: int) -> list[ProjectWarning]:
    """Each milestone planned on or before the month's last day and not reached by then
    (`ledger.milestones.is_missed`); 开工 by the one rule of a project not started
    (`ledger.milestones.not_started_by`: not for a stage that says it has started)."""
    warnings = []
    for dates in state.milestones:
        started = dates.kind == MilestoneKind.STARTED
        if started:
            missed = not_started_by(state.stage, dates, year, month)
        else:
            missed = is_missed(dates, year, month)
        if not missed or dates.planned is None:
            continue
        warnings.append(
            ProjectWarning(
                WarningKind.NOT_STARTED if started else WarningKind.MILESTONE,
                WarningLevel.YELLOW,
                missed_sentence(dates.kind, dates.planned, year, month),
            )
        )
    return warnings


def _idle(
    state: ProjectState, year: int, month: int, deadline_passed: bool
) -> ProjectWarning | None:
    """A project under construction with nothing completed this month and the month before
    (a month not reported counts as nothing completed, but the reporting month only once its
    deadline has passed: before that, the county may still report investment; the month before
    it entered the ledger was not its to report)."""
    if state.stage not in _UNDER_CONSTRUCTION or month < 2 or not state.due(year, month - 1):
        return None
    if not state.reported and not deadline_passed:
        return None
    if any(state.monthly_completed.get(each) for each in (month - 1, month)):
        return None
    return ProjectWarning(
        WarningKind.IDLE, WarningLevel.YELLOW, f"{month - 1}月、{month}月连续两个月无投资"
    )
