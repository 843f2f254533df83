"""截至上年底累计完成投资 of a year, per project: stored in the ledger, or derived from the
ledger's own figures when it holds them exactly.

The ledger keeps no since-start cumulative by month (`MonthlyProgress.cumulative_completed` is
the year to date), so the only exact derivation is: the figure before last year plus last
year's 1—12月 cumulative. Nothing else is ever taken for it (issue 9 §3).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet

from guanmo.ledger.models import CompletedBeforeYear, MonthlyProgress, Project
from guanmo.sheets.cells import format_wan


@dataclass(frozen=True)
class PreviousYearEnd:
    """A project's since-start completed investment at the end of last year, in 万元."""

    completed: Decimal
    derivation: str = ""  # how it was derived; "" when the ledger stores it


def derive_previous_year_end(
    year: int, before_last_year: Decimal, last_years_cumulative: Decimal
) -> PreviousYearEnd:
    """The figure at the end of `year` − 1 from the one at the end of `year` − 2 and the
    1—12月 cumulative of `year` − 1 (both 万元)."""
    return PreviousYearEnd(
        before_last_year + last_years_cumulative,
        f"由{year - 2}年底累计{format_wan(before_last_year)}万元加{year - 1}年1—12月累计"
        f"{format_wan(last_years_cumulative)}万元得出",
    )


def previous_year_ends(projects: QuerySet[Project], year: int) -> dict[int, PreviousYearEnd]:
    """Per project id, its 截至上年底累计完成投资 for `year` (three queries): stored, else
    derived from last year's stored figure and December's report; absent when neither."""
    figures = CompletedBeforeYear.objects.filter(project__in=projects)
    stored = dict(figures.filter(year=year).values_list("project_id", "completed"))
    found = {project_id: PreviousYearEnd(completed) for project_id, completed in stored.items()}
    last_years = figures.filter(year=year - 1)
    last_year = dict(last_years.values_list("project_id", "completed"))
    december = MonthlyProgress.objects.filter(
        year=year - 1, month=12, project_id__in=last_years.values("project_id")
    )
    for project_id, cumulative in december.values_list("project_id", "cumulative_completed"):
        if project_id not in found:
            found[project_id] = derive_previous_year_end(year, last_year[project_id], cumulative)
    return found
