"""The tour's route as the routing functions see it: the tour's days and sites become a
`RouteProblem`, and a schedule's order is written back to the sites (day, position)."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.db import transaction

from guanmo.observation.models import Site, Tour
from guanmo.observation.schedule import RouteProblem, SiteToVisit, TourDay
from guanmo.observation.travel import CoordinateTravel, MatrixTravel, Place, TravelTimes

START = "start"


@dataclass(frozen=True)
class _SheetTravel:
    """An uploaded sheet's travel, asked by site key: the sheet knows places by name."""

    sheet: MatrixTravel
    names: dict[str, str]  # key → name

    def minutes(self, a: str, b: str) -> int:
        return self.sheet.minutes(self.names[a], self.names[b])

    def km(self, a: str, b: str) -> Decimal | None:
        return self.sheet.km(self.names[a], self.names[b])


def stored_matrix(sheet: MatrixTravel) -> dict:
    """The sheet's travel as JSON for `Tour.travel_matrix`."""
    return {
        "places": list(sheet.places),
        "minutes": [[a, b, minutes] for (a, b), minutes in sheet.travel_minutes.items()],
        "km": None
        if sheet.distances_km is None
        else [[a, b, str(km)] for (a, b), km in sheet.distances_km.items()],
    }


def matrix_of(stored: dict) -> MatrixTravel:
    return MatrixTravel(
        places=tuple(stored["places"]),
        travel_minutes={(a, b): minutes for a, b, minutes in stored["minutes"]},
        distances_km=None
        if stored["km"] is None
        else {(a, b): Decimal(km) for a, b, km in stored["km"]},
    )


def unknown_places(sheet: MatrixTravel, tour: Tour, sites: list[Site]) -> list[str]:
    """The start point and sites the sheet does not list."""
    names = [tour.start_name] + [site.project.name for site in sites]
    return [name for name in names if not sheet.knows(name)]


def route_sites(tour: Tour) -> list[Site]:
    return list(tour.sites.filter(status=Site.Status.APPROVED).select_related("project__county"))


def route_problem(tour: Tour, sites: list[Site]) -> tuple[RouteProblem | None, list[str]]:
    """The problem to solve, or None with the reasons it cannot be posed (in Chinese)."""
    if not sites:
        return None, ["尚无已确定的观摩点，请先确定观摩点再排线"]
    if tour.travel_matrix is not None:
        sheet = matrix_of(tour.travel_matrix)
        missing = unknown_places(sheet, tour, sites)
        if missing:
            return None, [f"行车时间表中没有「{name}」，请补充后重新上传" for name in missing]
        names = {START: tour.start_name} | {str(site.pk): site.project.name for site in sites}
        return _problem(tour, sites, _SheetTravel(sheet, names)), []
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
    travel = CoordinateTravel(
        places=tuple(places), road_factor=tour.road_factor, speed_kmh=tour.speed_kmh
    )
    return _problem(tour, sites, travel), []


def _problem(tour: Tour, sites: list[Site], travel: TravelTimes) -> RouteProblem:
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
            county=site.project.county.name,
        )
        for site in sites
    )
    return RouteProblem(
        start=START, days=days, sites=visits, travel=travel, start_name=tour.start_name
    )


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
