"""Early warnings (预警) for one project in one reporting month: plain rules over plain data.

Yellow or red when the completion rate is behind time progress by more than the city's
thresholds; yellow for a 前期 project past its planned start and for a project under
construction with no investment two months running; red when it has not reported by the
deadline.
"""

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from guanmo.progress.arithmetic import format_decimal, shown, time_progress


class WarningLevel(StrEnum):
    YELLOW = "yellow"
    RED = "red"

    @property
    def label(self) -> str:
        return {"yellow": "黄色预警", "red": "红色预警"}[self.value]


class WarningKind(StrEnum):
    BEHIND = "behind"
    NOT_STARTED = "not_started"
    IDLE = "idle"
    UNREPORTED = "unreported"

    @property
    def label(self) -> str:
        return {
            "behind": "落后时间进度",
            "not_started": "逾期未开工",
            "idle": "连续两个月无投资",
            "unreported": "逾期未报送",
        }[self.value]


@dataclass(frozen=True)
class Thresholds:
    yellow_points: Decimal = Decimal(10)
    red_points: Decimal = Decimal(20)


@dataclass(frozen=True)
class ProjectState:
    stage: str
    planned_start: date | None
    completion_rate: Decimal | None  # percent; None without an annual plan
    monthly_completed: Mapping[int, Decimal]  # month → completed that month (approved)
    reported: bool  # has an approved report for the month


@dataclass(frozen=True)
class ProjectWarning:
    kind: WarningKind
    level: WarningLevel
    message: str


_UNDER_CONSTRUCTION = ("新开工", "续建")


def project_warnings(
    state: ProjectState,
    *,
    year: int,
    month: int,
    thresholds: Thresholds,
    deadline_passed: bool,
) -> list[ProjectWarning]:
    """The project's warnings for the month, most serious rule first."""
    warnings = []
    time = time_progress(month)
    if state.completion_rate is not None:
        behind = shown(time) - shown(state.completion_rate)
        level = (
            WarningLevel.RED
            if behind > thresholds.red_points
            else WarningLevel.YELLOW
            if behind > thresholds.yellow_points
            else None
        )
        if level is not None:
            warnings.append(
                ProjectWarning(
                    WarningKind.BEHIND,
                    level,
                    f"完成率{format_decimal(state.completion_rate)}%，"
                    f"落后时间进度{format_decimal(behind)}个百分点",
                )
            )
    if not state.reported and deadline_passed:
        warnings.append(
            ProjectWarning(WarningKind.UNREPORTED, WarningLevel.RED, f"{month}月进度逾期未报送")
        )
    month_end = date(year, month, calendar.monthrange(year, month)[1])
    if state.stage == "前期" and state.planned_start and state.planned_start <= month_end:
        warnings.append(
            ProjectWarning(
                WarningKind.NOT_STARTED,
                WarningLevel.YELLOW,
                f"计划于{state.planned_start:%Y年%-m月%-d日}开工，仍处于前期阶段",
            )
        )
    if state.stage in _UNDER_CONSTRUCTION and month >= 2:
        idle = all(not state.monthly_completed.get(each) for each in (month - 1, month))
        if idle:
            warnings.append(
                ProjectWarning(
                    WarningKind.IDLE,
                    WarningLevel.YELLOW,
                    f"{month - 1}月、{month}月连续两个月无投资",
                )
            )
    return warnings


def worst_level(warnings: Iterable[ProjectWarning]) -> WarningLevel | None:
    levels = {warning.level for warning in warnings}
    if WarningLevel.RED in levels:
        return WarningLevel.RED
    return WarningLevel.YELLOW if levels else None
