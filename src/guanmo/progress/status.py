"""Each project's figures and early warnings for a month, cut to whatever projects are given
(pages pass the user's scoped queryset)."""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet, Sum

from guanmo import clock
from guanmo.figures.arithmetic import completion_rate
from guanmo.ledger.milestones import KINDS
from guanmo.ledger.models import MonthlyProgress, Project
from guanmo.ledger.services.milestones import milestones_by_project
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
from guanmo.regions.names import unit_name, with_unit
from guanmo.reporting.models import Period
from guanmo.reporting.selectors import latest_closed_month


@dataclass(frozen=True)
class ProjectStatus:
    pk: int
    name: str
    county: str
    county_id: int
    named: str  # its name after its unit, the region said once: 温县·太极文化产业园
    stage: str
    industry: str
    annual_plan: Decimal | None
    completed: Decimal
    completion_rate: Decimal | None
    reported: bool
    due: bool  # due to report the month (`ledger.due`): entered the ledger by its end
    latitude: Decimal | None
    longitude: Decimal | None
    warnings: tuple[ProjectWarning, ...]

    @property
    def level(self) -> WarningLevel | None:
        return worst_level(self.warnings)

    @property
    def unreported(self) -> bool:
        """Due to report the month and without an approved report of it."""
        return self.due and not self.reported


@dataclass(frozen=True)
class Month:
    """A month a page is about: `period` is its reporting period, if one was opened; `closed`
    says whether its figures are final (see `reporting.selectors.latest_closed_month`)."""

    year: int
    month: int
    period: Period | None
    closed: bool = True

    @property
    def deadline_passed(self) -> bool:
        return self.period is not None and clock.today() > self.period.deadline

    @property
    def as_of(self) -> str:
        """The title's note of which month the figures are of."""
        if not self.closed:
            return "尚无已关闭的填报月份，暂无审核关闭的数据"
        return f"数据截至{self.year}年{self.month}月"


def current_month(city: Region, year: int | None = None, month: int | None = None) -> Month:
    """The month being reported (the latest period opened, else the latest month reported):
    for pages about reporting work, such as the commissioners' months. Pages of figures use
    `figures_month`."""
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


def figures_month(city: Region, year: int | None = None, month: int | None = None) -> Month:
    """The month whose figures a page shows: the one asked for if it is closed, else the latest
    closed month. Before any month is closed, the month being reported with `closed` false,
    so that pages show no rank and no warning from it."""
    latest = latest_closed_month(city)
    if latest is None:
        being_reported = current_month(city)
        return Month(being_reported.year, being_reported.month, being_reported.period, False)
    if year and month and 1 <= month <= 12 and (year, month) <= latest:
        period = Period.objects.filter(city=city, year=year, month=month).first()
        if period is None or period.is_closed:
            return Month(year, month, period)
    period = Period.objects.filter(city=city, year=latest[0], month=latest[1]).first()
    return Month(latest[0], latest[1], period)


def _number(query: Mapping[str, str], name: str) -> int | None:
    value = query.get(name, "")
    return int(value) if value.isdigit() else None


def month_from_query(city: Region, query: Mapping[str, str]) -> Month:
    """The month being reported asked for with ?year=&month=; `current_month` without them."""
    return current_month(city, _number(query, "year"), _number(query, "month"))


def figures_month_from_query(city: Region, query: Mapping[str, str]) -> Month:
    """The closed month asked for with ?year=&month=; `figures_month` decides."""
    return figures_month(city, _number(query, "year"), _number(query, "month"))


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
            "plan",
            "completed",
            "reported",
            "latitude",
            "longitude",
            "entered_on",
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
    milestones = milestones_by_project(row["pk"] for row in rows)
    statuses = []
    for row in rows:
        rate = completion_rate(row["completed"], row["plan"])
        state = ProjectState(
            stage=row["stage"],
            completed=row["completed"],
            annual_plan=row["plan"],
            monthly_completed=monthly[row["pk"]],
            reported=row["reported"],
            milestones=tuple(
                milestones[row["pk"]][kind] for kind in KINDS if kind in milestones[row["pk"]]
            ),
            reporting_from=row["entered_on"],
        )
        warnings = (
            project_warnings(
                state,
                year=when.year,
                month=when.month,
                thresholds=thresholds,
                deadline_passed=when.deadline_passed,
            )
            if when.closed
            else []
        )
        is_city = row["county_id"] == city.pk
        statuses.append(
            ProjectStatus(
                pk=row["pk"],
                name=row["name"],
                county=unit_name(row["county__name"], is_city=is_city),
                county_id=row["county_id"],
                named=with_unit(row["county__name"], row["name"], is_city=is_city, separator="·"),
                stage=row["stage"],
                industry=row["industry"],
                annual_plan=row["plan"],
                completed=row["completed"],
                completion_rate=rate,
                reported=row["reported"],
                due=state.due(when.year, when.month),
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
