"""The monthly bulletin's section 问题督办情况: the month's problems as they stood at its end,
in the sentences of `supervision.report` and a table by department. Registered with
`guanmo.progress.sections` when the app starts, since progress may not import supervision."""

from calendar import monthrange
from datetime import date

from guanmo.progress.sections import BulletinSection, SectionTable
from guanmo.regions.models import Region
from guanmo.supervision.figures import ProblemFigures
from guanmo.supervision.report import MONTH, problem_report

HEADERS = (
    "责任部门",
    "交办问题",
    "已解决",
    "按期解决",
    "逾期未解决",
    "按期解决率（%）",
    "平均解决用时（天）",
)


def _row(figures: ProblemFigures) -> list[object]:
    return [
        figures.name,
        figures.raised,
        figures.solved,
        figures.solved_on_time,
        figures.overdue,
        figures.on_time_rate,
        figures.mean_days_to_solve,
    ]


def problem_section(city: Region, year: int, month: int) -> BulletinSection:
    """The problems raised in the month, counted at the month's end (the bulletin is of a
    closed month); a month without problems is the one sentence 本月未交办问题。 and no table."""
    month_end = date(year, month, monthrange(year, month)[1])
    report = problem_report(city, year=year, month=month, span=MONTH, today=month_end)
    table = None
    if report.total.raised:
        table = SectionTable(
            caption=f"{report.period}各责任部门督办问题办理情况",
            headers=HEADERS,
            rows=[_row(f) for f in report.departments if f.raised] + [_row(report.total)],
            rate_columns={HEADERS.index("按期解决率（%）")},
        )
    return BulletinSection(heading="问题督办情况", sentences=report.sentences, table=table)
