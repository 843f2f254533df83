"""Deadlines and escalation dates: plain arithmetic on dates."""

from datetime import date, timedelta

import pytest

from guanmo.supervision.deadlines import (
    days_overdue,
    deadline_for,
    due_level,
    is_overdue,
    level_due_on,
    solved_on_time,
)

DEADLINE = date(2025, 5, 16)


def test_the_deadline_counts_from_the_day_raised():
    assert deadline_for(date(2025, 5, 6), 10) == DEADLINE
    assert deadline_for(date(2025, 12, 20), 15) == date(2026, 1, 4)


def test_a_problem_is_overdue_from_the_day_after_its_deadline():
    assert not is_overdue(DEADLINE, DEADLINE)
    assert is_overdue(DEADLINE, date(2025, 5, 17))
    assert days_overdue(DEADLINE, date(2025, 5, 10)) == 0
    assert days_overdue(DEADLINE, date(2025, 5, 20)) == 4


@pytest.mark.parametrize(
    ("today", "level"),
    [
        (date(2025, 5, 16), 0),  # the deadline itself
        (date(2025, 5, 17), 1),  # first overdue day: county office
        (date(2025, 5, 23), 1),  # seventh overdue day
        (date(2025, 5, 24), 2),  # eighth: city project office
        (date(2025, 5, 30), 2),
        (date(2025, 5, 31), 3),  # fifteenth: leader in charge
        (date(2025, 9, 1), 3),  # and no higher
    ],
)
def test_one_level_per_overdue_period_of_seven_days(today, level):
    assert due_level(DEADLINE, today, 7, has_leader=True) == level


def test_without_a_leader_in_charge_it_stops_at_the_city_office():
    assert due_level(DEADLINE, date(2025, 9, 1), 7, has_leader=False) == 2


def test_each_level_falls_due_on_the_day_due_level_reaches_it():
    for period in (1, 5, 7, 10):
        for level in (1, 2, 3):
            day = level_due_on(DEADLINE, level, period)
            assert due_level(DEADLINE, day, period, has_leader=True) == level
            before = day - timedelta(days=1)
            assert due_level(DEADLINE, before, period, has_leader=True) == level - 1
    assert level_due_on(DEADLINE, 2, 7) == date(2025, 5, 24)


def test_an_overdue_period_is_at_least_a_day():
    with pytest.raises(ValueError, match="至少为1天"):
        due_level(DEADLINE, date(2025, 6, 1), 0, has_leader=True)


def test_solved_on_time_means_on_or_before_the_deadline():
    assert solved_on_time(DEADLINE, DEADLINE)
    assert not solved_on_time(DEADLINE, date(2025, 5, 17))
    assert not solved_on_time(DEADLINE, None)
