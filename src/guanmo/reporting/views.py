"""Pages of monthly reporting: periods, a county's report grid, review."""

from decimal import Decimal
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from guanmo import clock
from guanmo.accounts.scope import Scope
from guanmo.documents.official import chinese_date
from guanmo.ledger.columns import LEDGER_COLUMNS
from guanmo.regions.services import office_word, unit_word
from guanmo.reporting import services
from guanmo.reporting.forms import OpenPeriodForm, ReasonForm, UploadForm, grid_inputs, version_of
from guanmo.reporting.models import CountyReport, ImportRecord
from guanmo.reporting.selectors import (
    periods_for,
    report_lines,
    reports_for,
    reports_with_counts,
)
from guanmo.reporting.upload_jobs import start_sheet_upload
from guanmo.sheets import held
from guanmo.sheets.advice import CONFIRM_MARK


def _city_office(scope: Scope) -> None:
    if not scope.is_city_office:
        raise PermissionDenied("只有市项目办可以进行此操作")


def period_list(request: HttpRequest) -> HttpResponse:
    scope: Scope = request.scope
    if not (scope.is_city_office or scope.county):
        raise PermissionDenied("无月报填报权限")
    form = OpenPeriodForm(request.POST or None, today=clock.today())
    if request.method == "POST":
        _city_office(scope)
        if form.is_valid():
            try:
                period = services.open_period(scope.city, user=request.user, **form.cleaned_data)
            except services.ReportingError as error:
                form.add_error(None, str(error))
            else:
                deadline = chinese_date(period.deadline)  # as the period's page says it
                messages.success(request, f"已开启{period}填报期，截止{deadline}")
                return redirect("period_detail", period.pk)
    periods = periods_for(scope).annotate(
        approved=Count("reports", filter=Q(reports__status="approved")),
        counties=Count("reports"),
    )
    my_reports = (
        reports_for(scope).order_by("-period__year", "-period__month") if scope.county else None
    )
    return render(
        request,
        "reporting/period_list.html",
        {"periods": periods, "form": form, "my_reports": my_reports},
    )


def period_detail(request: HttpRequest, pk: int) -> HttpResponse:
    scope: Scope = request.scope
    period = get_object_or_404(periods_for(scope), pk=pk)
    if not scope.is_city_office:
        report = get_object_or_404(reports_for(scope), period=period)
        return redirect("report_grid", report.pk)
    if not period.is_closed:
        services.add_city_level_report(period)
    reports = reports_with_counts(scope, period)
    return render(
        request,
        "reporting/period_detail.html",
        {"period": period, "reports": reports, "reason_form": ReasonForm()},
    )


@require_POST
def period_close(request: HttpRequest, pk: int) -> HttpResponse:
    scope: Scope = request.scope
    period = get_object_or_404(periods_for(scope), pk=pk)
    _city_office(scope)
    try:
        services.close_period(period, user=request.user)
    except services.ReportingError as error:
        messages.error(request, str(error))
    else:
        units = unit_word(request.scope.city)
        messages.success(request, f"{period}填报期已关闭，各{units}报表已锁定")
    return redirect("period_detail", period.pk)


def report_grid(request: HttpRequest, pk: int) -> HttpResponse:
    """A county's report: the editable grid for its county office, read-only for review."""
    scope: Scope = request.scope
    report = get_object_or_404(reports_for(scope), pk=pk)
    may_edit = scope.reporting_unit == report.county and report.is_editable
    if may_edit and services.add_missing_entries(report):
        report.refresh_from_db()
    lines = report_lines(report)
    typed, result = {}, None
    if request.method == "POST":
        if scope.reporting_unit != report.county:
            raise PermissionDenied("只有本县区项目办可以填报")
        ids = [line.entry.project_id for line in lines]
        inputs = grid_inputs(request.POST, ids)
        try:
            result = services.save_entries(
                report, inputs, user=request.user, version=version_of(request.POST), lines=lines
            )
        except services.ReportingError as error:
            messages.error(request, str(error))
            typed = {each.project_id: each for each in inputs}
        else:
            if result.ok:
                if request.POST.get("action") == "submit":
                    submitted = _submit_after_save(request, report, result)
                    if submitted:
                        return redirect("report_grid", report.pk)
                else:
                    notice = f"草稿已保存，修改了{result.changed}个项目"
                    if result.warnings:
                        notice += f"；{len(result.warnings)}个项目有提示，请核实"
                    messages.success(request, notice)
                    if not result.warnings:
                        return redirect("report_grid", report.pk)
                lines = report_lines(report)
            else:
                typed = {each.project_id: each for each in inputs}
        report.refresh_from_db()
    for line in lines:
        line.warnings = (result.warnings.get(line.entry.project_id) if result else None) or (
            services.entry_warnings_of(line) if line.entry.is_reported else []
        )
    faults = result.faults if result and not result.ok else []
    return render(
        request,
        "reporting/report_grid.html",
        {
            "report": report,
            "lines": lines,
            "total_plan": sum((line.annual_plan or 0 for line in lines), Decimal(0)),
            "typed": typed,
            "faults": faults,
            "fault_projects": {fault.project for fault in faults},
            "may_edit": may_edit,
            "may_review": scope.is_city_office,
            "upload_form": UploadForm(initial={"version": report.version}),
            "reason_form": ReasonForm(),
            "steps": report.steps.select_related("user"),
        },
    )


