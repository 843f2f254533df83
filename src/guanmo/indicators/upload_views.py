"""The city office's indicator sheet upload (导入指标表), the web face of `import-indicators`: the
sheet is held on the server, previewed (how every column was understood, with a sample, the
rows left out, the report), its unknown columns named or ignored, and loaded only when
confirmed — the ledger upload's steps (`ledger.upload_views`). A naming chosen here is
remembered for the city's next import, on the web and the command line alike
(`indicators.remembered`)."""

from functools import partial
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from guanmo import clock
from guanmo.accounts.scope import Scope
from guanmo.indicators.models import Indicator
from guanmo.indicators.sheet_import import import_indicators
from guanmo.indicators.sheet_reading import FIGURE_ROLES
from guanmo.reporting.models import ImportRecord
from guanmo.sheets import held
from guanmo.sheets.advice import CONFIRM_MARK, Channel
from guanmo.sheets.forms import SheetFileField
from guanmo.sheets.header import IGNORE


class IndicatorUploadForm(forms.Form):
    """A month's indicator sheet with the month it is of and, optionally, the peer group its
    regions make up (`import-indicators --group`)."""

    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    month = forms.IntegerField(label="月份（1—M月累计）", min_value=1, max_value=12)
    group = forms.CharField(
        label="比较组（可不填）",
        required=False,
        max_length=64,
        help_text="表中地区组成该比较组（已有则加入），如“全省18个省辖市”“同类县”",
    )
    sheet = SheetFileField(label="指标表文件（Excel、WPS 或 CSV）")


def _city_office(scope: Scope) -> None:
    if not scope.is_city_office:
        raise PermissionDenied("只有市项目办可以导入指标表")


def choices(catalogue: list[Indicator]) -> list[str]:
    """What a column may be named as on the preview: each indicator's measures as the column
    map says them (固定资产投资·同比增长（%）), then 忽略."""
    return [f"{i.name}·{role.value}" for i in catalogue for role in FIGURE_ROLES] + [IGNORE]


def _typed(post) -> list[str]:
    """The columns named on the preview page (`col:<header key>` → a choice) as --map options:
    表头=指标名称:度量, or 忽略; a column left as read is not named."""
    return [
        f"{name[4:]}={value.replace('·', ':')}"
        for name, value in post.items()
        if name.startswith("col:") and value
    ]


def indicator_import(request: HttpRequest) -> HttpResponse:
    scope: Scope = request.scope
    _city_office(scope)
    today = clock.today()
    form = IndicatorUploadForm(
        request.POST or None,
        request.FILES or None,
        initial={"year": today.year, "month": today.month},
    )
    if request.method == "POST" and form.is_valid():
        sheet = form.cleaned_data["sheet"]
        token = held.hold(request.user.pk, sheet)
        asked = {key: form.cleaned_data[key] for key in ("year", "month", "group")}
        query = urlencode({"name": sheet.name, **asked})
        return redirect(f"{reverse('indicator_import_preview', args=[token])}?{query}")
    records = ImportRecord.objects.filter(city=scope.city, kind=ImportRecord.Kind.INDICATORS)
    return render(
        request, "indicators/indicator_import.html", {"form": form, "records": records[:10]}
    )


def indicator_import_preview(request: HttpRequest, token: str) -> HttpResponse:
    """How the held sheet is read (nothing written); the office names columns and re-reads,
    or confirms, which loads it all or nothing and remembers the namings."""
    scope: Scope = request.scope
    _city_office(scope)
    found = held.held_upload(request, token, IndicatorUploadForm, "年度或月份不对，请重新上传")
    if found is None:
        return redirect("indicator_import")
    path, form = found
    year, month = form.cleaned_data["year"], form.cleaned_data["month"]
    group = form.cleaned_data["group"] or None
    confirmed = request.method == "POST" and request.POST.get("action") == "confirm"
    # 确认修改: figures doubted as a unit slip go in, noted (import-indicators --confirm-changes)
    confirm_changes = request.method == "POST" and bool(request.POST.get("confirm_changes"))
    file_name = form.data.get("name", "")[:255] or path.name
    load = partial(
        import_indicators,
        path,
        city=scope.city,
        year=year,
        month=month,
        group=group,
        user=request.user,
        file_name=file_name,
        channel=Channel.WEB,  # advice as the page gives it, never --map (tryout 18 (7))
        confirm_changes=confirm_changes,
    )
    try:
        outcome = load(dry_run=not confirmed, mapping=_typed(request.POST))
    except ValueError as error:  # a naming not understood: said, the sheet read without it
        messages.error(request, str(error))
        outcome = load(dry_run=True)
    if confirmed and outcome.ok:
        return held.loaded(request, token, outcome)
    return render(
        request,
        "indicators/indicator_import_preview.html",
        {
            "outcome": outcome,
            "choices": choices(list(Indicator.objects.filter(city=scope.city))),
            "year": year,
            "month": month,
            "group": group or "",
            "confirm_changes": confirm_changes,
            "changes_doubted": any(CONFIRM_MARK in line for line in outcome.fault_lines),
            # what the page sends back with the columns named
            "kept": {"name": file_name, "year": year, "month": month, "group": group or ""},
        },
        status=200 if outcome.ok else 400,
    )
