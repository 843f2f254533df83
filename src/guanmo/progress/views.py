"""Dashboard, early warnings and bulletins: figures from `guanmo.progress`, cut to scope."""

from collections import Counter
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from guanmo import clock
from guanmo.accounts.models import Role
from guanmo.accounts.scope import Scope
from guanmo.documents.docx import body_blocks
from guanmo.documents.views import document_response, file_response, issue_posted
from guanmo.figures.arithmetic import period_label
from guanmo.figures.formatting import yi
from guanmo.indicators.report import latest_reports
from guanmo.indicators.warnings import warnings_of
from guanmo.ledger.models import MonthlyProgress, Stage
from guanmo.progress.exporters import FILE_FORMATS
from guanmo.progress.exporters.docx import bulletin_title
from guanmo.progress.sections import bulletin_sections
from guanmo.progress.selectors import key_projects, progress_report_for
from guanmo.progress.sentences import own_projects_sentence
from guanmo.progress.services import (
    bulletin_content,
    bulletin_workbook,
    draft_letterhead,
    issue_bulletin,
    issued_bulletin,
)
from guanmo.progress.status import (
    cumulative_by_month,
    figures_month_from_query,
    project_statuses,
)
from guanmo.progress.warnings import WarningLevel
from guanmo.reporting.models import Period
from guanmo.reporting.selectors import (
    ClosedMonth,
    closed_month,
    closed_month_list,
    open_period,
    reports_with_counts,
)


def dashboard(request: HttpRequest) -> HttpResponse:
    """The latest closed month's figures (or a closed month asked for), and the open month
    only as reporting progress: who has submitted, how many projects are filled in."""
    scope: Scope = request.scope
    when = figures_month_from_query(scope.city, request.GET)
    report = progress_report_for(scope.city, when.year, when.month, with_changes=True)
    units = {unit.name for unit in scope.units()}
    regions = [figures for figures in report.regions if figures.region in units and when.closed]
    # the projects on the list in the month, as the units' totals count them: not one entering
    # it later (ledger.due; selectors.region_totals), in the count, the plan or the sentence
    projects = (
        key_projects(scope.city, when.year, month=when.month)
        .due_to_report(when.year, when.month)
        .filter(pk__in=scope.projects().values("pk"))
    )
    statuses = project_statuses(projects, scope.city, when)
    warned = [status for status in statuses if status.warnings]
    plan = sum((status.annual_plan or 0 for status in statuses), Decimal(0))
    unplanned = [status for status in statuses if not status.annual_plan]  # in no rate
    cumulative = cumulative_by_month(projects, when.year, when.month)
    reporting = open_period(scope.city)
    reports = reports_with_counts(scope, reporting) if reporting else []
    chart = {
        "regions": [f.region for f in regions],
        "rates": [
            str(f.completion_rate) if f.completion_rate is not None else None for f in regions
        ],
        "time_progress": str(report.time_progress),
        "months": [f"{month}月" for month in range(1, when.month + 1)],
        # The chart speaks 亿元, as totals do; the table beside it gives 万元.
        "cumulative": [str(yi(amount)) for amount in cumulative],
        "plan_line": [str(yi(Decimal(plan) * month / 12)) for month in range(1, when.month + 1)],
    }
    stages = Counter(status.stage or "未填" for status in statuses)
    # the city's whole group; a county office its own lines (each indicator at its own latest
    # month: a month only partly in hides none)
    indicators = (
        latest_reports(scope.city, None if scope.sees_city_totals else scope.county)
        if scope.sees_city_totals or scope.county
        else []
    )
    return render(
        request,
        "progress/dashboard.html",
        {
            "when": when,
            "report": report,
            "city_wide": scope.sees_city_totals,
            "own_sentence": None
            if scope.is_city_office or scope.county
            else own_projects_sentence(
                "本人包抓的" if scope.role == Role.LEADER else "本人负责的",
                len(statuses),
                sum((status.completed for status in statuses), Decimal(0)),
                plan,
                when.month,
                unplanned=len(unplanned),
                unplanned_completed=sum((status.completed for status in unplanned), Decimal(0)),
            ),
            "own_projects": statuses if scope.role == Role.LEADER else [],
            "regions": regions,
            "project_count": len(statuses),
            "stages": [(stage, stages.get(stage, 0)) for stage in Stage.values]
            + ([("未填", stages["未填"])] if stages.get("未填") else []),
            "red": sum(1 for s in warned if s.level == WarningLevel.RED),
            "yellow": sum(1 for s in warned if s.level == WarningLevel.YELLOW),
            "warned": warned[:10],
            "unreported": [status for status in statuses if status.unreported],
            "reporting": reporting,
            "reporting_reports": reports,
            "chart": chart,
            "indicators": indicators,
            "indicator_warnings": warnings_of(indicators, settings.GUANMO_INDICATOR_BEHIND_POINTS),
        },
    )


