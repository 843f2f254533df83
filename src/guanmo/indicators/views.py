"""Indicator pages: 指标调度 for the city, a county's own places, and the web entry of figures
with its review. Figures come from `report.build_report`, as `guanmo indicator-report` gives
them, and are shown through `report_output` (the one formatter)."""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from guanmo import clock
from guanmo.accounts.scope import Scope
from guanmo.documents.views import file_response
from guanmo.figures.arithmetic import period_label
from guanmo.figures.changes import rank_move_cell
from guanmo.figures.formatting import number
from guanmo.indicators import submissions
from guanmo.indicators.entry import Typed
from guanmo.indicators.models import PeerGroup
from guanmo.indicators.report import IndicatorReport, ReportError, build_report
from guanmo.indicators.report_output import (
    TARGET_HEADERS,
    as_dict,
    as_docx,
    as_xlsx,
    headers,
    table_title,
    target_rows,
    text_rows,
)
from guanmo.indicators.selectors import (
    SubmissionLine,
    group_members,
    latest_month,
    submission_lines,
    submissions_for,
)
from guanmo.regions.models import Region
from guanmo.reporting.forms import version_of
from guanmo.reporting.models import Period
from guanmo.reporting.review import ReportingError
from guanmo.sheets.cells import format_wan


def _month(request: HttpRequest, city: Region) -> tuple[int, int]:
    """The month asked for with ?year=&month=, else the latest with figures, else today's."""
    year, month = request.GET.get("year", ""), request.GET.get("month", "")
    if year.isdigit() and month.isdigit() and len(year) == 4 and 1 <= int(month) <= 12:
        return int(year), int(month)
    today = clock.today()
    return latest_month(city) or (today.year, today.month)


def _tables(report: IndicatorReport) -> list[dict]:
    """Each indicator's table as `indicator-report` prints it: title, headers, rows."""
    return [
        {
            "table": table,
            "title": table_title(report, table),
            "headers": headers(report, table),
            "rows": text_rows(table),
        }
        for table in report.indicators
    ]


def indicator_board(request: HttpRequest) -> HttpResponse:
    """指标调度: the regions × indicators of a peer group for a month, the targets, charts."""
    scope: Scope = request.scope
    if not scope.sees_city_totals:
        raise Http404("没有这个页面")
    year, month = _month(request, scope.city)
    groups = PeerGroup.objects.filter(city=scope.city)
    report, problem = None, ""
    try:
        report = build_report(scope.city, year, month, group=request.GET.get("group") or None)
    except ReportError as error:
        problem = str(error)
    return render(
        request,
        "indicators/board.html",
        {
            "year": year,
            "month": month,
            "groups": groups,
            "report": report,
            "problem": problem,
            "tables": _tables(report) if report else [],
            "targets": target_rows(report) if report else [],
            "target_headers": TARGET_HEADERS,
            "chart": as_dict(report) if report else None,
            "completion_chart": report is not None
            and any(t.standing.completion_rate is not None for t in report.targets),
        },
    )


def indicator_board_file(request: HttpRequest, extension: str) -> HttpResponse:
    """The 指标调度 report as .xlsx or .docx, as `indicator-report --format` writes it."""
    scope: Scope = request.scope
    if not scope.sees_city_totals or extension not in ("xlsx", "docx"):
        raise Http404("没有这个文件")
    year, month = _month(request, scope.city)
    try:
        report = build_report(scope.city, year, month, group=request.GET.get("group") or None)
    except ReportError as error:
        raise Http404(str(error)) from error
    content = as_xlsx(report) if extension == "xlsx" else as_docx(report, scope.city)
    name = f"{scope.city.name}{report.label}主要指标调度情况.{extension}"
    return file_response(content, extension, name)


def county_places(request: HttpRequest) -> HttpResponse:
    """A county's own page: its place in each of its peer groups for every indicator, the
    changes of rank and its targets. A county office sees its own county; those who see the
    city's totals choose a unit with ?region=."""
    scope: Scope = request.scope
    if scope.county is not None:
        county = scope.county
    elif scope.sees_city_totals:
        units = scope.units()
        chosen = request.GET.get("region", "")
        county = next((u for u in units if str(u.pk) == chosen), units[0] if units else None)
    else:
        county = None
    if county is None:
        raise Http404("没有这个页面")
    year, month = _month(request, scope.city)
    groups = PeerGroup.objects.filter(city=scope.city, members=county)
    places = []
    for group in groups:
        try:
            report = build_report(scope.city, year, month, group=group.name, region=county.name)
        except ReportError:
            continue
        places.append({"group": group, "size": len(group_members(group)), "report": report})
    first = places[0]["report"] if places else None
    return render(
        request,
        "indicators/county_places.html",
        {
            "county": county,
            "year": year,
            "month": month,
            "units": scope.units() if scope.sees_city_totals else [],
            "places": places,
            "rows": _place_rows(places),
            "targets": target_rows(first) if first else [],
            "target_headers": TARGET_HEADERS,
            "sentences": first.sentences if first else [],
            "label": first.label if first else f"{year}年{period_label(month)}",
        },
    )


def _place_rows(places: list[dict]) -> list[dict]:
    """Per indicator: its value and growth (the same in every group) and, per group, the
    county's line (rank, changes), or None where the group has no figure of it."""
    rows: dict[int, dict] = {}
    for at, place in enumerate(places):
        for table in place["report"].indicators:
            row = rows.setdefault(
                table.indicator.pk,
                {"indicator": table.indicator, "cells": text_rows(table)[0], "groups": {}},
            )
            line = table.lines[0]
            row["groups"][at] = {
                "line": line,
                "move": rank_move_cell(line.rank_change),
                "move_year": rank_move_cell(line.rank_change_year),
            }
    return [
        {**row, "groups": [row["groups"].get(at) for at in range(len(places))]}
        for row in rows.values()
    ]


