"""The city office loads the firm register (亩均效益评价) on the web, as `guanmo import-firms`
does: the sheet is uploaded and held, previewed as understood (字段 ← 表头 with a sample, the
firms counted, every fault naming its sheet, row and column), and only on confirmation written
(`firm_register.import_firms`, all or nothing). Nothing is written before."""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from guanmo.accounts.scope import Scope
from guanmo.assessment.firm_register import import_firms
from guanmo.assessment.firm_sheet import read_firms
from guanmo.assessment.forms import whole_number
from guanmo.assessment.sheet_reading import Refused
from guanmo.assessment.upload_views import named_source
from guanmo.regions.services import units_of
from guanmo.sheets import held
from guanmo.sheets.forms import SheetFileField


class FirmUploadForm(forms.Form):
    register = SheetFileField(
        label="企业数据表（企业名称、统一社会信用代码、县区、园区、用地面积（亩）、税收……）"
    )
    year = whole_number("数据所属年度", min_value=2000, max_value=2100)


def _city_office(scope: Scope) -> None:
    if not scope.is_city_office:
        raise PermissionDenied("只有市项目办可以导入企业数据")


def firm_upload(request: HttpRequest) -> HttpResponse:
    """The upload form; the sheet is held and the preview shown, nothing is written."""
    _city_office(request.scope)
    form = FirmUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["register"]
        query = {
            "token": held.hold(request.user.pk, upload),
            "name": upload.name[:255],
            "year": form.cleaned_data["year"],
        }
        return redirect(f"{reverse('assessment_firm_preview')}?{urlencode(query)}")
    return render(request, "assessment/firm_upload.html", {"form": form})


def firm_preview(request: HttpRequest) -> HttpResponse:
    """How the held sheet was understood (GET); confirmed (POST), the firms are written and
    the firm list shown. A fault leaves everything as it was."""
    scope: Scope = request.scope
    _city_office(scope)
    given = request.POST if request.method == "POST" else request.GET
    path = held.held(request.user.pk, given.get("token", ""))
    year = given.get("year", "")
    if path is None or not year.isdigit() or not 2000 <= int(year) <= 2100:
        messages.error(request, "上传的企业数据表已过期或年度有误，请重新上传")
        return redirect("assessment_firm_upload")
    context = {"given": given, "year": int(year)}
    try:
        rows, report = read_firms(named_source(path, given.get("name", "")), units_of(scope.city))
    except Refused as refused:
        report = refused.report
        faults = [f"《{report.file}》{report.describe(fault)}" for fault in report.faults]
        context |= {"report": report, "faults": faults}
        return render(request, "assessment/firm_preview.html", context, status=400)
    context |= {"report": report, "rows": rows}
    if request.method == "POST" and request.POST.get("action") == "confirm":
        try:
            created, updated = import_firms(rows, int(year), city=scope.city)
        except ValueError as error:
            context["problem"] = f"未导入任何企业：{error}"
            return render(request, "assessment/firm_preview.html", context, status=400)
        held.release(request.user.pk, given["token"])
        messages.success(
            request, f"已导入{len(rows)}家企业{year}年度数据（新增{created}家，更新{updated}家）"
        )
        return redirect(f"{reverse('assessment_firms')}?year={year}")
    return render(request, "assessment/firm_preview.html", context)
