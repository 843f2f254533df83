"""A tour's day plans: timing a hand-made order, and the checks every schedule must pass."""

from dataclasses import replace
from datetime import date, datetime, time
from decimal import Decimal

import pytest

from guanmo.observation.schedule import (
    DayPlan,
    Lunch,
    RouteProblem,
    Schedule,
    SiteToVisit,
    Stop,
    TourDay,
    arrange,
    validate_schedule,
)
from guanmo.observation.travel import MatrixTravel

MARCH_5 = TourDay(date(2025, 3, 5))
MARCH_6 = TourDay(date(2025, 3, 6))


def road(**positions: int) -> MatrixTravel:
    """Places along one straight road, at so many minutes (and kilometres) from its start."""
    gaps = {(a, b): abs(positions[a] - positions[b]) for a in positions for b in positions}
    return MatrixTravel(tuple(positions), gaps, {pair: Decimal(gap) for pair, gap in gaps.items()})


def tour(*sites: SiteToVisit, days=(MARCH_5, MARCH_6)) -> RouteProblem:
    return RouteProblem(
        start="gov",
        days=days,
        sites=sites,
        travel=road(gov=0, A=10, B=30, C=40, D=50),
        start_name="市政府",
    )


PROBLEM = tour(SiteToVisit("A", 60), SiteToVisit("B", 150), SiteToVisit("C", 60), SiteToVisit("D"))


def at(hour: int, minute: int = 0, day: int = 5) -> datetime:
    return datetime(2025, 3, day, hour, minute)


# 市政府 08:00 → A 08:10–09:10 → B 09:30–12:00, lunch at B 12:00–13:00 → C 13:10–14:10
# → 市政府 14:50; D left out; nothing on 6 March.
GOOD = Schedule(
    days=(
        DayPlan(
            day=MARCH_5,
            leave=at(8),
            stops=(
                Stop("A", at(8, 10), at(9, 10), 10, Decimal(10)),
                Stop("B", at(9, 30), at(12), 20, Decimal(20)),
                Stop("C", at(13, 10), at(14, 10), 10, Decimal(10)),
            ),
            lunch=Lunch(at(12), at(13), after="B"),
            back=at(14, 50),
            back_travel_minutes=40,
            back_distance_km=Decimal(40),
        ),
        DayPlan(MARCH_6, at(8, day=6), (), None, at(8, day=6), 0, Decimal(0)),
    ),
    unplaced=("D",),
)


def with_stop(schedule: Schedule, index: int, **changes) -> Schedule:
    first = schedule.days[0]
    stops = list(first.stops)
    stops[index] = replace(stops[index], **changes)
    return with_day(schedule, stops=tuple(stops))


def with_day(schedule: Schedule, **changes) -> Schedule:
    return replace(schedule, days=(replace(schedule.days[0], **changes), *schedule.days[1:]))


def test_a_schedule_keeping_every_rule_has_no_faults():
    assert validate_schedule(PROBLEM, GOOD) == []


def test_totals_add_every_leg_including_the_way_back():
    assert GOOD.travel_minutes == 80
    assert GOOD.distance_km == Decimal(80)
    assert GOOD.order == (("A", "B", "C"), ())


# Timing a hand-made order


def test_arrange_times_an_order_at_the_earliest_with_lunch_where_it_delays_least():
    assert arrange(PROBLEM, [["A", "B", "C"], []]) == GOOD


def test_moving_a_site_to_another_day_recomputes_both_days():
    schedule = arrange(PROBLEM, [["A", "C"], ["B"]])

    first, second = schedule.days
    assert [(stop.site, stop.arrival, stop.departure) for stop in first.stops] == [
        ("A", at(8, 10), at(9, 10)),
        ("C", at(9, 40), at(10, 40)),
    ]
    assert first.back == at(11, 20)
    # Back before noon: lunch at the start point once the window opens.
    assert first.lunch == Lunch(at(12), at(13), after="C")
    assert [(stop.site, stop.arrival, stop.departure) for stop in second.stops] == [
        ("B", at(8, 30, day=6), at(11, day=6)),
    ]
    assert second.back == at(11, 30, day=6)
    assert schedule.unplaced == ("D",)
    assert validate_schedule(PROBLEM, schedule) == []


