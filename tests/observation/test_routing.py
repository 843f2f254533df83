"""Ordering a tour's sites over its days with OR-Tools: least travel, nothing dropped that fits."""

from datetime import date, time
from time import monotonic

from guanmo.observation.routing import _search, plan_route
from guanmo.observation.schedule import RouteProblem, SiteToVisit, TourDay, validate_schedule
from guanmo.observation.travel import MatrixTravel
from tests.observation.test_schedule import road

SECONDS = 1
MARCH_5 = TourDay(date(2025, 3, 5))
MARCH_6 = TourDay(date(2025, 3, 6))


def planned(problem: RouteProblem):
    schedule = plan_route(problem, time_limit_seconds=SECONDS)
    assert validate_schedule(problem, schedule) == []
    return schedule


def test_sites_along_one_road_are_visited_out_and_back():
    problem = RouteProblem(
        "gov",
        (MARCH_5,),
        tuple(SiteToVisit(key) for key in ("C", "A", "D", "B")),
        road(gov=0, A=10, B=20, C=30, D=40),
    )
    schedule = planned(problem)

    assert schedule.order[0] in (("A", "B", "C", "D"), ("D", "C", "B", "A"))
    assert schedule.travel_minutes == 80


def test_one_way_streets_make_the_optimum_unique():
    # Going round clockwise takes 5 minutes a leg; against the flow, 30.
    ring = ("gov", "A", "B", "C")
    minutes = {
        (a, b): 5 if ring.index(b) == (ring.index(a) + 1) % 4 else 30 for a in ring for b in ring
    }

    problem = RouteProblem(
        "gov",
        (MARCH_5,),
        (SiteToVisit("C"), SiteToVisit("B"), SiteToVisit("A")),
        MatrixTravel(ring, minutes),
    )
    schedule = planned(problem)

    assert schedule.order == (("A", "B", "C"),)
    assert schedule.travel_minutes == 20


def test_two_tight_days_are_both_filled():
    # Each morning holds exactly three sites on one side of the start: 30 minutes out,
    # three 20-minute stays, 30 minutes back.
    mornings = tuple(TourDay(date(2025, 3, d), end=time(10)) for d in (5, 6))
    problem = RouteProblem(
        "gov",
        mornings,
        tuple(SiteToVisit(key) for key in ("E", "A", "F", "B", "D", "C")),
        road(gov=0, A=10, B=20, C=30, D=-10, E=-20, F=-30),
    )
    schedule = planned(problem)

    assert schedule.unplaced == ()
    assert {frozenset(day) for day in schedule.order} == {
        frozenset("ABC"),
        frozenset("DEF"),
    }
    assert [day.back.time() for day in schedule.days] == [time(10), time(10)]


def test_each_day_takes_its_own_lunch_even_when_the_window_is_as_wide_as_lunch():
    days = tuple(TourDay(date(2025, 3, d), lunch_from=time(12), lunch_to=time(13)) for d in (5, 6))
    problem = RouteProblem(
        "gov",
        days,
        tuple(SiteToVisit(key, 90) for key in "ABCDEFGH"),
        road(gov=0, A=10, B=20, C=30, D=40, E=-10, F=-20, G=-30, H=-40),
    )
    schedule = planned(problem)

    assert schedule.unplaced == ()
    for day in schedule.days:
        assert day.stops
        assert (day.lunch.start.date(), day.lunch.start.time()) == (day.day.date, time(12))


def test_a_pinned_site_rides_on_its_day():
    problem = RouteProblem(
        "gov",
        (MARCH_5, MARCH_6),
        (SiteToVisit("A"), SiteToVisit("B", pinned_day=1), SiteToVisit("C")),
        road(gov=0, A=10, B=20, C=30),
    )
    schedule = planned(problem)

    assert "B" in schedule.order[1]
    assert "B" not in schedule.order[0]
    assert schedule.unplaced == ()


def test_sites_that_cannot_fit_are_reported_unplaced():
    morning = TourDay(date(2025, 3, 5), end=time(10))
    problem = RouteProblem(
        "gov",
        (morning,),
        tuple(SiteToVisit(key) for key in "ABCDEF"),
        road(gov=0, A=10, B=20, C=30, D=-10, E=-20, F=-30),
    )
    schedule = planned(problem)

    # A 120-minute morning holds three 20-minute stays and at most 60 minutes on the road.
    assert len(schedule.unplaced) == 3
    assert len(schedule.order[0]) == 3
    assert schedule.travel_minutes == 60


def test_a_site_reachable_only_by_lunching_on_the_road_is_left_unplaced():
    # 70 minutes away, the day from 11:00 to 15:30 and lunch fixed at 12:00–13:00: only a
    # lunch stop halfway along the drive would make the visit fit.
    day = TourDay(date(2025, 3, 5), start=time(11), end=time(15, 30), lunch_to=time(13))
    problem = RouteProblem("gov", (day,), (SiteToVisit("A", 60),), road(gov=0, A=70))

    assert _search(problem, SECONDS, drives_whole=False) == [["A"]]  # what OR-Tools allows
    assert _search(problem, SECONDS, drives_whole=True) == [[]]
    assert planned(problem).unplaced == ("A",)


def test_the_same_site_at_60_minutes_fits_with_lunch_on_arrival():
    day = TourDay(date(2025, 3, 5), start=time(11), end=time(15, 30), lunch_to=time(13))
    problem = RouteProblem("gov", (day,), (SiteToVisit("A", 60),), road(gov=0, A=60))
    schedule = planned(problem)

    assert schedule.order == (("A",),)
    assert schedule.days[0].lunch.after is None  # eaten at A before the visit
    assert schedule.days[0].stops[0].arrival.time() == time(13)


def test_a_solution_limit_stops_the_search_early_with_the_same_order_every_time():
    problem = RouteProblem(
        "gov",
        (MARCH_5, MARCH_6),
        tuple(SiteToVisit(key, 90) for key in "HCAFBGED"),
        road(gov=0, A=10, B=20, C=30, D=40, E=-10, F=-20, G=-30, H=-40),
    )
    began = monotonic()

    first = plan_route(problem, time_limit_seconds=60, solution_limit=100)
    second = plan_route(problem, time_limit_seconds=60, solution_limit=100)

    assert monotonic() - began < 30  # neither search ran to its time limit
    assert first == second
    assert first.unplaced == ()
    assert validate_schedule(problem, first) == []
