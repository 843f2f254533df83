"""From the ledger to the plain rows the report is computed from.

The projects counted are those on a key list of the year (at the chosen level, or any level),
each once. A project that has not reported for the month counts with its latest cumulative
figure of the same year and is named as not reporting. A project taken off the list(s) before
the month (`ledger.key_lists`) is not counted as a project, but its annual plan and what it
completed by the month it left stay in its unit's totals.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    BooleanField,
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    FilteredRelation,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from guanmo.figures.arithmetic import completion_rate
from guanmo.ledger.key_lists import last_month_counted
from guanmo.ledger.models import AnnualPlan, KeyListEntry, MonthlyProgress, Project
from guanmo.progress.report import (
    LeftProject,
    Period,
    ProgressReport,
    ProjectLine,
    UnitTotals,
    UnreportedProject,
    build_progress_report,
    month_on_month,
)
from guanmo.progress.sections import ranking_columns
from guanmo.regions.models import RankingGroup, Region
from guanmo.regions.names import own_level, unit_name
from guanmo.regions.services import units_of
from guanmo.sheets.cells import ONE_YUAN

_MONEY = DecimalField(max_digits=18, decimal_places=4)
_ZERO = Value(Decimal(0), output_field=_MONEY)
# a project with no annual plan for the year, or one of 0: in no completion rate (tryout 22)
_NO_PLAN = Q(plan__isnull=True) | Q(plan=0)


def summed_money(total: Decimal | None) -> Decimal:
    """A database SUM of money, exact: SQLite adds decimals as binary floats
    (587970.48 comes back as 587970.479999999), so the sum is put back on the four places
    every stored amount has. PostgreSQL's sums are exact already and pass unchanged."""
    return (total or Decimal(0)).quantize(ONE_YUAN, rounding=ROUND_HALF_UP)


def key_projects(
    city: Region, year: int, level: str | None = None, month: int | None = None
) -> QuerySet[Project]:
    """The city's projects in the ledger of `year` (`Project.objects.in_ledger`)."""
    return Project.objects.filter(city=city).in_ledger(year, month=month, level=level)


def _left_projects(
    city: Region, year: int, month: int, level: str | None = None
) -> QuerySet[Project]:
    """The key projects of the year taken off their list(s) (at `level`) before `month`, each
    annotated `left_on`: the day it left the last of them."""
    lists = KeyListEntry.objects.filter(project=OuterRef("pk"), year=year)
    if level:
        lists = lists.filter(level=level)
    return (
        key_projects(city, year, level)
        .exclude(pk__in=key_projects(city, year, level, month).values("pk"))
        .annotate(left_on=Subquery(lists.order_by("-removed_on").values("removed_on")[:1]))
    )


def leaving_count(city: Region, year: int, month: int, level: str | None = None) -> int:
    """How many key projects count in `month` for the last time: taken off during it."""
    return (
        key_projects(city, year, level, month)
        .exclude(pk__in=key_projects(city, year, level, month + 1).values("pk"))
        .count()
    )


def left_figures(
    city: Region, year: int, month: int, level: str | None = None
) -> dict[int, tuple[int, LeftProject]]:
    """Each project taken off before `month`, by its id: its county's id, its annual plan of
    the year (万元, None without one) and what it completed by the end of the month it left
    (its latest cumulative of the year up to then, 万元), in county order. Both stay in its
    unit's year totals (`ledger.key_lists`)."""
    left = list(
        _left_projects(city, year, month, level)
        .annotate(
            plan=Subquery(
                AnnualPlan.objects.filter(project=OuterRef("pk"), year=year).values(
                    "planned_investment"
                )[:1]
            )
        )
        .order_by("county__sort_order", "county__code", "id")
        .values_list("pk", "county_id", "county__name", "name", "left_on", "plan")
    )
    reports: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)
    for pk, report_month, cumulative in MonthlyProgress.objects.filter(
        project_id__in=[row[0] for row in left], year=year
    ).values_list("project_id", "month", "cumulative_completed"):
        reports[pk].append((report_month, cumulative))
    figures = {}
    for pk, county_id, county, name, left_on, plan in left:
        kept = [(m, amount) for m, amount in reports[pk] if m <= last_month_counted(left_on)]
        completed = max(kept)[1] if kept else Decimal(0)
        is_city = county_id == city.pk
        figures[pk] = (
            county_id,
            LeftProject(county, name, completed, annual_plan=plan, is_city=is_city),
        )
    return figures