def _submit_after_save(
    request: HttpRequest, report: CountyReport, saved: services.SaveResult
) -> bool:
    """提交 pressed on the grid: what was on the screen is saved (`saved`), then submitted,
    unless that save changed figures that now carry warnings, which the county sees first."""
    if saved.changed and saved.warnings:
        messages.warning(
            request,
            f"草稿已保存，修改了{saved.changed}个项目；{len(saved.warnings)}个项目有提示，"
            "请核实后再提交",
        )
        return False
    try:
        services.submit_report(report, user=request.user, version=report.version)
    except services.ReportingError as error:
        messages.error(request, str(error))
        return False
    messages.success(request, f"草稿已保存，报表已提交，等待{office_word(request.scope.city)}审核")
    return True


@require_POST
def report_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Keep the county's sheet on the server and show how it would be read."""
    scope: Scope = request.scope
    report = get_object_or_404(reports_for(scope), pk=pk)
    if scope.reporting_unit != report.county:
        raise PermissionDenied("只有本县区项目办可以上传")
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        for error in form.errors.get("sheet", []):
            messages.error(request, error)
        return redirect("report_grid", report.pk)
    sheet = form.cleaned_data["sheet"]
    token = held.hold(request.user.pk, sheet)
    query = urlencode({"name": sheet.name, "version": form.cleaned_data["version"]})
    return redirect(f"{reverse('report_upload_preview', args=[report.pk, token])}?{query}")


def report_upload_preview(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """How every column was understood, the rows left out and the report; the user names
    unknown columns and confirms. Nothing is written before the confirmation."""
    scope: Scope = request.scope
    report = get_object_or_404(reports_for(scope), pk=pk)
    if scope.reporting_unit != report.county:
        raise PermissionDenied("只有本县区项目办可以上传")
    path = held.held(request.user.pk, token)
    if path is None:
        messages.error(request, "上传的表格已过期或不存在，请重新上传")
        return redirect("report_grid", report.pk)
    step = held.preview_step(request, path, LEDGER_COLUMNS)
    # 确认修改: figures doubted as a unit slip or as last month's sheet sent again go in.
    confirm_changes = request.method == "POST" and bool(request.POST.get("confirm_changes"))
    if step.in_background:
        job = start_sheet_upload(
            report,
            user=request.user,
            token=token,
            version=version_of(request.POST),
            mapping=step.mapping,
            file_name=step.file_name,
            rows=step.rows,
            confirm_changes=confirm_changes,
        )
        return redirect("job_page", job.pk)
    try:
        if step.confirmed:
            outcome = services.upload_sheet(
                report,
                path,
                user=request.user,
                version=version_of(request.POST),
                mapping=step.mapping,
                file_name=step.file_name,
                confirm_changes=confirm_changes,
            )
            if outcome.ok:
                held.release(request.user.pk, token)
                messages.success(request, f"表格已载入草稿：{outcome.updated}个项目有变化")
                for note in outcome.notes:
                    messages.warning(request, note)
                return redirect("report_grid", report.pk)
        else:
            outcome = services.preview_sheet(
                report,
                path,
                mapping=step.mapping,
                file_name=step.file_name,
                confirm_changes=confirm_changes,
            )
    except services.ReportingError as error:
        messages.error(request, str(error))
        return redirect("report_grid", report.pk)
    return render(
        request,
        "reporting/upload_preview.html",
        {
            "report": report,
            "outcome": outcome,
            "choices": LEDGER_COLUMNS.choices,
            "file_name": step.file_name,
            "version": (request.POST or request.GET).get("version", report.version),
            "confirm_changes": confirm_changes,
            "changes_doubted": any(CONFIRM_MARK in line for line in outcome.fault_lines),
        },
        status=200 if outcome.ok else 400,
    )


@require_POST
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    scope: Scope = request.scope
    report = get_object_or_404(reports_for(scope), pk=pk)
    if scope.reporting_unit != report.county:
        raise PermissionDenied("只有本县区项目办可以提交")
    try:
        services.submit_report(report, user=request.user, version=version_of(request.POST))
    except services.ReportingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"报表已提交，等待{office_word(request.scope.city)}审核")
    return redirect("report_grid", report.pk)


