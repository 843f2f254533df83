from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guanmo.figures.arithmetic import (
    among_ranked,
    competition_ranks,
    completion_rate,
    growth_rate,
    period_label,
    placed_ranks,
    points_vs_time_progress,
    tied,
    time_progress,
)


@pytest.mark.parametrize(
    ("month", "expected"), [(1, "8.3"), (4, "33.3"), (6, "50.0"), (8, "66.7"), (12, "100.0")]
)
def test_time_progress_is_months_over_twelve_to_one_decimal(month, expected):
    assert time_progress(month) == Decimal(expected)


@pytest.mark.parametrize("month", [0, 13])
def test_time_progress_refuses_a_month_outside_the_year(month):
    with pytest.raises(ValueError, match="月份"):
        time_progress(month)


def test_completion_rate_rounds_an_exact_half_up():
    # 3785 / 10000 = 37.85% exactly: half-up gives 37.9 (banker's rounding would give 37.8).
    assert completion_rate(Decimal("3785"), Decimal("10000")) == Decimal("37.9")
    assert completion_rate(Decimal("3775"), Decimal("10000")) == Decimal("37.8")
    assert completion_rate(Decimal("3784.99"), Decimal("10000")) == Decimal("37.8")


def test_completion_rate_is_undefined_without_a_plan():
    assert completion_rate(Decimal("120"), Decimal("0")) is None
    assert completion_rate(Decimal("120"), None) is None


def test_points_vs_time_progress_are_the_exact_gap_rounded_once():
    """较时间进度 as 较序时进度 (points_between): 520 of 3,200 after March is 16.25 − 25 =
    −8.75 → −8.8, where the shown 16.3 − 25.0 would say −8.7 (tryout 22); 378 of 1,000 after
    April 37.8 − 33.33… = 4.47 → 4.5; no plan, no gap."""
    assert points_vs_time_progress(Decimal(520), Decimal(3200), 3) == Decimal("-8.8")
    assert points_vs_time_progress(Decimal(378), Decimal(1000), 4) == Decimal("4.5")
    assert points_vs_time_progress(Decimal(300), Decimal(1000), 4) == Decimal("-3.3")
    assert points_vs_time_progress(Decimal(300), Decimal(1200), 3) == Decimal("0.0")
    assert points_vs_time_progress(Decimal(300), None, 4) is None
    assert points_vs_time_progress(Decimal(300), Decimal(0), 4) is None


def test_competition_ranks_share_a_place_and_skip_the_next():
    rates = [Decimal("40.1"), Decimal("52.0"), Decimal("40.1"), None, Decimal("12.5")]
    assert competition_ranks(rates) == [2, 1, 2, None, 4]


@pytest.mark.parametrize(("month", "label"), [(1, "1月"), (2, "1—2月"), (12, "1—12月")])
def test_period_label_uses_an_em_dash_after_january(month, label):
    assert period_label(month) == label


def test_lower_is_better_ranks_the_smallest_first_with_ties():
    # 赴京访批次: fewer is better; two counties with 3 批 share second place, the next is 4th.
    visits = [Decimal("5"), Decimal("3"), Decimal("1"), Decimal("3"), None]
    assert competition_ranks(visits, higher_is_better=False) == [4, 2, 1, 2, None]


def test_ties_mark_every_rank_shared_by_another():
    assert tied([2, 1, 2, None, 4]) == [True, False, True, False, False]


@pytest.mark.parametrize(
    ("value", "last_year", "expected"),
    [
        ("18", "27", "-33.3"),  # 赴京访批次 (seed): 9 fewer of 27 is −33.33…%
        ("31", "93", "-66.7"),  # 赴京访人次 (seed): 62 fewer of 93 is −66.66…%
        ("109", "100", "9.0"),
        ("100.05", "100", "0.1"),  # 0.05% exactly: half-up, away from zero
        ("99.95", "100", "-0.1"),
        ("100", "100", "0.0"),
    ],
)
def test_growth_rate_is_the_change_over_last_year_in_percent_to_one_decimal(
    value, last_year, expected
):
    assert growth_rate(Decimal(value), Decimal(last_year)) == Decimal(expected)


@pytest.mark.parametrize("last_year", [None, Decimal("0"), Decimal("-12")])
def test_growth_rate_is_undefined_without_a_positive_base(last_year):
    assert growth_rate(Decimal("18"), last_year) is None
    assert growth_rate(None, Decimal("27")) is None


@given(st.lists(st.one_of(st.none(), st.integers(-50, 50).map(Decimal)), max_size=30))
def test_lower_is_better_ranks_are_the_ranks_of_the_negated_figures(values):
    negated = [None if value is None else -value for value in values]
    lower = competition_ranks(values, higher_is_better=False)
    assert lower == competition_ranks(negated)
    # A competition rank is one more than the number of strictly better figures.
    present = [value for value in values if value is not None]
    for value, rank in zip(values, lower, strict=True):
        expected = None if value is None else 1 + sum(other < value for other in present)
        assert rank == expected


def test_places_are_counted_among_those_ranked_only_when_some_are_not():
    # 18 cities, 3 with a figure: places are said among 3; all 3 of 3 ranked: among the whole.
    assert among_ranked([2, None, 1, None, 3] + [None] * 13, 18) == 3
    assert among_ranked([2, 1, 3], 3) is None
    assert among_ranked([None, None], 2) == 0


def test_a_place_among_one_is_no_place():
    # One member of a group of 18 with a figure is first of one: no place is said at all.
    assert placed_ranks([None, 1, None]) == [None, None, None]
    assert placed_ranks([1]) == [None]
    assert placed_ranks([2, None, 1]) == [2, None, 1]
    assert placed_ranks([1, 2]) == [1, 2]


def test_a_place_shared_by_every_member_ranked_is_no_place():
    # All ranked members tie (eight towns with 0 villages delisted): 并列第1位 says nothing.
    assert placed_ranks([1, 1]) == [None, None]
    assert placed_ranks([1, None, 1, 1]) == [None, None, None, None]
    assert placed_ranks([1, 1, 3]) == [1, 1, 3]