def with_figures(projects: QuerySet[Project], year: int, month: int) -> QuerySet[Project]:
    """Annotate each project with its annual plan and its cumulative figure for the month.

    The plan and the month's report are joined (each at most one row, by their unique
    constraints); only a project without the month's report looks up its latest earlier one,
    as COALESCE stops at the first value.
    """
    earlier = (
        MonthlyProgress.objects.filter(project=OuterRef("pk"), year=year, month__lt=month)
        .order_by("-month")
        .values("cumulative_completed")[:1]
    )
    return projects.annotate(
        plan_row=FilteredRelation("annual_plans", condition=Q(annual_plans__year=year)),
        month_row=FilteredRelation(
            "monthly_progress",
            condition=Q(monthly_progress__year=year, monthly_progress__month=month),
        ),
    ).annotate(
        plan=F("plan_row__planned_investment"),
        completed=Coalesce(
            F("month_row__cumulative_completed"), Subquery(earlier, output_field=_MONEY), _ZERO
        ),
        reported=ExpressionWrapper(Q(month_row__isnull=False), output_field=BooleanField()),
    )


def _reported(year: int, month: int) -> Exists:
    return Exists(MonthlyProgress.objects.filter(project=OuterRef("pk"), year=year, month=month))


def region_totals(
    city: Region, year: int, month: int, level: str | None = None
) -> list[UnitTotals]:
    """Projects, annual plan and completed investment of every county and zone, in one query,
    then of the city's own projects when it has any (市本级, a top county's 县本级; unranked). A
    project lying in several counties counts once, for its lead county (Project.county). A
    project counts from the month it entered the list (`Project.entered_on`, the one rule of
    `ledger.due`): before it, neither it nor its annual plan is in its unit's totals. A project
    taken off the list(s) before the month is not counted as a project but adds its annual plan
    and what it completed by then (`ledger.key_lists`). A project without an annual plan for
    the year (or a plan of 0) is counted as a project and in the completed investment, and
    apart in `unplanned` and `unplanned_completed`: no completion rate counts it (tryout 22,
    `report.Figures.rated_completed`)."""
    rows = (
        with_figures(key_projects(city, year, level, month).due_to_report(year, month), year, month)
        .order_by()
        .values("county_id")
        .annotate(
            project_count=Count("pk"),
            plan_sum=Sum("plan"),
            completed_sum=Sum("completed"),
            unplanned_count=Count("pk", filter=_NO_PLAN),
            unplanned_sum=Sum("completed", filter=_NO_PLAN),
        )
    )
    by_county = {row["county_id"]: row for row in rows}
    left: dict[int, list[LeftProject]] = defaultdict(list)
    for county_id, project in left_figures(city, year, month, level).values():
        left[county_id].append(project)
    totals = [
        _unit_totals(unit.name, by_county.get(unit.pk, {}), left[unit.pk], group=_group_of(unit))
        for unit in units_of(city)
    ]
    if city.pk in by_county or city.pk in left:  # the city's own projects: not ranked
        own = _unit_totals(own_level(city.name), by_county.get(city.pk, {}), left[city.pk])
        totals.append(replace(own, ranked=False))
    return totals


def _group_of(unit: Region) -> str:
    return unit.ranking_group.name if unit.ranking_group else ""


