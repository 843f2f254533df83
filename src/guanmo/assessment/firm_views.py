"""The firm register's pages (亩均效益评价): the list of a year's firms with their class and
per-亩 figures, filtered by county and class and exported as .xlsx, and a firm's own page with
its years and the policies that apply, where its county office objects to its values in a
published result (the city office decides on the result's page). Every firm is reached
through `firms_for` (a county office its own county's, the city office all); the figures are
`firm_lines`'."""

from io import BytesIO

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from guanmo.accounts.scope import Scope
from guanmo.assessment.exporters.firms import write_firm_list
from guanmo.assessment.firms import (
    FIGURE_PLACES,
    LAND_AREA,
    POLICIES,
    RECOMPUTING_BASIS,
    SALES_PER_MU,
    TAX_PER_ENERGY,
    TAX_PER_MU,
    shown_figure,
)
from guanmo.assessment.forms import ObjectionForm
from guanmo.assessment.models import FirmYear, RatedFirm, Result
from guanmo.assessment.objections import objectable, open_to_objections, stage
from guanmo.assessment.results import UNRATED
from guanmo.assessment.selectors import firm_lines, firm_result, firms_for
from guanmo.assessment.views import object_from_form, share_rule
from guanmo.figures.formatting import number

GRADES = (*POLICIES, UNRATED)
CORRECTED = "（经异议更正）"  # after a value the result used as an accepted objection claimed


def _readers(scope: Scope) -> None:
    if not (scope.sees_city_totals or scope.county is not None):
        raise Http404("没有可查看的企业")


def _int(text: str) -> int | None:
    return int(text) if text.isdigit() and len(text) < 6 else None


def firm_list(request: HttpRequest) -> HttpResponse:
    """A year's firms (the latest year by default) with class and per-亩 figures; filters by
    county (those who see the city) and by class; ?format=xlsx downloads the same rows."""
    scope: Scope = request.scope
    _readers(scope)
    firms = firms_for(scope)
    years = sorted(
        set(FirmYear.objects.filter(firm__in=firms).values_list("year", flat=True)), reverse=True
    )
    year = _int(request.GET.get("year", ""))
    year = year if year in years else (years[0] if years else None)
    counties = scope.units() if scope.sees_city_totals else []
    county = next((c for c in counties if str(c.pk) == request.GET.get("county")), None)
    if county is not None:
        firms = firms.filter(county=county)
    grade = request.GET.get("class", "")
    grade = grade if grade in GRADES else ""
    result = firm_result(scope.city, year) if year else None
    lines = firm_lines(firms, year, result) if year else []
    if grade:
        lines = [line for line in lines if line.grade == grade]
    if request.GET.get("format") == "xlsx" and year:
        output = BytesIO()
        write_firm_list(output, f"{year}年度企业亩均效益评价", lines)
        output.seek(0)
        return FileResponse(output, as_attachment=True, filename=f"{year}年度企业亩均效益.xlsx")
    return render(
        request,
        "assessment/firm_list.html",
        {
            "years": years,
            "year": year,
            "counties": counties,
            "county": county,
            "grades": GRADES,
            "grade": grade,
            "result": result,
            # the one status the results list and pages say (tryout 30: 公示中 after the 公示)
            "stage": stage(result) if result else "",
            "share_rule": share_rule(result),
            "basis": RECOMPUTING_BASIS,
            "rows": [_row(line) for line in lines],
        },
    )


def _row(line) -> dict:
    marks = {name: CORRECTED if name in line.corrected else "" for name in line.corrected}
    shown = {name: number(value, FIGURE_PLACES) for name, value in line.indicators.items()}
    return {
        "line": line,
        "figures": "，".join(
            f"{name}{shown_figure(name, value)}{marks.get(name, '')}"
            for name, value in line.figures.items()
        ),
        "land_area": f"{line.figures[LAND_AREA].normalize():f}{marks.get(LAND_AREA, '')}",
        "corrections": [correction.text for correction in line.corrections],
        "tax_per_mu": shown[TAX_PER_MU],
        "sales_per_mu": shown[SALES_PER_MU],
        "tax_per_energy": shown[TAX_PER_ENERGY],
        "marks": {
            "tax_per_mu": marks.get(TAX_PER_MU, ""),
            "sales_per_mu": marks.get(SALES_PER_MU, ""),
            "tax_per_energy": marks.get(TAX_PER_ENERGY, ""),
        },
    }


def firm_page(request: HttpRequest, pk: int) -> HttpResponse:
    """A firm's register facts and each of its years: land, figures, per-亩 indicators, its
    class and rank in that year's result, and the policies that apply."""
    scope: Scope = request.scope
    _readers(scope)
    firms = firms_for(scope)
    firm = get_object_or_404(firms, pk=pk)
    years = FirmYear.objects.filter(firm=firm).order_by("-year").values_list("year", flat=True)
    rows = []
    for year in years:
        result = firm_result(scope.city, year)
        (line,) = firm_lines(firms.filter(pk=firm.pk), year, result)
        objection_form = None
        if _objectable(scope, result) and open_to_objections(result) and line.line is not None:
            objection_form = ObjectionForm(indicators=objectable(result), prefix=f"y{year}")
        rows.append(
            {
                **_row(line),
                "result": result,
                "stage": stage(result) if result else "",
                "pending_note": _pending_note(result),
                "objection_form": objection_form,
            }
        )
    return render(
        request,
        "assessment/firm_page.html",
        {"firm": firm, "rows": rows, "basis": RECOMPUTING_BASIS},
    )


def _pending_note(result: Result | None) -> str:
    """Why the policies do not apply yet, by the result's date-based stage (`stage`): 结果公示中
    while open to objections, 公示期已满 after it; "" once final (or with no result)."""
    if result is None or result.status != Result.Status.PUBLISHED:
        return ""
    said = "结果公示中" if open_to_objections(result) else "公示期已满"
    return f"{said}，待定稿后生效"


def _objectable(scope: Scope, result: Result | None) -> bool:
    """A county office may object for its firms while the year's result is published."""
    return (
        scope.county is not None and result is not None and result.status == Result.Status.PUBLISHED
    )


@require_POST
def firm_objection(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    """The firm's county office files the firm's objection to one of its values in the year's
    published result (`raise_objection`: the objection is the firm's, as a unit objects to its
    own, said filed by the county's office)."""
    scope: Scope = request.scope
    _readers(scope)
    firm = get_object_or_404(firms_for(scope), pk=pk)
    result = firm_result(scope.city, year)
    if not _objectable(scope, result):
        raise PermissionDenied("只有企业所在县区的项目办可以在公示期内提出异议")
    rated = get_object_or_404(RatedFirm, scheme=result.scheme, firm=firm)
    form = ObjectionForm(
        request.POST,
        request.FILES,
        indicators=objectable(result),
        prefix=f"y{year}",
    )
    # The objection is the firm's own (the unit the result rates), filed by its county's office
    object_from_form(
        request, result, unit=rated.unit, form=form, filed_by=f"{scope.county.name}项目办"
    )
    return redirect("assessment_firm", firm.pk)
