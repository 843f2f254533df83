"""The bulletin's figures on supervised problems (for those who see the city's totals), their
Excel export, and the city's deadlines (set by the city office)."""

import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from openpyxl import Workbook

from guanmo import clock
from guanmo.accounts.scope import Scope
from guanmo.documents.official import chinese_date
from guanmo.documents.xlsx import (
    DECIMAL_FORMAT,
    INTEGER_FORMAT,
    RATE_FORMAT,
    Column,
    write_table,
)
from guanmo.supervision.forms import FiguresForm, RulesForm
from guanmo.supervision.permissions import may_direct
from guanmo.supervision.report import YEAR_TO_DATE, ProblemReport, problem_report
from guanmo.supervision.selectors import rules_for


def _report(request: HttpRequest) -> tuple[FiguresForm, ProblemReport]:
    scope: Scope = request.scope
    if not scope.sees_city_totals:
        raise Http404("没有这个页面")
    today = clock.today()
    # Problems are raised on any day: the default is this month, not the last reporting period.
    initial = {"year": today.year, "month": today.month, "span": YEAR_TO_DATE}
    form = FiguresForm({**initial, **request.GET.dict()})
    chosen = form.cleaned_data if form.is_valid() else initial
    report = problem_report(
        scope.city,
        year=chosen["year"],
        month=chosen["month"],
        span=chosen["span"] or YEAR_TO_DATE,
        today=today,
    )
    return form, report


def problem_figures(request: HttpRequest) -> HttpResponse:
    form, report = _report(request)
    return render(
        request,
        "supervision/figures.html",
        {"form": form, "report": report, "query": request.GET.urlencode()},
    )


COLUMNS = [
    Column("单位", 28),
    Column("交办问题", 10, INTEGER_FORMAT),
    Column("已解决", 10, INTEGER_FORMAT),
    Column("按期解决", 10, INTEGER_FORMAT),
    Column("待确认", 10, INTEGER_FORMAT),
    Column("逾期未解决", 12, INTEGER_FORMAT),
    Column("按期解决率", 14, RATE_FORMAT),
    Column("平均解决用时（天）", 16, DECIMAL_FORMAT),
]


def _rows(groups, total):
    for figures in [*groups, total]:
        yield [
            figures.name,
            figures.raised,
            figures.solved,
            figures.solved_on_time,
            figures.awaiting_confirmation,
            figures.overdue,
            figures.on_time_rate,
            figures.mean_days_to_solve,
        ]


def problem_figures_file(request: HttpRequest) -> FileResponse:
    """The same figures as the page: a sheet by department and a sheet by county."""
    _, report = _report(request)
    workbook = Workbook()
    title = report.period
    for index, (name, groups) in enumerate(
        [("按责任部门", report.departments), ("按县区", report.counties)]
    ):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        sheet.title = name
        write_table(
            sheet,
            title=f"{title}督办问题办理情况（{name[1:]}）",
            units=f"统计截至{chinese_date(report.as_of)}",
            columns=COLUMNS,
            rows=_rows(groups, report.total),
        )
    output = io.BytesIO()
    workbook.save(output)
    output.seek(0)
    return FileResponse(output, as_attachment=True, filename=f"督办问题{title}.xlsx")


def supervision_rules(request: HttpRequest) -> HttpResponse:
    """The city's deadline per problem type and its overdue period."""
    scope: Scope = request.scope
    if not may_direct(scope):
        raise PermissionDenied("只有市项目办可以设置督办时限")
    form = RulesForm(request.POST or None, instance=rules_for(scope.city))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "督办时限已保存，此后交办的问题按新时限计算")
        return redirect("supervision_rules")
    return render(request, "supervision/rules.html", {"form": form})
