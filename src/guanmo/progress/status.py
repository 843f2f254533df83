"""Each project's figures and early warnings for a month, cut to whatever projects are given
(pages pass the user's scoped queryset)."""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet, Sum

from guanmo import clock
from guanmo.figures.arithmetic import completion_rate
from guanmo.ledger.models import MonthlyProgress, Project
from guanmo.progress.models import WarningRules
from guanmo.progress.selectors import summed_money, with_figures
from guanmo.progress.warnings import (
    ProjectState,
    ProjectWarning,
    Thresholds,
    WarningLevel,
    project_warnings,
    worst_level,
)
from guanmo.regions.models import Region
from guanmo.reporting.models import Period


@dataclass(frozen=True)
class ProjectStatus:
    pk: int
    name: str
    county: str
    county_id: int
    stage: str
    industry: str
    annual_plan: Decimal | None
    completed: Decimal
    completion_rate: Decimal | None
    reported: bool
    latitude: Decimal | None
    longitude: Decimal | None
    warnings: tuple[ProjectWarning, ...]

    @property
    def level(self) -> WarningLevel | None:
        return worst_level(self.warnings)


@dataclass(frozen=True)
class Month:
    """The month pages show: the latest period opened, else the latest month reported."""

    year: int
    month: int
    period: Period | None

    @property
    def deadline_passed(self) -> bool:
        return self.period is not None and clock.today() > self.period.deadline


def current_month(city: Region, year: int | None = None, month: int | None = None) -> Month:
    if year and month and 1 <= month <= 12:
        period = Period.objects.filter(city=city, year=year, month=month).first()
        return Month(year, month, period)
    period = Period.objects.filter(city=city).order_by("-year", "-month").first()
    if period is not None:
        return Month(period.year, period.month, period)
    latest = (
        MonthlyProgress.objects.filter(project__city=city)
        .order_by("-year", "-month")
        .values_list("year", "month")
        .first()
    )
    if latest:
        return Month(latest[0], latest[1], None)
    today = clock.today()
    return Month(today.year, today.month, None)


def month_from_query(city: Region, query: Mapping[str, str]) -> Month:
    """The month a page is asked for with ?year=&month=; `current_month` without them."""

    def number(name: str) -> int | None:
        value = query.get(name, "")
        return int(value) if value.isdigit() else None

    return current_month(city, number("year"), number("month"))


def thresholds_for(city: Region) -> Thresholds:
    rules = WarningRules.objects.filter(city=city).first()
    if rules is None:
        return Thresholds()
    return Thresholds(yellow_points=rules.yellow_points, red_points=rules.red_points)


def project_statuses(projects: QuerySet[Project], city: Region, when: Month) -> list[ProjectStatus]:
    """Figures and warnings of each given project for the month (3 queries)."""
    rows = list(
        with_figures(projects, when.year, when.month)
        .order_by("county__sort_order", "county__code", "id")
        .values(
            "pk",
            "name",
            "county__name",
            "county_id",
            "stage",
            "industry",
            "planned_start",
            "plan",
            "completed",
            "reported",
            "latitude",
            "longitude",
        )
    )
    monthly: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for project_id, month, completed in MonthlyProgress.objects.filter(
        project_id__in=[row["pk"] for row in rows],
        year=when.year,
        month__in=(when.month - 1, when.month),
    ).values_list("project_id", "month", "completed_this_month"):
        monthly[project_id][month] = completed
    thresholds = thresholds_for(city)
    statuses = []
    for row in rows:
        rate = completion_rate(row["completed"], row["plan"])
        state = ProjectState(
            stage=row["stage"],
            planned_start=row["planned_start"],
            completion_rate=rate,
            monthly_completed=monthly[row["pk"]],
            reported=row["reported"],
        )
        warnings = project_warnings(
            state,
            year=when.year,
            month=when.month,
            thresholds=thresholds,
            deadline_passed=when.deadline_passed,
        )
        statuses.append(
            ProjectStatus(
                pk=row["pk"],
                name=row["name"],
                county=row["county__name"],
                county_id=row["county_id"],
                stage=row["stage"],
                industry=row["industry"],
                annual_plan=row["plan"],
                completed=row["completed"],
                completion_rate=rate,
                reported=row["reported"],
                latitude=row["latitude"],
                longitude=row["longitude"],
                warnings=tuple(warnings),
            )
        )
    return statuses


def cumulative_by_month(projects: QuerySet[Project], year: int, month: int) -> list[Decimal]:
    """The given projects' cumulative completed investment at the end of each month 1..month
    (a project not reporting a month counts with its latest figure before it)."""
    return [
        summed_money(with_figures(projects, year, each).aggregate(total=Sum("completed"))["total"])
        for each in range(1, month + 1)
    ]
