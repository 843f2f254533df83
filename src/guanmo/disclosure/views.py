"""Public pages (媒体公示), open to anyone without a log-in, and the city office's settings page.

Every public view reads the city's cached public ledger, which holds only what may be shown.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header

from guanmo.accounts.scope import Scope
from guanmo.disclosure.exporters import ledger_csv, ledger_json
from guanmo.disclosure.filters import PublicFilterForm, matching
from guanmo.disclosure.forms import DisclosureSettingsForm
from guanmo.disclosure.models import DisclosureSettings
from guanmo.disclosure.records import PublicLedger
from guanmo.disclosure.selectors import public_ledger
from guanmo.disclosure.services import save_settings
from guanmo.figures import formatting
from guanmo.ledger.views import GEO_DIR
from guanmo.regions.geo import feature_collection, project_point
from guanmo.regions.services import served_cities

PAGE_SIZE = 50
DOWNLOADS = {
    "csv": (ledger_csv, "text/csv; charset=utf-8"),
    "json": (ledger_json, "application/json; charset=utf-8"),
}
# A project page shows these in its title, its progress card and its map, not among the facts.
NOT_FACTS = {"id", "name", "county_code", "annual_plan", "completed", "completion_rate", "month"}
NOT_FACTS |= {"latitude", "longitude"}


def _ledger(code: str) -> PublicLedger:
    ledger = public_ledger(code)
    if ledger is None:
        raise Http404("没有这个城市")
    return ledger


@login_not_required
def public_home(request: HttpRequest) -> HttpResponse:
    """The only city's public list, or the cities to choose from."""
    cities = list(served_cities().order_by("code"))
    if len(cities) == 1:
        return redirect("public_projects", cities[0].code)
    return render(request, "disclosure/home.html", {"cities": cities})


@login_not_required
def public_projects(request: HttpRequest, code: str) -> HttpResponse:
    ledger = _ledger(code)
    form = PublicFilterForm(request.GET or None, ledger=ledger)
    page = Paginator(matching(ledger.projects, form.criteria()), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "disclosure/project_list.html",
        {"ledger": ledger, "form": form, "page": page, "query": query.urlencode()},
    )


@login_not_required
def public_project(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    ledger = _ledger(code)
    project = ledger.project(pk)
    if project is None:
        raise Http404("本市公示的重点项目中没有这个项目")
    facts = [
        (column.label, column.text(project))
        for column in ledger.columns
        if column.key not in NOT_FACTS
    ]
    return render(
        request,
        "disclosure/project_detail.html",
        {"ledger": ledger, "project": project, "facts": facts},
    )


@login_not_required
def public_map(request: HttpRequest, code: str) -> HttpResponse:
    return render(request, "disclosure/project_map.html", {"ledger": _ledger(code)})


@login_not_required
def public_map_points(request: HttpRequest, code: str) -> JsonResponse:
    """The published projects with a published position, as GeoJSON points (the logged-in
    map's shape, so that the same map script draws them)."""
    ledger = _ledger(code)
    return feature_collection(
        [
            project_point(
                project.latitude,
                project.longitude,
                name=project.name,
                county=project.county,
                level="",
                rate=formatting.rate(project.completion_rate),
                url=reverse("public_project", args=[code, project.id]),
            )
            for project in ledger.projects
            if project.latitude is not None and project.longitude is not None
        ]
    )


@login_not_required
def public_county_shapes(request: HttpRequest, code: str) -> HttpResponse:
    """The city's county outlines shipped with the app (public map data)."""
    path = GEO_DIR / f"{_ledger(code).city_code}.geojson"
    if not path.exists():
        raise Http404("没有本市的县区边界数据")
    return HttpResponse(path.read_bytes(), content_type="application/geo+json")


@login_not_required
def public_download(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    """The (filtered) list as CSV or JSON."""
    ledger = _ledger(code)
    projects = matching(ledger.projects, PublicFilterForm(request.GET, ledger=ledger).criteria())
    write, content_type = DOWNLOADS[fmt]
    month = f"{ledger.month}月" if ledger.month else ""
    filename = f"{ledger.city_name}重点项目公示{ledger.year}年{month}.{fmt}"
    response = HttpResponse(write(ledger, projects), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def disclosure_settings(request: HttpRequest) -> HttpResponse:
    """The city office chooses which optional fields its public pages show."""
    scope: Scope = request.scope
    if not scope.is_city_office:
        raise PermissionDenied("只有市项目办可以修改公示设置")
    options = DisclosureSettings.of(scope.city)
    form = DisclosureSettingsForm(request.POST or None, instance=options)
    if request.method == "POST" and form.is_valid():
        save_settings(form.instance, user=request.user)
        messages.success(request, "公示设置已保存，公示页面即时生效")
        return redirect("disclosure_settings")
    return render(request, "disclosure/settings.html", {"form": form, "city": scope.city})