def test_lunch_may_wait_for_the_drive_so_the_stay_begins_after_it():
    problem = tour(SiteToVisit("A", 60), SiteToVisit("B", 140), SiteToVisit("C", 60))
    day = arrange(problem, [["A", "B", "C"]]).days[0]

    # B ends 11:50; driving on first and lunching at C brings the panel back 10 minutes sooner
    # than waiting at B for noon.
    assert day.lunch == Lunch(at(12), at(13), after="B")
    assert day.stops[2].arrival == at(13)
    assert day.back == at(14, 40)


def test_what_does_not_fit_in_the_day_goes_to_unplaced_from_the_first_that_does_not():
    morning = TourDay(date(2025, 3, 6), end=time(11, 30))
    problem = replace(PROBLEM, days=(MARCH_5, morning))
    schedule = arrange(problem, [["A"], ["B", "C", "D"]])

    # B is back at 11:30 sharp; C would bring the panel back at 12:50.
    assert schedule.order == (("A",), ("B",))
    assert schedule.unplaced == ("C", "D")
    assert schedule.days[1].lunch is None  # the morning does not hold the lunch window
    assert validate_schedule(problem, schedule) == []


def test_a_site_put_on_a_day_other_than_its_pinned_day_is_unplaced():
    problem = tour(SiteToVisit("A", pinned_day=1), SiteToVisit("B"))
    schedule = arrange(problem, [["A", "B"], []])

    assert schedule.order == (("B",), ())
    assert schedule.unplaced == ("A",)


def test_sites_in_no_days_order_are_unplaced_in_the_problems_order():
    assert arrange(PROBLEM, [["C"]]).unplaced == ("A", "B", "D")


def test_an_order_naming_an_unknown_or_doubled_site_is_refused():
    with pytest.raises(ValueError, match="不是本次观摩的点位：X"):
        arrange(PROBLEM, [["A", "X"]])
    with pytest.raises(ValueError, match="点位排了不止一次：A"):
        arrange(PROBLEM, [["A"], ["A"]])


# Each rule broken once


def test_a_site_neither_placed_nor_unplaced():
    assert validate_schedule(PROBLEM, replace(GOOD, unplaced=())) == [
        "「D」既没有排入行程，也没有列为未安排"
    ]


def test_a_site_listed_twice():
    assert validate_schedule(PROBLEM, replace(GOOD, unplaced=("D", "A"))) == ["「A」出现了2次"]


def test_a_site_not_in_the_tour():
    assert validate_schedule(PROBLEM, replace(GOOD, unplaced=("D", "X"))) == [
        "「X」不是本次观摩的点位"
    ]


def test_a_pinned_site_on_another_day():
    pinned = replace(PROBLEM, sites=(replace(PROBLEM.sites[0], pinned_day=1), *PROBLEM.sites[1:]))
    assert validate_schedule(pinned, GOOD) == ["「A」限定在第2天，却排在第1天"]


def test_a_schedule_with_the_wrong_number_of_days():
    assert validate_schedule(PROBLEM, replace(GOOD, days=GOOD.days[:1])) == [
        "行程有1天，而观摩安排的是2天"
    ]


def test_setting_off_before_the_day_starts():
    assert validate_schedule(PROBLEM, with_day(GOOD, leave=at(7, 50))) == [
        "第1天出发时间07:50早于当天开始时间08:00"
    ]


def test_coming_back_after_the_day_ends():
    assert validate_schedule(PROBLEM, with_day(GOOD, back=at(18, 10))) == [
        "第1天返回时间18:10晚于当天结束时间18:00"
    ]


def test_a_stay_cut_short():
    assert validate_schedule(PROBLEM, with_stop(GOOD, 2, departure=at(14))) == [
        "「C」的停留时间应为60分钟，而安排的是50分钟"
    ]


