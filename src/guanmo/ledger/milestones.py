"""A project's milestones as plain data: when one is missed, the sentence that says so, what is
wrong with the dates given, and the bulletin's counts (开工率, 竣工率, 入统).

Source: issue 14, "Milestones and planned curves": warnings fire on a missed milestone in the
words "计划3月开工，至5月仍未开工"; the bulletin counts milestones reached. Rates are to one
decimal, half-up, "—" on a zero base (`guanmo.figures`).
"""

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import pairwise

from guanmo.documents.official import chinese_date
from guanmo.figures.arithmetic import percent
from guanmo.ledger.models import MilestoneKind

KINDS: tuple[MilestoneKind, ...] = tuple(MilestoneKind)
# What a sentence says a project did or did not do at each milestone: "仍未取得施工许可".
PHRASES: dict[MilestoneKind, str] = {
    MilestoneKind.APPROVAL: "立项",
    MilestoneKind.LAND: "取得用地",
    MilestoneKind.PLANNING: "取得规划许可",
    MilestoneKind.ENVIRONMENT: "取得环评批复",
    MilestoneKind.PERMIT: "取得施工许可",
    MilestoneKind.STARTED: "开工",
    MilestoneKind.ENROLLED: "入统",
    MilestoneKind.STRUCTURE: "主体完工",
    MilestoneKind.COMPLETED: "竣工",
    MilestoneKind.PRODUCING: "投产",
}
# Stages that say a project has started, whatever its 开工 milestone holds (a project building
# may have no 开工 date recorded).
STARTED_STAGES = ("续建", "竣工")
# The milestones of building, in the order they can only be reached.
_BUILDING = (
    MilestoneKind.STARTED,
    MilestoneKind.STRUCTURE,
    MilestoneKind.COMPLETED,
    MilestoneKind.PRODUCING,
)


@dataclass(frozen=True)
class MilestoneDates:
    kind: MilestoneKind
    planned: date | None = None
    reached: date | None = None


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def reached_by(dates: MilestoneDates | None, day: date) -> bool:
    """Whether the milestone was reached on or before `day`."""
    return dates is not None and dates.reached is not None and dates.reached <= day


def is_missed(dates: MilestoneDates, year: int, month: int) -> bool:
    """Planned on or before the month's last day and not reached by then."""
    end = month_end(year, month)
    return dates.planned is not None and dates.planned <= end and not reached_by(dates, end)


def not_started_by(stage: str, start: MilestoneDates | None, year: int, month: int) -> bool:
    """逾期未开工 after `month`: its 开工 (`start`) planned on or before the month's last day and
    not reached by then, unless its stage says it has started (`STARTED_STAGES`). The one rule
    of a project not started: the missed-start warning (`progress.warnings`) and the
    assessment's 按期开工率 (`assessment.source_measures`) both ask it."""
    return start is not None and stage not in STARTED_STAGES and is_missed(start, year, month)


def missed_sentence(kind: MilestoneKind, planned: date, year: int, month: int) -> str:
    """计划{M}月{milestone}，至{N}月仍未{milestone}: "计划3月开工，至5月仍未开工"; a plan of an
    earlier year names its year ("计划2024年11月开工，至2月仍未开工")."""
    when = f"{planned.month}月" if planned.year == year else f"{planned.year}年{planned.month}月"
    phrase = PHRASES[kind]
    return f"计划{when}{phrase}，至{month}月仍未{phrase}"


def work_before_start_note(start: MilestoneDates | None, first_worked: date | None) -> str:
    """What a project's page says when it reports investment (first in the month of
    `first_worked`, its first day) while its 开工 is not reached by that month's end: a project
    doing work has started, so its 开工 date is missing or late; "" when they agree. The
    office enters the date: a progress report never sets it, the day being unknown (tryout 16:
    new starts reported 主体封顶 with 开工 not reached)."""
    if first_worked is None:
        return ""
    if reached_by(start, month_end(first_worked.year, first_worked.month)):
        return ""
    when = f"{first_worked.year}年{first_worked.month}月"
    if start is None or start.reached is None:
        return f"自{when}起已报送完成投资，但开工节点尚无实际日期，请填写实际开工日期。"
    started = f"{start.reached.year}年{start.reached.month}月{start.reached.day}日"
    return f"自{when}起已报送完成投资，早于实际开工日期{started}，请核实开工日期或完成投资。"


