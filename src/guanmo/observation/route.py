"""The tour's route as the routing functions see it: the tour's days and sites become a
`RouteProblem`, and a schedule's order is written back to the sites (day, position)."""

from datetime import timedelta

from django.db import transaction

from guanmo.observation.models import Site, Tour
from guanmo.observation.schedule import RouteProblem, SiteToVisit, TourDay
from guanmo.observation.travel import CoordinateTravel, Place

START = "start"


def route_sites(tour: Tour) -> list[Site]:
    return list(tour.sites.filter(status=Site.Status.APPROVED).select_related("project__county"))


def route_problem(tour: Tour, sites: list[Site]) -> tuple[RouteProblem | None, list[str]]:
    """The problem to solve, or None with the reasons it cannot be posed (in Chinese)."""
    reasons = []
    if tour.start_latitude is None or tour.start_longitude is None:
        reasons.append("请在设置中填写出发地点的经纬度")
    places = [
        Place(
            START,
            tour.start_name,
            float(tour.start_latitude or 0),
            float(tour.start_longitude or 0),
        )
    ]
    for site in sites:
        project = site.project
        if project.latitude is None or project.longitude is None:
            reasons.append(f"「{project.name}」没有经纬度，请先在项目台账中补充")
            continue
        places.append(
            Place(str(site.pk), project.name, float(project.latitude), float(project.longitude))
        )
    if reasons:
        return None, reasons
    days = tuple(
        TourDay(
            date=tour.first_day + timedelta(days=offset),
            start=tour.day_start,
            end=tour.day_end,
            lunch_from=tour.lunch_from,
            lunch_to=tour.lunch_to,
            lunch_minutes=tour.lunch_minutes,
        )
        for offset in range(tour.days)
    )
    visits = tuple(
        SiteToVisit(
            key=str(site.pk),
            name=site.project.name,
            stay_minutes=site.stay_minutes,
            pinned_day=site.pinned_day - 1 if site.pinned_day else None,
        )
        for site in sites
    )
    travel = CoordinateTravel(
        places=tuple(places), road_factor=tour.road_factor, speed_kmh=tour.speed_kmh
    )
    problem = RouteProblem(
        start=START, days=days, sites=visits, travel=travel, start_name=tour.start_name
    )
    return problem, []


def stored_order(tour: Tour, sites: list[Site]) -> list[list[str]]:
    """The order last saved: each day's site keys by position."""
    order: list[list[str]] = [[] for _ in range(tour.days)]
    for site in sorted(sites, key=lambda s: (s.day or 0, s.position or 0)):
        if site.day and site.day <= tour.days:
            order[site.day - 1].append(str(site.pk))
    return order


def moved(order: list[list[str]], key: str, day: int, position: int) -> list[list[str]]:
    """The order with one site moved to a day (1-based) and position (1-based, clamped)."""
    order = [[other for other in stops if other != key] for stops in order]
    stops = order[day - 1]
    stops.insert(max(0, min(position - 1, len(stops))), key)
    return order


@transaction.atomic
def save_order(tour: Tour, order: list[list[str]]) -> None:
    """Write each day's order to its sites; a site in no day has no place."""
    placed = {
        int(key): (day_number, position)
        for day_number, stops in enumerate(order, start=1)
        for position, key in enumerate(stops, start=1)
    }
    for site in tour.sites.filter(status=Site.Status.APPROVED):
        site.day, site.position = placed.get(site.pk, (None, None))
        site.save(update_fields=["day", "position"])