def test_travel_minutes_not_as_the_travel_times_say():
    assert validate_schedule(PROBLEM, with_stop(GOOD, 0, travel_minutes=12)) == [
        "「市政府」到「A」的车程应为10分钟，而记的是12分钟"
    ]


def test_a_distance_not_as_the_travel_times_say():
    assert validate_schedule(PROBLEM, with_stop(GOOD, 0, distance_km=Decimal(11))) == [
        "「市政府」到「A」的距离应为10公里，而记的是11公里"
    ]


def test_arriving_sooner_than_the_drive_allows():
    early = with_stop(GOOD, 1, arrival=at(9, 20), departure=at(11, 50))
    assert validate_schedule(PROBLEM, early) == ["09:10从「A」出发，车程20分钟，09:20到不了「B」"]


def test_coming_back_sooner_than_the_drive_allows():
    assert validate_schedule(PROBLEM, with_day(GOOD, back=at(14, 40))) == [
        "14:10从「C」出发，车程40分钟，14:40到不了「市政府」"
    ]


def test_a_day_with_visits_and_the_lunch_window_but_no_lunch():
    assert validate_schedule(PROBLEM, with_day(GOOD, lunch=None)) == ["第1天没有安排午餐"]


def test_lunch_outside_its_window():
    later = replace(MARCH_5, lunch_from=time(12, 10), lunch_to=time(13, 40))
    problem = replace(PROBLEM, days=(later, MARCH_6))
    assert validate_schedule(problem, with_day(GOOD, day=later)) == [
        "第1天的午餐12:00—13:00不在12:10—13:40之内"
    ]


def test_lunch_of_the_wrong_length():
    short = with_day(GOOD, lunch=Lunch(at(12), at(12, 45), after="B"))
    assert validate_schedule(PROBLEM, short) == ["第1天的午餐应为60分钟，而安排的是45分钟"]


def test_lunch_on_another_day():
    # Two days' lunches on one date: the first day's lunch was put on 6 March.
    elsewhere = with_day(GOOD, lunch=Lunch(at(12, day=6), at(13, day=6), after="C"))
    assert validate_schedule(PROBLEM, elsewhere) == ["第1天的午餐不在当天（3月5日）"]


def test_lunch_overlapping_a_stay():
    longer_b = replace(
        PROBLEM,
        sites=(PROBLEM.sites[0], replace(PROBLEM.sites[1], stay_minutes=180), *PROBLEM.sites[2:]),
    )
    overlapping = with_day(
        with_stop(GOOD, 1, departure=at(12, 30)), lunch=Lunch(at(12), at(13), after="A")
    )
    assert validate_schedule(longer_b, overlapping) == ["第1天的午餐与「B」的停留时间重叠"]


def test_lunch_on_the_road():
    # B ends 12:00 and C begins 13:10: a 10-minute drive fits before or after lunch, but a
    # lunch from 12:05 leaves five minutes on each side.
    on_the_road = with_day(GOOD, lunch=Lunch(at(12, 5), at(13, 5), after="B"))
    assert validate_schedule(PROBLEM, on_the_road) == ["第1天的午餐与「B」到「C」的路程重叠"]


def test_lunch_recorded_after_the_wrong_stop():
    misplaced = with_day(GOOD, lunch=Lunch(at(12), at(13), after="A"))
    assert validate_schedule(PROBLEM, misplaced) == [
        "第1天的午餐应记在「B」之后，而记的是「A」之后"
    ]


def test_lunch_on_a_day_whose_hours_do_not_hold_the_window():
    morning = TourDay(date(2025, 3, 6), end=time(11, 30))
    problem = replace(PROBLEM, days=(MARCH_5, morning))
    schedule = arrange(problem, [["A", "B", "C"], ["D"]])
    with_lunch = replace(
        schedule,
        days=(
            schedule.days[0],
            replace(schedule.days[1], lunch=Lunch(at(12, day=6), at(13, day=6), after="D")),
        ),
    )
    assert validate_schedule(problem, schedule) == []
    assert validate_schedule(problem, with_lunch) == [
        "第2天的时段08:00—11:30不含午餐时间，不应安排午餐"
    ]
