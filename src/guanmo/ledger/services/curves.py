"""Reading and setting projects' planned investment curves (ledger.curve): the city's seasonal
shape from last year's figures, each project's curve for a year, and the office's twelve
monthly amounts kept with their history."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.db import transaction
from django.db.models import Exists, OuterRef, Sum

from guanmo.accounts.models import User
from guanmo.figures.breakdown import MONTHS, Breakdown
from guanmo.ledger.curve import Shape, city_shape, curve_faults, project_curve
from guanmo.ledger.models import AnnualPlan, KeyListEntry, MonthlyPlan, MonthlyProgress, Project
from guanmo.locking import locked
from guanmo.regions.models import Region
from guanmo.regions.names import whole
from guanmo.reporting.history import Change, Source, record_changes, shown
from guanmo.sheets.cells import ONE_YUAN


def last_year_cumulative(city: Region, year: int) -> dict[int, Decimal]:
    """Last year's (year − 1) cumulative completed investment of the city's key projects of
    that year, by month (万元; months nobody reported are absent)."""
    listed = KeyListEntry.objects.filter(project=OuterRef("project"), year=year - 1)
    by_month = dict(
        MonthlyProgress.objects.filter(project__city=city, year=year - 1)
        .filter(Exists(listed))
        .values("month")
        .annotate(total=Sum("completed_this_month"))
        .values_list("month", "total")
    )
    cumulative, running = {}, Decimal(0)
    for month in sorted(by_month):
        running += Decimal(by_month[month] or 0).quantize(ONE_YUAN)
        cumulative[month] = running
    return cumulative


def shape_for(city: Region, year: int) -> Shape:
    return city_shape(last_year_cumulative(city, year), whole(city.name))


def curves_for(project_ids: Iterable[int], year: int, shape: Shape) -> dict[int, Breakdown | None]:
    """Each project's curve for the year: its own monthly amounts where the office set them,
    else the city's shape; None without an annual plan (two queries)."""
    ids = list(project_ids)
    plans = dict(
        AnnualPlan.objects.filter(project_id__in=ids, year=year).values_list(
            "project_id", "planned_investment"
        )
    )
    own: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for project_id, month, amount in MonthlyPlan.objects.filter(
        project_id__in=ids, year=year
    ).values_list("project_id", "month", "planned_investment"):
        own[project_id][month] = amount
    return {
        pk: project_curve(
            plans.get(pk),
            [own[pk][m] for m in range(1, MONTHS + 1)] if len(own[pk]) == MONTHS else shape.weights,
        )
        for pk in ids
    }


class CurveRefused(Exception):
    def __init__(self, messages: list[str]) -> None:
        super().__init__("；".join(messages))
        self.messages = messages


def set_monthly_plan(
    project: Project, year: int, months: Sequence[Decimal] | None, *, user: User | None
) -> int:
    """Store the office's twelve monthly amounts (万元, summing to the annual plan) as the
    project's curve for the year, or with None go back to the city's shape; each changed month
    recorded in the history. Returns how many months changed. Raises CurveRefused."""
    plan = AnnualPlan.objects.filter(project=project, year=year).first()
    if months is not None:
        faults = curve_faults(plan.planned_investment if plan else None, months)
        if faults:
            raise CurveRefused(faults)
    with transaction.atomic():
        locked(project)
        stored = dict(
            MonthlyPlan.objects.filter(project=project, year=year).values_list(
                "month", "planned_investment"
            )
        )
        changes = []
        for month in range(1, MONTHS + 1):
            old = shown(stored.get(month))
            new = shown(months[month - 1]) if months is not None else ""
            if old != new:
                label = "月度计划投资（万元）"
                changes.append(Change(project.pk, label, old, new, year=year, month=month))
        if not changes:
            return 0
        MonthlyPlan.objects.filter(project=project, year=year).delete()
        if months is not None:
            MonthlyPlan.objects.bulk_create(
                MonthlyPlan(project=project, year=year, month=month, planned_investment=amount)
                for month, amount in enumerate(months, start=1)
            )
        record_changes(changes, source=Source.LEDGER, user=user)
    return len(changes)
