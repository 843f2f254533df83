"""A month's figures on supervised problems for the city office: the span, the facts read once,
and the plain arithmetic of `figures` and `sentences` over them; the page and the .xlsx
export both show this one report."""

from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from guanmo.accounts.models import Department
from guanmo.figures.arithmetic import period_label
from guanmo.regions.models import Region
from guanmo.regions.services import units_of
from guanmo.supervision import figures
from guanmo.supervision.figures import ProblemFigures
from guanmo.supervision.models import Problem
from guanmo.supervision.selectors import problem_facts
from guanmo.supervision.sentences import sentences

YEAR_TO_DATE, MONTH = "year", "month"


@dataclass(frozen=True)
class ProblemReport:
    year: int
    month: int
    span: str
    label: str  # 本月, or 1—M月 for the year to date
    as_of: date
    total: ProblemFigures
    departments: list[ProblemFigures]
    counties: list[ProblemFigures]

    @property
    def period(self) -> str:
        """2025年4月, or 2025年1—4月 for the year to date."""
        months = f"{self.month}月" if self.span == MONTH else period_label(self.month)
        return f"{self.year}年{months}"

    @property
    def sentences(self) -> list[str]:
        return sentences(self.total, self.departments, self.counties, self.label)


def problem_report(city: Region, *, year: int, month: int, span: str, today: date) -> ProblemReport:
    """The problems raised in the month (or from January to the month), counted as they stood
    at the month's end, or today while the month runs."""
    start = date(year, month, 1) if span == MONTH else date(year, 1, 1)
    end = date(year, month, monthrange(year, month)[1])
    as_of = min(end, today)
    raised = Problem.objects.filter(project__city=city, raised_on__range=(start, end))
    facts = problem_facts(raised)
    departments = Department.objects.filter(city=city).values_list("name", flat=True)
    return ProblemReport(
        year=year,
        month=month,
        span=span,
        label="本月" if span == MONTH else period_label(month),
        as_of=as_of,
        total=figures.count(facts, as_of=as_of, name="合计"),
        departments=figures.by_department(facts, as_of=as_of, names=list(departments)),
        counties=figures.by_county(facts, as_of=as_of, names=[u.name for u in units_of(city)]),
    )