# Web entry ---------------------------------------------------------------------------------


def _sender(scope: Scope) -> dict:
    """Whose forms he fills: his department's or his county's; PermissionDenied otherwise."""
    if scope.department is not None:
        return {"department": scope.department}
    if scope.county is not None:
        return {"county": scope.county}
    raise PermissionDenied("只有填报部门和县区可以填报指标")


def submission_list(request: HttpRequest) -> HttpResponse:
    """The open months and one's own forms; for the city office every form to review."""
    scope: Scope = request.scope
    if not scope.is_city_office:
        _sender(scope)
    forms = submissions_for(scope).order_by("-period__year", "-period__month", "pk")
    periods = Period.objects.filter(city=scope.city, closed_at__isnull=True)
    return render(
        request,
        "indicators/submission_list.html",
        {"forms": forms, "periods": periods, "may_enter": not scope.is_city_office},
    )


def submission_start(request: HttpRequest, period: int) -> HttpResponse:
    """One's form for an open month, made when first opened."""
    scope: Scope = request.scope
    sender = _sender(scope)
    chosen = get_object_or_404(Period, city=scope.city, pk=period)
    try:
        form = submissions.submission_for(chosen, **sender)
    except ReportingError as error:
        messages.error(request, str(error))
        return redirect("submission_list")
    return redirect("submission_form", form.pk)


def _key(line: SubmissionLine) -> str:
    """The line's inputs are named v-, l- and g-<key> (value, last year, growth)."""
    return f"{line.indicator.pk}-{line.region.pk}"


def _entered(line: SubmissionLine) -> Typed:
    """The draft's figures of the line as its inputs show them: exact, blank for none."""
    entered = line.entered

    def exact(figure: Decimal | None) -> str:
        return "" if figure is None else format_wan(figure)

    return Typed(
        line.indicator.pk,
        line.region.pk,
        value=exact(entered.value) if entered else "",
        last_year=exact(entered.last_year_value) if entered else "",
        growth=exact(entered.reported_growth) if entered else "",
    )


def _typed(post, lines: list[SubmissionLine]) -> list[Typed]:
    """The figures typed for each line shown."""
    typed = []
    for line in lines:
        key = _key(line)
        if f"v-{key}" not in post:
            continue
        typed.append(
            Typed(
                line.indicator.pk,
                line.region.pk,
                value=post.get(f"v-{key}", "").strip(),
                last_year=post.get(f"l-{key}", "").strip(),
                growth=post.get(f"g-{key}", "").strip(),
            )
        )
    return typed


def submission_form(request: HttpRequest, pk: int) -> HttpResponse:
    """The form: editable by its department or county while it may be, read for review."""
    scope: Scope = request.scope
    form = get_object_or_404(submissions_for(scope), pk=pk)
    own = not scope.is_city_office
    may_edit = own and form.is_editable
    lines = submission_lines(form)
    typed, faults = {}, []
    if request.method == "POST":
        if not own:
            raise PermissionDenied("只有填报单位可以填写")
        entered = _typed(request.POST, lines)
        result = None
        try:
            result = submissions.save_submission(
                form, entered, user=request.user, version=version_of(request.POST)
            )
        except ReportingError as error:
            messages.error(request, str(error))
        if result is not None and result.ok:
            if request.POST.get("action") != "submit":
                messages.success(request, f"草稿已保存，修改了{result.changed}项")
                return redirect("submission_form", form.pk)
            try:
                submissions.submit_submission(form, user=request.user, version=form.version)
            except ReportingError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, "指标数值已保存并提交，等待市项目办审核")
            return redirect("submission_form", form.pk)
        faults = result.faults if result else []
        typed = {(each.indicator_id, each.region_id): each for each in entered}
        form.refresh_from_db()
        lines = submission_lines(form)
    return render(
        request,
        "indicators/submission_form.html",
        {
            "form": form,
            "lines": [
                {
                    "line": line,
                    "key": _key(line),
                    "shown": typed.get((line.indicator.pk, line.region.pk)) or _entered(line),
                    "stored": number(line.stored.value if line.stored else None, line.places),
                }
                for line in lines
            ],
            "faults": faults,
            "may_edit": may_edit,
            "may_review": scope.is_city_office,
            "steps": form.steps.select_related("user"),
        },
    )


@require_POST
def submission_decide(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """The city office approves, returns (with a reason) or reopens a form."""
    scope: Scope = request.scope
    form = get_object_or_404(submissions_for(scope), pk=pk)
    if not scope.is_city_office:
        raise PermissionDenied("只有市项目办可以审核")
    reason = request.POST.get("reason", "")
    try:
        if action == "approve":
            changed = submissions.approve_submission(form, user=request.user)
            messages.success(request, f"{form.sender}指标填报已审核通过，{changed}项数值已计入")
        elif action == "return":
            submissions.return_submission(form, user=request.user, reason=reason)
            messages.success(request, f"{form.sender}指标填报已退回")
        else:
            submissions.reopen_submission(form, user=request.user, reason=reason)
            messages.success(request, f"{form.sender}指标填报已重新打开")
    except ReportingError as error:
        messages.error(request, str(error))
    return redirect("submission_form", form.pk)


@require_POST
def submission_submit(request: HttpRequest, pk: int) -> HttpResponse:
    scope: Scope = request.scope
    form = get_object_or_404(submissions_for(scope), pk=pk)
    if scope.is_city_office:
        raise PermissionDenied("只有填报单位可以提交")
    try:
        submissions.submit_submission(form, user=request.user, version=version_of(request.POST))
    except ReportingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "指标填报已提交，等待市项目办审核")
    return redirect("submission_form", form.pk)
