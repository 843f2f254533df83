"""Ordering a tour's sites over its days with OR-Tools: least travel, nothing dropped that fits."""

from datetime import date, time
from time import monotonic

from guanmo.observation.route_repair import repaired
from guanmo.observation.routing import _search, plan_route
from guanmo.observation.schedule import (
    RouteProblem,
    SiteToVisit,
    TourDay,
    arrange,
    county_blocks,
    split_counties,
    validate_schedule,
)
from guanmo.observation.travel import MatrixTravel
from tests.observation.test_schedule import road

SECONDS = 1
MARCH_5 = TourDay(date(2025, 3, 5))
MARCH_6 = TourDay(date(2025, 3, 6))

# Four sites along one road from the government offices, asked for out of order.
ONE_ROAD = RouteProblem(
    "gov",
    (MARCH_5,),
    tuple(SiteToVisit(key) for key in ("C", "A", "D", "B")),
    road(gov=0, A=10, B=20, C=30, D=40),
)


def planned(problem: RouteProblem):
    schedule = plan_route(problem, time_limit_seconds=SECONDS)
    assert validate_schedule(problem, schedule) == []
    return schedule


def test_sites_along_one_road_are_visited_out_and_back():
    problem = ONE_ROAD
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


def test_a_countys_sites_are_visited_in_one_block_though_the_road_would_pass_between():
    # 甲县 lies at both ends of the road and 乙县 between: the shortest tour (80 minutes: out
    # to one end and over to the other) meets each county twice. Keeping each whole takes
    # 100 minutes (one county, then across to the other), and is what counts.
    problem = RouteProblem(
        "gov",
        (MARCH_5,),
        (
            SiteToVisit("X1", county="甲县"),
            SiteToVisit("X2", county="甲县"),
            SiteToVisit("Y1", county="乙县"),
            SiteToVisit("Y2", county="乙县"),
        ),
        road(gov=0, X1=-20, Y1=-10, Y2=10, X2=20),
    )
    schedule = planned(problem)

    assert county_blocks(problem, schedule) == {"甲县": [1], "乙县": [1]}
    assert schedule.travel_minutes == 100
    assert split_counties(problem, schedule) == []


def test_a_county_too_big_for_one_morning_is_split_and_the_planner_says_so():
    # A 120-minute morning holds two 50-minute visits 5 minutes out, not three.
    mornings = tuple(TourDay(date(2025, 3, d), end=time(10)) for d in (5, 6))
    problem = RouteProblem(
        "gov",
        mornings,
        (
            *(SiteToVisit(key, 50, county="甲县") for key in ("X1", "X2", "X3")),
            SiteToVisit("Y1", 20, county="乙县"),
        ),
        road(gov=0, X1=5, X2=-5, X3=5, Y1=-6),
    )
    schedule = planned(problem)

    assert schedule.unplaced == ()
    assert sorted(county_blocks(problem, schedule)["甲县"]) == [1, 2]
    assert split_counties(problem, schedule) == [
        "甲县的观摩点未能在同一天连续安排，分2段（第1天、第2天）"
    ]


def test_sites_left_out_by_the_search_are_placed_where_a_day_can_hold_them():
    """The repair alone: a schedule that leaves out a site a day has room for gets it placed,
    and one whose days are full keeps it out."""
    problem = RouteProblem(
        "gov",
        (TourDay(date(2025, 3, 5), end=time(10)),),
        tuple(SiteToVisit(key) for key in "ABCD"),
        road(gov=0, A=10, B=20, C=30, D=-10),
    )
    sparse = arrange(problem, [["A", "B"]])

    schedule = repaired(problem, sparse, rounds=10)

    # 120 minutes hold three 20-minute stays and 60 on the road: A, B, C out and back.
    assert validate_schedule(problem, schedule) == []
    assert len(schedule.unplaced) == 1
    assert schedule.travel_minutes == 60


def test_a_followed_search_reports_its_seconds_then_the_repair():
    problem = ONE_ROAD
    reports = []
    plan_route(problem, time_limit_seconds=2, progress=lambda *said: reports.append(said))

    assert reports[0] == (0, 3, "正在搜索路线")
    assert any(message.startswith("正在搜索路线，已找到1个可行方案") for *_, message in reports)
    assert reports[-1] == (2, 3, "正在调整未能安排的观摩点")
    done = [step for step, *_ in reports]
    assert done == sorted(done) and all(step < total for step, total, _ in reports)
