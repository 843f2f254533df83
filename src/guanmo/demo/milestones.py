"""The demo's milestones, curves and key-list removals (issue 14): what an office keeps of its
key projects' lives. Most new starts started near their plan, some a month or two late and a
few not yet, so warnings and the bulletin's 开工率 show; continuing projects started in earlier
years and are enrolled in statistics; completed ones were completed this year, some late;
preparatory ones have their approvals under way and a planned start (some already passed).
A share of projects carry the office's own monthly plan following the construction season;
the rest follow the city's shape. Two projects were taken off the key list, with the reason.
Every actual date is on or before the demo's today."""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from guanmo.demo.city import SEASON, TODAY, YEAR
from guanmo.demo.moments import at
from guanmo.figures.breakdown import break_down
from guanmo.ledger.curve import CENT
from guanmo.ledger.milestones import month_end
from guanmo.ledger.models import (
    AnnualPlan,
    KeyListEntry,
    Milestone,
    MilestoneKind,
    MonthlyPlan,
    MonthlyProgress,
    Project,
    Stage,
)
from guanmo.ledger.services.milestones import remove_from_key_list
from guanmo.regions.models import Region
from guanmo.reporting.models import FigureChange

K = MilestoneKind
# Why an office takes a project off its list, in its words.
REMOVAL_REASONS = (
    "计划开工时间已过半年仍未开工，经市重点项目建设领导小组研究，调出市重点项目名录",
    "项目业主资金链断裂，长期停工，调出市重点项目名录",
)


@dataclass(frozen=True)
class DemoMilestones:
    milestones: int
    curves: int
    removed: int


def _day(rng: random.Random, year: int, first_month: int, last_month: int) -> date:
    month = rng.randint(first_month, last_month)
    return date(year, month, rng.randint(1, 28))


def _not_after_today(day: date) -> date | None:
    return day if day <= TODAY else None


def _late(rng: random.Random, planned: date, share_late: float) -> date:
    """When a milestone planned for `planned` was reached: near the plan, or 1—3 months late."""
    if rng.random() < share_late:
        return planned + timedelta(days=rng.randint(35, 95))
    return planned + timedelta(days=rng.randint(-12, 20))


def _milestones_of(rng: random.Random, project: Project) -> dict[MilestoneKind, tuple]:
    """(planned, reached) by milestone for one project, as its stage makes believable."""
    dates: dict[MilestoneKind, tuple] = {}
    start = project.start_year or YEAR
    if project.stage == Stage.PREPARATORY:
        planned = date(start, rng.randint(3, 12), 1)
        approval = _day(rng, YEAR - 1, 6, 12)
        dates[K.APPROVAL] = (approval, approval)
        land = _day(rng, YEAR, 2, 10)
        dates[K.LAND] = (land, _not_after_today(_late(rng, land, 0.3)))
        for kind in (K.PLANNING, K.ENVIRONMENT, K.PERMIT):
            due = min(planned - timedelta(days=rng.randint(15, 60)), date(start, 12, 1))
            dates[kind] = (due, None)
        dates[K.STARTED] = (planned, None)
        return dates
    if project.stage == Stage.NEW_START:
        planned = _day(rng, YEAR, 2, 9) if rng.random() < 0.93 else _day(rng, YEAR, 10, 11)
        permit = planned - timedelta(days=rng.randint(10, 40))
        dates[K.PERMIT] = (permit, permit)
        reached = _not_after_today(_late(rng, planned, 0.15)) if planned.month < 10 else None
        dates[K.STARTED] = (planned, reached)
        if reached and rng.random() < 0.7:
            enrolled = min(month_end(reached.year, reached.month) + timedelta(days=10), TODAY)
            dates[K.ENROLLED] = (enrolled, enrolled if rng.random() < 0.85 else None)
        dates[K.COMPLETED] = (date(project.end_year or YEAR + 1, rng.randint(6, 12), 30), None)
        return dates
    begun = date(min(start, YEAR - 1), rng.randint(3, 10), rng.randint(1, 28))
    dates[K.STARTED] = (begun, begun)
    dates[K.ENROLLED] = (begun + timedelta(days=40), begun + timedelta(days=40))
    if project.stage == Stage.COMPLETED:
        planned = _day(rng, YEAR, 3, 11)
        reached = min(_late(rng, planned, 0.25), TODAY)
        dates[K.STRUCTURE] = (planned - timedelta(days=120), planned - timedelta(days=110))
        dates[K.COMPLETED] = (planned, reached)
        producing = planned + timedelta(days=rng.randint(20, 60))
        dates[K.PRODUCING] = (producing, _not_after_today(reached + timedelta(days=25)))
        return dates
    # Continuing: the structure topped out this year (most on time), completion ahead.
    if rng.random() < 0.5:
        planned = _day(rng, YEAR, 4, 11)
        dates[K.STRUCTURE] = (planned, _not_after_today(_late(rng, planned, 0.2)))
    end = project.end_year or YEAR + 1
    if end == YEAR:
        dates[K.COMPLETED] = (date(YEAR, 12, 31), None)
    else:
        dates[K.COMPLETED] = (date(end, rng.randint(6, 12), 30), None)
    return dates