def _unit_totals(
    region: str, row: dict, left: Sequence[LeftProject], *, group: str = ""
) -> UnitTotals:
    """A unit's totals from its counted projects' `row` and its projects taken off the list
    (`left`): their annual plans and what they completed before they left (万元) stay in the
    plan and the cumulative, not in the count of projects; those without a plan, of either,
    are in `unplanned` too."""
    left_unplanned = [project for project in left if not project.annual_plan]
    return UnitTotals(
        region=region,
        projects=row.get("project_count", 0),
        annual_plan=summed_money(row.get("plan_sum"))
        + sum((project.annual_plan or Decimal(0) for project in left), Decimal(0)),
        completed=summed_money(row.get("completed_sum"))
        + sum((project.completed for project in left), Decimal(0)),
        group=group,
        unplanned=row.get("unplanned_count", 0) + len(left_unplanned),
        unplanned_completed=summed_money(row.get("unplanned_sum"))
        + sum((project.completed for project in left_unplanned), Decimal(0)),
    )


def ranking_group_names(city: Region) -> list[str]:
    """The city's ranking groups (县（市）组, 城区组…) in their order."""
    return list(RankingGroup.objects.filter(city=city).values_list("name", flat=True))


def unreported_projects(
    city: Region, year: int, month: int, level: str | None = None
) -> list[UnreportedProject]:
    """The key projects still listed and due to report the month (`ledger.due`) with no report
    for it, in county order."""
    rows = (
        key_projects(city, year, level, month)
        .due_to_report(year, month)
        .filter(~_reported(year, month))
        .order_by("county__sort_order", "county__code", "id")
        .values_list("county__name", "county_id", "name")
    )
    return [
        UnreportedProject(region=county, name=name, is_city=county_id == city.pk)
        for county, county_id, name in rows
    ]


def project_lines(
    city: Region, year: int, month: int, level: str | None = None
) -> list[ProjectLine]:
    """Every key project's figures for the month, in county order, for the project table; one
    taken off the list(s) before the month with its plan and what it completed by then (as the
    unit's totals count it). One entering the list after the month (`ledger.due`) has no line,
    as it is not in the units' totals (`region_totals`): the table adds up to them."""
    left = left_figures(city, year, month, level)
    rows = (
        with_figures(key_projects(city, year, level).due_to_report(year, month), year, month)
        .order_by("county__sort_order", "county__code", "id")
        .values_list(
            "pk",
            "county__name",
            "county_id",
            "name",
            "stage",
            "leader_in_charge",
            "plan",
            "completed",
            "reported",
        )
    )
    lines = []
    for pk, county, county_id, name, stage, leader, plan, completed, reported in rows:
        removed = pk in left
        if removed:
            completed = left[pk][1].completed
        lines.append(
            ProjectLine(
                region=unit_name(county, is_city=county_id == city.pk),
                name=name,
                stage=stage,
                leader_in_charge=leader,
                annual_plan=plan,
                completed=completed,
                completion_rate=completion_rate(completed, plan),
                reported=reported,
                removed=removed,
            )
        )
    return lines


def progress_report_for(
    city: Region,
    year: int,
    month: int,
    level: str | None = None,
    *,
    with_projects: bool = False,
    with_changes: bool = False,
    with_columns: bool = False,
) -> ProgressReport:
    """The month's progress report of a city, from the ledger; `with_changes` adds each unit's
    change of rank and rate since the previous month of the same year, `with_columns` the
    columns other apps add to the ranking table (`sections.register_columns`)."""
    report = build_progress_report(
        Period(year, month),
        region_totals(city, year, month, level),
        level=level,
        unreported=unreported_projects(city, year, month, level),
        projects=project_lines(city, year, month, level) if with_projects else None,
        group_order=ranking_group_names(city),
        left=[project for _, project in left_figures(city, year, month, level).values()],
        leaving=leaving_count(city, year, month, level),
    )
    if with_changes and month > 1:
        previous = build_progress_report(
            Period(year, month - 1), region_totals(city, year, month - 1, level), level=level
        )
        report.changes = month_on_month(previous, report)
    if with_columns:
        report.columns = ranking_columns(city, report)
    return report
