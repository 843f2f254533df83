"""Who may reach a tour: anyone whose scope holds it may see it (404 otherwise); only the city
office organises it (403 for a county office that can see it)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from guanmo.accounts.scope import Scope
from guanmo.observation.models import Site, Tour
from guanmo.observation.selectors import tours_for


def require_organiser(scope: Scope) -> None:
    if not scope.is_city_office:
        raise PermissionDenied("只有市项目办可以进行此操作")


def visible_tour(request: HttpRequest, pk: int) -> Tour:
    return get_object_or_404(tours_for(request.scope), pk=pk)


def organised_tour(request: HttpRequest, pk: int) -> Tour:
    tour = visible_tour(request, pk)
    require_organiser(request.scope)
    return tour


def organised_site(request: HttpRequest, pk: int) -> Site:
    site = get_object_or_404(Site.objects.select_related("tour", "project__county"), pk=pk)
    organised_tour(request, site.tour_id)
    return site


def tour_with_results(request: HttpRequest, pk: int) -> Tour:
    """A tour whose results he may see: the city office at any time, a county office once the
    tour has closed."""
    tour = visible_tour(request, pk)
    if not (request.scope.is_city_office or tour.is_closed):
        raise Http404("观摩结果尚未公布")
    return tour