# The approvals before a start (前期手续), last first: each this many days (a range) before the
# next one (施工许可 before 开工, 环评 before 施工许可, …).
APPROVALS_BEFORE = (
    (K.PERMIT, (10, 40)),
    (K.ENVIRONMENT, (15, 60)),
    (K.PLANNING, (10, 45)),
    (K.LAND, (20, 90)),
    (K.APPROVAL, (30, 120)),
)


def _with_approvals(rng: random.Random, dates: dict[MilestoneKind, tuple]) -> None:
    """Give a started (or about to start) project the approvals it lacks, planned back from its
    start and reached on the plan or a little late, never after the one that follows: the
    office knows them for every project, not only the preparatory ones. A new start whose 开工
    is past its plan and not reached is still waiting for its 施工许可 (missed, 逾期未完成)."""
    start_planned, start_reached = dates[K.STARTED]
    following = start_reached or start_planned
    if start_reached is None and start_planned < TODAY and K.PERMIT in dates:
        dates[K.PERMIT] = (dates[K.PERMIT][0], None)
    for kind, (low, high) in APPROVALS_BEFORE:
        if kind in dates:
            following = dates[kind][1] or dates[kind][0]
            continue
        planned = following - timedelta(days=rng.randint(low, high))
        late = planned + timedelta(days=rng.randint(5, 30)) if rng.random() < 0.2 else planned
        reached = min(late, following)
        dates[kind] = (planned, reached)
        following = reached or planned


@transaction.atomic
def create_demo_milestones(city: Region, seed: int) -> DemoMilestones:
    """Milestones on every demo project, the office's own curve on some, two removals."""
    rng = random.Random(seed * 11 + 14)
    projects = list(Project.objects.filter(city=city).order_by("pk"))
    Milestone.objects.filter(project__in=projects).delete()
    MonthlyPlan.objects.filter(project__in=projects).delete()
    approvals = random.Random(seed * 11 + 15)  # its own, so the rest stays as it was
    rows = []
    for project in projects:
        dates = _milestones_of(rng, project)
        if project.stage != Stage.PREPARATORY:
            _with_approvals(approvals, dates)
        rows += [
            Milestone(project=project, kind=kind, planned=planned, reached=reached)
            for kind, (planned, reached) in dates.items()
        ]
    Milestone.objects.bulk_create(rows, batch_size=1000)
    _no_work_before_start(
        {
            row.project_id: row.reached
            for row in rows
            if row.kind == K.STARTED and row.project.stage == Stage.NEW_START
        }
    )
    curves = _curves(rng, projects)
    removed = _removals(rng, city)
    return DemoMilestones(milestones=len(rows), curves=curves, removed=removed)


