"""The tour's results: the page, the results bulletin (.docx) and the organiser's export
(.xlsx, with every judge's scores). The city office sees them as scores arrive; a county
office once the tour has closed."""

import io

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from guanmo.observation.bulletin import course_sentence, podium_sentence, remarks_by_site
from guanmo.observation.exporters.docx import write_docx
from guanmo.observation.exporters.xlsx import write_xlsx
from guanmo.observation.models import Tour
from guanmo.observation.panel_readings import panel_readings
from guanmo.observation.results import Method
from guanmo.observation.selectors import tour_report
from guanmo.observation.views.access import tour_with_results


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
    }
    if report is not None:
        context |= {
            "tour_sentence": course_sentence(report.facts),
            "podium_sentence": podium_sentence(report.results.regions),
            "remarks": remarks_by_site(report.cards, [site.site for site in report.results.sites]),
            "readings": panel_readings(report.results.agreement),
        }
    return render(request, "observation/results.html", context)


def tour_results_file(request: HttpRequest, pk: int, extension: str) -> FileResponse:
    tour = tour_with_results(request, pk)
    if extension not in ("docx", "xlsx"):
        raise Http404("没有这种格式")
    if extension == "xlsx" and not request.scope.is_city_office:
        raise PermissionDenied("评委逐项打分仅供市项目办查看")
    report = tour_report(tour, _method(request, tour))
    if report is None:
        raise Http404("尚无评分")
    buffer = io.BytesIO()
    if extension == "docx":
        write_docx(report, buffer)
        filename = f"关于{tour.name}评比结果的通报.docx"
    else:
        write_xlsx(report, buffer)
        filename = f"{tour.name}评分明细.xlsx"
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename=filename)
