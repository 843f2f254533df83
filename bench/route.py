"""The observation route found in a short search against one found in ten times as long, and
how many sites a full tour leaves out.

A generated tour: a start point and `sites` project sites scattered over a city some 50 km
across, `days` days of 08:00–18:00 with lunch, stays of 15 to 30 minutes. The measure is the
total travel time the solver minimises; the baseline is the same search run ten times longer.
On 120 sites over six days not every site fits: there the measure is the sites left out
(issue 10: at most 9, where a schedule `validate_schedule` accepts places 111).
"""

import random
from datetime import date, timedelta

from guanmo.observation.routing import plan_route
from guanmo.observation.schedule import (
    RouteProblem,
    Schedule,
    SiteToVisit,
    TourDay,
    validate_schedule,
)
from guanmo.observation.travel import CoordinateTravel, Place

CITY_HALL = Place("start", "市政府", 35.2156, 113.2418)
FIRST_DAY = date(2025, 4, 8)


def generated_tour(sites: int = 60, days: int = 4, seed: int = 1) -> RouteProblem:
    rng = random.Random(seed)
    places = [CITY_HALL]
    for number in range(1, sites + 1):
        latitude = CITY_HALL.latitude + rng.uniform(-0.25, 0.25)
        longitude = CITY_HALL.longitude + rng.uniform(-0.25, 0.25)
        places.append(Place(f"site{number}", f"样本项目{number}", latitude, longitude))
    return RouteProblem(
        start=CITY_HALL.key,
        days=tuple(TourDay(FIRST_DAY + timedelta(days=n)) for n in range(days)),
        sites=tuple(SiteToVisit(place.key, rng.choice([15, 20, 20, 30])) for place in places[1:]),
        travel=CoordinateTravel(tuple(places)),
    )


FULL_TOUR = (120, 6)  # sites, days
FULL_TOUR_LEFT_OUT_AT_MOST = 9


def checked(problem: RouteProblem, seconds: float) -> Schedule:
    schedule = plan_route(problem, time_limit_seconds=seconds)
    if faults := validate_schedule(problem, schedule):
        raise SystemExit(f"路线不合规：{faults[:3]}")
    return schedule


def route_lengths(seconds: float, sites: int) -> tuple[Schedule, Schedule]:
    """The schedules found in `seconds` and in ten times that, both checked."""
    problem = generated_tour(sites)
    return checked(problem, seconds), checked(problem, 10 * seconds)


def full_tour(seconds: float) -> Schedule:
    """The 120-site, six-day tour (seed 1) planned with a `seconds` search, checked."""
    sites, days = FULL_TOUR
    return checked(generated_tour(sites, days), seconds)
