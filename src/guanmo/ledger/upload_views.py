"""The city office's ledger upload: the sheet is held on the server, previewed (how every
column was understood, the rows left out, the report), its unknown columns named, and loaded
only when confirmed: a large sheet by the worker, on the job's progress bar (import_jobs)."""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from guanmo import clock
from guanmo.accounts.scope import Scope
from guanmo.ledger.columns import LEDGER_COLUMNS
from guanmo.ledger.forms import LedgerUploadForm
from guanmo.ledger.import_jobs import start_ledger_import
from guanmo.ledger.models import Level
from guanmo.ledger.services import import_ledger
from guanmo.ledger.services.ledger_import import CONFIRM_CHANGES
from guanmo.reporting.models import ImportRecord
from guanmo.sheets import held
from guanmo.sheets.advice import Channel


def _city_office(scope: Scope) -> None:
    if not scope.is_city_office:
        raise PermissionDenied("只有市项目办可以导入台账")


def ledger_import(request: HttpRequest) -> HttpResponse:
    scope: Scope = request.scope
    _city_office(scope)
    form = LedgerUploadForm(
        request.POST or None, request.FILES or None, initial={"year": clock.today().year}
    )
    if request.method == "POST" and form.is_valid():
        sheet = form.cleaned_data["sheet"]
        token = held.hold(request.user.pk, sheet)
        query = urlencode(
            {
                "name": sheet.name,
                "year": form.cleaned_data["year"],
                "level": form.cleaned_data["level"],
                "month": form.cleaned_data["month"] or "",
            }
        )
        return redirect(f"{reverse('ledger_import_preview', args=[token])}?{query}")
    records = ImportRecord.objects.filter(city=scope.city, kind=ImportRecord.Kind.LEDGER)[:10]
    return render(request, "ledger/ledger_import.html", {"form": form, "records": records})


def ledger_import_preview(request: HttpRequest, token: str) -> HttpResponse:
    scope: Scope = request.scope
    _city_office(scope)
    found = held.held_upload(request, token, LedgerUploadForm, "年度或名录级别不对，请重新上传")
    if found is None:
        return redirect("ledger_import")
    path, form = found
    year, level = form.cleaned_data["year"], form.cleaned_data["level"]
    month = form.cleaned_data["month"]
    confirm_changes = form.cleaned_data["confirm_changes"]
    step = held.preview_step(request, path, LEDGER_COLUMNS)
    if step.in_background:
        job = start_ledger_import(
            city=scope.city,
            user=request.user,
            token=token,
            year=year,
            level=level,
            mapping=step.mapping,
            file_name=step.file_name,
            rows=step.rows,
            confirm_changes=confirm_changes,
            month=month,
        )
        return redirect("job_page", job.pk)
    outcome = import_ledger(
        path,
        city=scope.city,
        year=year,
        level=level,
        dry_run=not step.confirmed,
        user=request.user,
        mapping=step.mapping,
        file_name=step.file_name,
        confirm_changes=confirm_changes,
        month=month,
        channel=Channel.WEB,
    )
    if step.confirmed and outcome.ok:
        return held.loaded(request, token, outcome)
    return render(
        request,
        "ledger/ledger_import_preview.html",
        {
            "outcome": outcome,
            "choices": LEDGER_COLUMNS.choices,
            "file_name": step.file_name,
            "year": year,
            "level": level,
            "month": month,
            "level_label": Level(level).label,
            "confirm_changes": confirm_changes,
            "changes_doubted": any(CONFIRM_CHANGES in str(f) for f in outcome.faults),
        },
        status=200 if outcome.ok else 400,
    )