def warning_list(request: HttpRequest) -> HttpResponse:
    scope: Scope = request.scope
    when = figures_month_from_query(scope.city, request.GET)
    # as the dashboard: not a project entering the list after the month (ledger.due)
    projects = (
        key_projects(scope.city, when.year, month=when.month)
        .due_to_report(when.year, when.month)
        .filter(pk__in=scope.projects().values("pk"))
    )
    statuses = [
        status for status in project_statuses(projects, scope.city, when) if status.warnings
    ]
    level = request.GET.get("level", "")
    if level in {each.value for each in WarningLevel}:
        statuses = [status for status in statuses if status.level == level]
    return render(
        request,
        "progress/warnings.html",
        {"when": when, "statuses": statuses, "level": level, "levels": list(WarningLevel)},
    )


def _closed_period(scope: Scope, year: int, month: int) -> ClosedMonth:
    """The closed month (`reporting.selectors.closed_months`: a closed period, or a month
    loaded from sheets with none); Http404 saying why it is not (`not_closed_reason`)."""
    if not scope.sees_bulletins:
        raise Http404("没有这份通报")
    if not 1 <= month <= 12 or (closed := closed_month(scope.city, year, month)) is None:
        raise Http404(not_closed_reason(scope, year, month))
    return closed


def not_closed_reason(scope: Scope, year: int, month: int) -> str:
    """Why a month has no bulletin (tryout 20 F7: the generic 404 "记录已被删除、不在您负责的
    范围内"): its reporting period is open, or it has no figures; a bulletin is made when the
    month is closed (a month loaded from sheets with no period is closed, `closed_months`)."""
    when = f"{year}年{month}月"
    if not 1 <= month <= 12:
        return f"没有{when}：月份应在1到12之间"
    if Period.objects.filter(city=scope.city, year=year, month=month).exists():
        return f"{when}填报期尚未关闭，本月尚未关账，通报在关账后生成"
    return f"{when}尚无进度数据，本月尚未关账，通报在关账后生成"


def bulletin_list(request: HttpRequest) -> HttpResponse:
    """The closed months' bulletins (`reporting.selectors.closed_month_list`): a closed period's
    month, and a month loaded from sheets with no period, as the dashboard counts them
    (tryout 31, finding 5)."""
    scope: Scope = request.scope
    if not scope.sees_bulletins:
        raise Http404("没有通报")
    months = closed_month_list(scope.city)
    return render(request, "progress/bulletin_list.html", {"periods": months})


def bulletin(request: HttpRequest, year: int, month: int) -> HttpResponse:
    """A closed month's bulletin: the progress figures, then the sections other apps add; the
    city office issues it (numbered, with the 成文日期 it chooses). Once issued, the page shows
    the issued .docx's paragraphs and tables (`documents.docx.body_blocks`), not today's data."""
    scope: Scope = request.scope
    try:
        period = _closed_period(scope, year, month)
    except Http404 as missing:
        if not scope.sees_bulletins or not 1 <= month <= 12:
            raise
        has_figures = MonthlyProgress.objects.filter(
            project__city=scope.city, year=year, month=month
        ).exists()
        return render(
            request,
            "progress/bulletin_missing.html",
            {
                "year": year,
                "month": month,
                "period": period_label(month),
                "reason": str(missing),
                "has_figures": has_figures,
            },
            status=404,
        )
    issued = issued_bulletin(scope.city, year, month)
    if issued is not None:
        # An issued bulletin is frozen: its page shows the issued file's text, every section
        # as issued, never figures recomputed from later data.
        return render(
            request,
            "progress/bulletin.html",
            {
                "period": period,
                "title": issued.title,
                "issued": issued,
                "issued_blocks": body_blocks(bytes(issued.content)),
                "issued_workbook": issued.workbook is not None,
            },
        )
    report = progress_report_for(scope.city, year, month, with_changes=True, with_columns=True)
    return render(
        request,
        "progress/bulletin.html",
        {
            "period": period,
            "report": report,
            "title": bulletin_title(report, scope.city.name),
            "sections": bulletin_sections(scope.city, year, month),
            "may_issue": scope.is_city_office,
            "today": clock.today(),
        },
    )


@require_POST
def bulletin_issue(request: HttpRequest, year: int, month: int) -> HttpResponse:
    scope: Scope = request.scope
    _closed_period(scope, year, month)
    if not scope.is_city_office:
        raise PermissionDenied("只有市项目办可以印发通报")
    return issue_posted(
        request,
        lambda dated: issue_bulletin(scope.city, year, month, dated=dated, user=request.user),
        redirect("bulletin", year, month),
    )


def bulletin_file(request: HttpRequest, year: int, month: int, extension: str) -> HttpResponse:
    """A closed month's bulletin as a file: the issued document (.docx, its workbook .xlsx)
    when it has been issued, else the draft (unnumbered, dated the day the month closed) and
    the workbook of today's data; .pdf the same through LibreOffice."""
    scope: Scope = request.scope
    period = _closed_period(scope, year, month)
    if extension not in (*FILE_FORMATS, "pdf"):
        raise Http404("不支持的格式")
    document = issued_bulletin(scope.city, year, month)
    if document is not None:
        return document_response(document, extension)
    filename = f"{scope.city.name}{year}年{period_label(month)}重点项目进展情况通报.{extension}"
    if extension == "xlsx":
        return file_response(bulletin_workbook(scope.city, year, month), extension, filename)
    report = progress_report_for(scope.city, year, month, with_changes=True, with_columns=True)
    content = bulletin_content(scope.city, report, draft_letterhead(scope.city, period))
    return file_response(content, extension, filename)