# What a new start not yet started reports as its 形象进度.
BEFORE_START = "办理开工前手续"


def _no_work_before_start(starts: dict[int, date | None]) -> None:
    """A new start reports no investment and no construction before the month it started
    (all year when it has not): its progress before then is cleared, its cumulative counted
    from its start (tryout 16: 11 new starts not started reported 桩基施工…主体封顶)."""
    rows = list(
        MonthlyProgress.objects.filter(project_id__in=list(starts), year=YEAR).order_by(
            "project_id", "month"
        )
    )
    cumulative: dict[int, Decimal] = {}
    for row in rows:
        started = starts[row.project_id]
        first = started.month if started and started.year == YEAR else 13
        if row.month < first:
            row.completed_this_month = Decimal(0)
            row.visible_progress = BEFORE_START
        done = cumulative.get(row.project_id, Decimal(0)) + row.completed_this_month
        row.cumulative_completed = cumulative[row.project_id] = done
    MonthlyProgress.objects.bulk_update(
        rows,
        ["completed_this_month", "cumulative_completed", "visible_progress"],
        batch_size=1000,
    )


def _curves(rng: random.Random, projects: list[Project]) -> int:
    """A third of the projects with a plan on the cent get the office's monthly amounts: the
    construction season, a little uneven from one project to the next."""
    plans = dict(
        AnnualPlan.objects.filter(project__in=projects, year=YEAR).values_list(
            "project_id", "planned_investment"
        )
    )
    rows = []
    for project in projects:
        plan = plans.get(project.pk)
        if not plan or plan % CENT or rng.random() > 0.33:
            continue
        weights = [Decimal(str(share)) * Decimal(str(rng.uniform(0.8, 1.2))) for share in SEASON]
        curve = break_down(plan, weights, CENT)
        rows += [
            MonthlyPlan(project=project, year=YEAR, month=month, planned_investment=amount)
            for month, amount in enumerate(curve.months, start=1)
        ]
    MonthlyPlan.objects.bulk_create(rows, batch_size=1000)
    return len(rows) // 12


def _removals(rng: random.Random, city: Region) -> int:
    """A preparatory project long past its planned start leaves the city list in November, a
    halted continuing one in September, neither reporting after its month; the history dated
    the day each left. Each is on the
    city list only, so it leaves the ledger and the bulletin says 本月调出 (one also on the
    provincial list would stay counted)."""
    late = list(
        KeyListEntry.objects.filter(
            project__city=city,
            year=YEAR,
            level="市",
            project__stage=Stage.PREPARATORY,
            project__milestones__kind=K.STARTED,
            project__milestones__planned__lte=date(YEAR, 5, 31),
        )
        .exclude(project__key_lists__level="省")
        .order_by("pk")
    )
    halted = list(
        KeyListEntry.objects.filter(
            project__city=city, year=YEAR, level="市", project__stage=Stage.CONTINUING
        )
        .exclude(project__key_lists__level="省")
        .order_by("pk")
    )
    chosen = [
        (entry, day, reason)
        for entry, day, reason in (
            (rng.choice(late) if late else None, date(YEAR, 11, 20), REMOVAL_REASONS[0]),
            (rng.choice(halted) if halted else None, date(YEAR, 9, 25), REMOVAL_REASONS[1]),
        )
        if entry is not None
    ]
    for entry, day, reason in chosen:
        remove_from_key_list(entry, on=day, reason=reason, user=None, today=TODAY)
        # Off the list, it is not asked to report from the next month (ledger.key_lists): no
        # figures after its month (tryout 28: halted in September, it reported +1124万元 in
        # October and November, with a problem).
        later = {"year": YEAR, "month__gt": day.month}
        MonthlyProgress.objects.filter(project=entry.project, **later).delete()
        FigureChange.objects.filter(project=entry.project, **later).delete()
        FigureChange.objects.filter(project=entry.project, field__endswith="名录").update(
            at=at(day, 16)
        )
    return len(chosen)
