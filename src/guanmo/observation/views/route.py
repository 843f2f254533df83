"""The tour's route and schedule: planned by the solver, adjusted by hand, printed."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from guanmo import clock
from guanmo.documents.views import document_response, file_response
from guanmo.observation import route
from guanmo.observation.issuing import issued_schedule, schedule_file
from guanmo.observation.route_jobs import RoutePlanRefused, plan_under_way, start_route_plan
from guanmo.observation.schedule import split_counties, validate_schedule
from guanmo.observation.schedule_document import schedule_title
from guanmo.observation.selectors import tour_schedule
from guanmo.observation.travel import read_travel_matrix
from guanmo.observation.views.access import organised_site, organised_tour, visible_tour


def tour_route(request: HttpRequest, pk: int) -> HttpResponse:
    """The route and schedule: the organiser plans and moves; a county of the tour reads it
    (when its hosts must be waiting)."""
    tour = visible_tour(request, pk)
    sites, problem, schedule, reasons = tour_schedule(tour)
    by_key = {str(site.pk): site for site in sites}
    context = {
        "tour": tour,
        "reasons": reasons,
        "schedule": schedule,
        "sites": by_key,
        "unscheduled": [],
        "faults": [],
        "plan_under_way": plan_under_way(tour),
        "may_organise": request.scope.is_city_office,
    }
    if schedule is not None:
        scheduled = {stop.site for day in schedule.days for stop in day.stops}
        context["unplaced"] = [by_key[key] for key in schedule.unplaced]
        context["unscheduled"] = [
            site
            for key, site in by_key.items()
            if key not in scheduled and key not in schedule.unplaced
        ]
        context["faults"] = validate_schedule(problem, schedule)
        context["splits"] = split_counties(problem, schedule)
        context["map_days"] = _map_days(tour, schedule, by_key)
    context["issued"] = issued_schedule(tour)
    context["today"] = clock.today()
    return render(request, "observation/route.html", context)


def _map_days(tour, schedule, by_key) -> list[dict]:
    """Each day's stops as map points, the start point first and last (none without
    coordinates, as with a travel sheet)."""
    if tour.start_latitude is None or any(
        site.project.latitude is None or site.project.longitude is None for site in by_key.values()
    ):
        return []
    start = [float(tour.start_latitude), float(tour.start_longitude)]
    days = []
    for number, day in enumerate(schedule.days, start=1):
        points = [
            {
                "name": by_key[stop.site].project.name,
                "at": [
                    float(by_key[stop.site].project.latitude),
                    float(by_key[stop.site].project.longitude),
                ],
                "arrival": f"{stop.arrival:%H:%M}",
            }
            for stop in day.stops
        ]
        days.append({"day": number, "start": start, "points": points})
    return days


@require_POST
def tour_route_plan(request: HttpRequest, pk: int) -> HttpResponse:
    """Start the route search as a background job and follow it on the job's page."""
    tour = organised_tour(request, pk)
    try:
        job = start_route_plan(tour, user=request.user)
    except RoutePlanRefused as refusal:
        for reason in refusal.reasons:
            messages.error(request, reason)
        return redirect("tour_route", tour.pk)
    return redirect("job_page", job.pk)


@require_POST
def site_move(request: HttpRequest, pk: int) -> HttpResponse:
    site = organised_site(request, pk)
    tour = site.tour
    try:
        day = int(request.POST["day"])
        position = int(request.POST.get("position") or 999)
    except (KeyError, ValueError):
        messages.error(request, "请选择要移到的日期和顺序")
        return redirect("tour_route", tour.pk)
    if not 1 <= day <= tour.days:
        messages.error(request, f"日期应为第1至{tour.days}天")
        return redirect("tour_route", tour.pk)
    order = route.moved(
        route.stored_order(tour, route.route_sites(tour)), str(site.pk), day, position
    )
    route.save_order(tour, order)
    messages.success(request, f"已将「{site}」移到第{day}天，时间已重新推算")
    return redirect("tour_route", tour.pk)


def tour_route_file(request: HttpRequest, pk: int) -> HttpResponse:
    """The schedule as issued once it has been, else the draft of the current route."""
    tour = visible_tour(request, pk)
    if (document := issued_schedule(tour)) is not None:
        return document_response(document, "docx")
    content = schedule_file(tour)
    if content is None:
        raise Http404("尚未排定路线")
    return file_response(content, "docx", f"{schedule_title(tour)}.docx")


@require_POST
def tour_route_matrix(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload a travel-time sheet (all or nothing), or go back to coordinates."""
    tour = organised_tour(request, pk)
    if "clear" in request.POST:
        tour.travel_matrix = None
        tour.save(update_fields=["travel_matrix"])
        messages.success(request, "已改为按经纬度推算行车时间")
        return redirect("tour_route", tour.pk)
    upload = request.FILES.get("sheet")
    if upload is None:
        messages.error(request, "请选择行车时间表")
        return redirect("tour_route", tour.pk)
    sheet, faults = read_travel_matrix(upload)
    if sheet is not None:
        missing = route.unknown_places(sheet, tour, route.route_sites(tour))
        faults += [f"表中没有「{name}」" for name in missing]
    if faults:
        for fault in faults:
            messages.error(request, f"行车时间表：{fault}")
        messages.error(request, "行车时间表有误，未保存")
        return redirect("tour_route", tour.pk)
    tour.travel_matrix = route.stored_matrix(sheet)
    tour.save(update_fields=["travel_matrix"])
    messages.success(request, f"已按上传的行车时间表推算（{len(sheet.places)}个地点）")
    for note in sheet.notes:  # a unit converted (小时 into minutes)
        messages.info(request, f"行车时间表：{note}")
    return redirect("tour_route", tour.pk)