def date_faults(
    given: Mapping[MilestoneKind, MilestoneDates], today: date
) -> list[tuple[MilestoneKind, str]]:
    """What is wrong with a project's milestone dates: an actual date after today, and a
    building milestone reached before the one that must come first (竣工 before 开工). Each
    fault is (the milestone, why, in Chinese)."""
    faults = [
        (kind, f"实际日期{chinese_date(dates.reached)}晚于今天，实际日期不能是将来")
        for kind, dates in given.items()
        if dates.reached is not None and dates.reached > today
    ]
    reached = [
        (kind, given[kind].reached)
        for kind in _BUILDING
        if kind in given and given[kind].reached is not None
    ]
    for (before, earlier), (after, later) in pairwise(reached):
        if later < earlier:
            faults.append(
                (
                    after,
                    f"实际日期{chinese_date(later)}早于{before.label}日期{chinese_date(earlier)}",
                )
            )
    return faults


@dataclass(frozen=True)
class MilestoneCounts:
    """What a set of projects reached in a year up to a month: of the projects planned to start
    (to be completed) in the year, how many had by the month's end, and the rate; the projects
    enrolled in statistics (入统) in the year to date and in the month itself."""

    to_start: int = 0
    started: int = 0
    to_complete: int = 0
    completed: int = 0
    enrolled: int = 0
    enrolled_in_month: int = 0

    @property
    def start_rate(self) -> Decimal | None:
        """开工率: started ÷ planned to start in the year, in percent; None on a zero base."""
        return percent(self.started, self.to_start)

    @property
    def completion_rate(self) -> Decimal | None:
        """竣工率: completed ÷ planned to be completed in the year; None on a zero base."""
        return percent(self.completed, self.to_complete)


def _planned_in(dates: MilestoneDates | None, year: int) -> bool:
    return dates is not None and dates.planned is not None and dates.planned.year == year


def _reached_in(dates: MilestoneDates | None, year: int, month: int) -> bool:
    return (
        dates is not None
        and dates.reached is not None
        and date(year, 1, 1) <= dates.reached <= month_end(year, month)
    )


def milestone_counts(
    projects: Iterable[Mapping[MilestoneKind, MilestoneDates]], year: int, month: int
) -> MilestoneCounts:
    """The counts for projects given as each one's milestones by kind. A project planned to
    start in the year counts as started once reached by the month's end (early or late);
    so for 竣工. Enrolled: 入统 reached from January 1 to the month's end."""
    end = month_end(year, month)
    counts = dict.fromkeys(
        ("to_start", "started", "to_complete", "completed", "enrolled", "enrolled_in_month"), 0
    )
    for milestones in projects:
        for kind, base, done in (
            (MilestoneKind.STARTED, "to_start", "started"),
            (MilestoneKind.COMPLETED, "to_complete", "completed"),
        ):
            dates = milestones.get(kind)
            if _planned_in(dates, year):
                counts[base] += 1
                counts[done] += reached_by(dates, end)
        enrolled = milestones.get(MilestoneKind.ENROLLED)
        counts["enrolled"] += _reached_in(enrolled, year, month)
        counts["enrolled_in_month"] += _reached_in(enrolled, year, month) and (
            enrolled.reached.month == month  # type: ignore[union-attr]
        )
    return MilestoneCounts(**counts)


@dataclass(frozen=True)
class LifeLineStep:
    """A milestone as the project's page shows it on its life line."""

    kind: MilestoneKind
    planned: date | None
    reached: date | None
    state: str  # 已完成, 已完成（晚于计划）, 逾期未完成, 未到期, 未安排


def life_line(
    milestones: Mapping[MilestoneKind, MilestoneDates], today: date
) -> list[LifeLineStep]:
    """Every milestone in order with its dates and where it stands on `today`."""
    steps = []
    for kind in KINDS:
        dates = milestones.get(kind, MilestoneDates(kind))
        state = step_state(dates.planned, dates.reached, today)
        steps.append(LifeLineStep(kind, dates.planned, dates.reached, state))
    return steps


def step_state(planned: date | None, reached: date | None, today: date) -> str:
    """Where a planned step stands on `today`: 已完成, 已完成（晚于计划）, 逾期未完成 (its plan
    passed, not reached), 未到期 or 未安排; a project's milestones and a lead's stages alike."""
    if reached is not None:
        return "已完成（晚于计划）" if planned is not None and reached > planned else "已完成"
    if planned is None:
        return "未安排"
    return "逾期未完成" if planned < today else "未到期"
