"""Writing the ledger of a year back out in Guanmo's own template."""

from collections import defaultdict

from django.db.models import Case, When

from guanmo.ledger.models import AnnualPlan, CompletedBeforeYear, KeyListEntry, Level, Project
from guanmo.ledger.sheet_export import LedgerLine, ledger_workbook
from guanmo.regions.models import Region
from guanmo.sheets.workbook import Source


def export_ledger(output: Source, *, city: Region, year: int, level: str | None = None) -> int:
    """Write the projects on the year's key lists (or on the list of `level`) to an .xlsx file
    (a path or a binary file object); return how many were written."""
    entries = KeyListEntry.objects.filter(project__city=city, year=year)
    levels: dict[int, set[str]] = defaultdict(set)
    for project_id, each in entries.values_list("project_id", "level"):
        levels[project_id].add(each)
    plans = dict(
        AnnualPlan.objects.filter(project__city=city, year=year).values_list(
            "project_id", "planned_investment"
        )
    )
    before = dict(
        CompletedBeforeYear.objects.filter(project__city=city, year=year).values_list(
            "project_id", "completed"
        )
    )
    projects = Project.objects.filter(city=city, pk__in=entries.values("project_id"))
    if level:
        projects = projects.filter(pk__in=entries.filter(level=level).values("project_id"))
    lines = [
        LedgerLine(
            project, frozenset(levels[project.pk]), plans.get(project.pk), before.get(project.pk)
        )
        for project in projects.select_related("county")
        .prefetch_related("other_counties")
        # the city's own projects (市本级) after the counties', as bulletins list them
        .order_by(
            Case(When(county=city, then=1), default=0), "county__sort_order", "county__code", "id"
        )
    ]
    listed = f"{Level(level).label}" if level else "重点"
    title = f"{year}年{city.name}{listed}项目台账"
    ledger_workbook(title, year, lines).save(output)
    return len(lines)