@require_POST
def report_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _review(request, pk, action="return")


@require_POST
def report_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _review(request, pk, action="approve")


@require_POST
def report_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    return _review(request, pk, action="reopen")


def _review(request: HttpRequest, pk: int, *, action: str) -> HttpResponse:
    scope: Scope = request.scope
    report: CountyReport = get_object_or_404(reports_for(scope), pk=pk)
    _city_office(scope)
    reason = request.POST.get("reason", "")
    try:
        if action == "approve":
            changed = services.approve_report(report, user=request.user)
            messages.success(
                request, f"{report.unit_name}报表已审核通过，{changed}个项目的数据已计入"
            )
        elif action == "return":
            services.return_report(report, user=request.user, reason=reason)
            messages.success(request, f"{report.unit_name}报表已退回")
        else:
            services.reopen_report(report, user=request.user, reason=reason)
            messages.success(request, f"{report.unit_name}报表已重新打开")
    except services.ReportingError as error:
        messages.error(request, str(error))
    if request.POST.get("next") == "period":
        return redirect("period_detail", report.period_id)
    return redirect("report_grid", report.pk)


def project_note(request: HttpRequest, pk: int) -> HttpResponse:
    """A site commissioner writes visible progress and problems for his project in the open
    month's report."""
    scope: Scope = request.scope
    project = scope.project(pk)
    if project.commissioner_id != request.user.pk:
        raise PermissionDenied("只有本项目的驻工地专员可以填写")
    if request.method != "POST":
        return redirect("project_detail", project.pk)
    entry = (
        project.report_entries.select_related("report__period")
        .filter(report__period__closed_at__isnull=True)
        .order_by("-report__period__year", "-report__period__month")
        .first()
    )
    if entry is None:
        messages.error(request, "当前没有开启的填报期")
        return redirect("project_detail", project.pk)
    inputs = [
        services.EntryInput(
            project_id=project.pk,
            visible_progress=request.POST.get("visible_progress", ""),
            problems=request.POST.get("problems", ""),
        )
    ]
    try:
        result = services.save_entries(
            entry.report,
            inputs,
            user=request.user,
            version=version_of(request.POST),
            texts_only=True,
            source=services.ChangeSource.COMMISSIONER,
        )
    except services.ReportingError as error:
        messages.error(request, str(error))
    else:
        if result.ok:
            messages.success(request, "形象进度和存在问题已写入本月报表")
        for fault in result.faults:
            messages.error(request, str(fault))
    return redirect("project_detail", project.pk)


def import_record(request: HttpRequest, pk: int) -> HttpResponse:
    """A kept import report: which file changed which figures. The city office sees its
    city's, a county office those of its own uploads."""
    scope: Scope = request.scope
    records = ImportRecord.objects.filter(city=scope.city)
    if not scope.is_city_office:
        records = records.filter(county=scope.county) if scope.county else records.none()
    record = get_object_or_404(records.select_related("user", "county"), pk=pk)
    changes = record.changes.filter(project__in=scope.projects()).select_related("project")
    # A park's figures and leads changed by the record: the city's imports, read by the city
    # office only.
    park_changes = record.park_figure_changes.select_related("figures__park")
    lead_changes = record.lead_changes.select_related("lead")
    return render(
        request,
        "reporting/import_record.html",
        {
            "record": record,
            "changes": changes[:500],
            "park_changes": park_changes[:500],
            "lead_changes": lead_changes[:500],
            # the stored figures an indicator sheet changed, as its report lists them (tryout 18
            # (3): its page said 没有改动 of projects); None for a record kept before the list
            "changed": record.report.get("changed")
            if record.kind == ImportRecord.Kind.INDICATORS
            else None,
            "of_projects": record.kind
            in (ImportRecord.Kind.LEDGER, ImportRecord.Kind.PROGRESS, ImportRecord.Kind.LAND),
        },
    )
