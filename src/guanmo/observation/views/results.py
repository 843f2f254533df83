"""The tour's results: the page, the results bulletin (.docx) and the organiser's export
(.xlsx, with every judge's scores). The city office sees them as scores arrive; a county
office once the tour has closed."""

import io

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from guanmo import clock
from guanmo.documents.views import document_response, file_response, issue_posted
from guanmo.observation.bulletin import (
    bulletin_title,
    course_sentence,
    podium_sentence,
    remarks_by_site,
)
from guanmo.observation.exporters.xlsx import write_xlsx
from guanmo.observation.issuing import draft_results, issue_results_bulletin, issued_results
from guanmo.observation.models import Tour
from guanmo.observation.panel_readings import panel_readings
from guanmo.observation.results import Method
from guanmo.observation.selectors import tour_report
from guanmo.observation.views.access import require_organiser, tour_with_results


def _method(request: HttpRequest, tour: Tour) -> Method:
    try:
        return Method(request.GET.get("method") or tour.method)
    except ValueError:
        return Method(tour.method)


def tour_results_page(request: HttpRequest, pk: int) -> HttpResponse:
    tour = tour_with_results(request, pk)
    method = _method(request, tour)
    report = tour_report(tour, method)
    context = {
        "tour": tour,
        "results": report.results if report else None,
        "method": method,
        "methods": list(Method),
        "organiser": request.scope.is_city_office,
        "issued": issued_results(tour),
        "today": clock.today(),
    }
    if report is not None:
        context |= {
            "tour_sentence": course_sentence(report.facts),
            "podium_sentence": podium_sentence(report.results.regions),
            "remarks": remarks_by_site(report.cards, [site.site for site in report.results.sites]),
            "readings": panel_readings(report.results.agreement),
        }
    return render(request, "observation/results.html", context)


def tour_results_file(request: HttpRequest, pk: int, extension: str) -> HttpResponse:
    """The results bulletin (.docx or .pdf): as issued once it has been, else the draft by the
    method asked for; the organiser's export (.xlsx) for the city office."""
    tour = tour_with_results(request, pk)
    if extension not in ("docx", "pdf", "xlsx"):
        raise Http404("没有这种格式")
    if extension == "xlsx" and not request.scope.is_city_office:
        raise PermissionDenied("评委逐项打分仅供市项目办查看")
    if extension != "xlsx" and (document := issued_results(tour)) is not None:
        return document_response(document, extension)
    report = tour_report(tour, _method(request, tour))
    if report is None:
        raise Http404("尚无评分")
    if extension != "xlsx":
        filename = f"{bulletin_title(report.facts)}.docx"
        return file_response(draft_results(report, tour), extension, filename)
    buffer = io.BytesIO()
    write_xlsx(report, buffer)
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename=f"{tour.name}评分明细.xlsx")


@require_POST
def tour_results_issue(request: HttpRequest, pk: int) -> HttpResponse:
    """The city office issues the closed tour's results bulletin with the 成文日期 it chooses."""
    tour = tour_with_results(request, pk)
    require_organiser(request.scope)
    return issue_posted(
        request,
        lambda dated: issue_results_bulletin(tour, dated=dated, user=request.user),
        redirect("tour_results", tour.pk),
    )
