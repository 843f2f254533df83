"""Issuing the tour's schedule: the city office numbers and dates the current route's
schedule; downloads give the issued file from then on (`route.tour_route_file`)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from guanmo.documents.views import issue_posted
from guanmo.observation.issuing import issue_schedule
from guanmo.observation.views.access import organised_tour


@require_POST
def tour_route_issue(request: HttpRequest, pk: int) -> HttpResponse:
    tour = organised_tour(request, pk)
    return issue_posted(
        request,
        lambda dated: issue_schedule(tour, dated=dated, user=request.user),
        redirect("tour_route", tour.pk),
    )
