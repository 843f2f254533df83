"""Reads for monthly reporting: a report's lines with what checking them needs."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet

from guanmo.accounts.scope import Scope
from guanmo.ledger.due import due_in
from guanmo.ledger.models import AnnualPlan, MonthlyProgress
from guanmo.ledger.month_figures import Reported, previous_cumulative_note
from guanmo.regions.models import Region
from guanmo.reporting.models import CountyReport, Period, ReportEntry


@dataclass
class ReportLine:
    """One project's line of a county report, with its approved figures of other months."""

    entry: ReportEntry
    annual_plan: Decimal | None
    earlier: Reported | None  # the last approved month before this one
    later: Reported | None  # the first approved month after it (after a reopen)
    earlier_months: list[Decimal] = field(default_factory=list)  # completed, months before
    previous_note: str = ""  # which month `previous_cumulative` is, when not last month's
    warnings: list[str] = field(default_factory=list)

    @property
    def previous_cumulative(self) -> Decimal:
        return self.earlier[1] if self.earlier else Decimal(0)


def report_lines(report: CountyReport) -> list[ReportLine]:
    """The report's lines in ledger order, with plans and other months' figures (3 queries)."""
    period = report.period
    entries = list(report.entries.select_related("project").order_by("project__id"))
    project_ids = [entry.project_id for entry in entries]
    plans = dict(
        AnnualPlan.objects.filter(project_id__in=project_ids, year=period.year).values_list(
            "project_id", "planned_investment"
        )
    )
    earlier: dict[int, Reported] = {}
    later: dict[int, Reported] = {}
    months: dict[int, list[Decimal]] = defaultdict(list)
    reports = (
        MonthlyProgress.objects.filter(project_id__in=project_ids, year=period.year)
        .exclude(month=period.month)
        .order_by("month")
        .values_list("project_id", "month", "completed_this_month", "cumulative_completed")
    )
    for project_id, month, completed, cumulative in reports:
        if month < period.month:
            earlier[project_id] = month, cumulative
            months[project_id].append(completed)
        else:
            later.setdefault(project_id, (month, cumulative))
    return [
        ReportLine(
            entry=entry,
            annual_plan=plans.get(entry.project_id),
            earlier=earlier.get(entry.project_id),
            later=later.get(entry.project_id),
            earlier_months=months[entry.project_id],
            previous_note=previous_cumulative_note(period.month, earlier.get(entry.project_id)),
        )
        for entry in entries
    ]


def periods_for(scope: Scope) -> QuerySet[Period]:
    """The city's periods, for those who report or review (the city and county offices)."""
    periods = Period.objects.filter(city=scope.city)
    return periods if scope.is_city_office or scope.county else periods.none()


def reports_for(scope: Scope) -> QuerySet[CountyReport]:
    """The county reports he may open: all of the city's for the city office, his county's
    for a county office, none for anyone else."""
    reports = CountyReport.objects.filter(period__city=scope.city).select_related(
        "period", "county"
    )
    if scope.is_city_office:
        return reports
    if scope.county is not None:
        return reports.filter(county=scope.county)
    return reports.none()


def closed_months(city: Region, year: int | None = None) -> set[tuple[int, int]]:
    """Every closed (year, month) of the city (of `year` only, when given): the one rule for
    which months' figures are final, on pages, in bulletins and in public disclosure.

    A month is closed when its reporting period is closed, or when it has approved figures and
    no period at all (a month loaded by `import-progress`, which opens no period). A month whose
    period is still open is never closed, whatever has been approved in it so far. This rule,
    not "has a closed period", keeps figures already imported final everywhere: the dashboard,
    progress-report, the plan-change check, public disclosure and the bulletins
    (`closed_month_list`; tryout 31, finding 5: the bulletins alone followed the periods).
    """
    periods = Period.objects.filter(city=city)
    figures = MonthlyProgress.objects.filter(project__city=city)
    if year is not None:
        periods, figures = periods.filter(year=year), figures.filter(year=year)
    states = {
        (period_year, month): closed_at is not None
        for period_year, month, closed_at in periods.values_list("year", "month", "closed_at")
    }
    imported = set(figures.values_list("year", "month").distinct()) - states.keys()
    return {when for when, closed in states.items() if closed} | imported


@dataclass(frozen=True)
class ClosedMonth:
    """A closed month of a city (`closed_months`), what a bulletin is of: its closed reporting
    period, or None for a month loaded by `import-progress` with no period."""

    year: int
    month: int
    period: Period | None

    def __str__(self) -> str:
        return f"{self.year}年{self.month}月"


def closed_month(city: Region, year: int, month: int) -> ClosedMonth | None:
    """The month if it is closed (`closed_months`, the one rule), else None."""
    if (year, month) not in closed_months(city, year):
        return None
    period = Period.objects.filter(city=city, year=year, month=month).first()
    return ClosedMonth(year, month, period)


def closed_month_list(city: Region) -> list[ClosedMonth]:
    """Every closed month of the city, latest first (`closed_months`): the bulletins there are.
    A month loaded by `import-progress` without a period is among them, as on the dashboard and
    in progress-report (tryout 31, finding 5: /bulletins/ listed only periods' months)."""
    periods = {(each.year, each.month): each for each in Period.objects.filter(city=city)}
    return [
        ClosedMonth(year, month, periods.get((year, month)))
        for year, month in sorted(closed_months(city), reverse=True)
    ]


def latest_closed_month(city: Region) -> tuple[int, int] | None:
    """(year, month) of the city's latest closed month (`closed_months`), None before any: the
    month pages of figures show."""
    return max(closed_months(city), default=None)


def reporting_month(city: Region, year: int) -> int:
    """The month of `year` the city is reporting: its open period's, else the month after its
    latest closed month of the year (December at most), else January. A project the ledger
    gains now is due to report from this month (`ledger.due`)."""
    opened = Period.objects.filter(city=city, year=year, closed_at__isnull=True)
    if month := opened.order_by("-month").values_list("month", flat=True).first():
        return month
    closed = [month for _, month in closed_months(city, year)]
    return min(max(closed, default=0) + 1, 12)


def open_period(city: Region) -> Period | None:
    """The latest period still open for reporting, None when all are closed."""
    return (
        Period.objects.filter(city=city, closed_at__isnull=True).order_by("-year", "-month").first()
    )


def reports_with_counts(scope: Scope, period: Period) -> QuerySet[CountyReport]:
    """The period's reports he may open, each with `lines` (projects in it due to report the
    month, `ledger.due`) and `reported` (those of them with a cumulative figure filled in)."""
    due = due_in(period.year, period.month, prefix="entries__project__")
    return (
        reports_for(scope)
        .filter(period=period)
        .annotate(
            lines=Count("entries", filter=due),
            reported=Count("entries", filter=due & Q(entries__cumulative_completed__isnull=False)),
        )
    )


def reports_of_month(city: Region, year: int, month: int) -> dict[int, CountyReport] | None:
    """The city's county reports of (`year`, `month`) by county id, or None when the month has
    no reporting period (its figures are imported, not reported). Once a period is open, the
    month's figures are the counties' approved reports: the one rule `import-progress` keeps
    to so it never changes a month behind a county's report (tryout 10)."""
    period = Period.objects.filter(city=city, year=year, month=month).first()
    if period is None:
        return None
    return {
        report.county_id: report
        for report in CountyReport.objects.filter(period=period).select_related("period", "county")
    }
