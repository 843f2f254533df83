"""Scoring forms on hand-worked columns: each form, both directions, and its degenerate case."""

from decimal import Decimal as D

import pytest

from guanmo.assessment.scoring import (
    Direction,
    benchmark_ratio,
    efficacy_coefficient,
    goalposts,
    mean_benchmark,
    min_max,
    rank_steps,
    target_met,
    z_score,
)

POS, NEG = Direction.POSITIVE, Direction.NEGATIVE


def test_min_max_puts_the_best_at_100_and_the_worst_at_0_in_either_direction():
    values = [D(10), D(20), D(30), None]
    assert min_max(values, POS) == [D(0), D(50), D(100), None]
    assert min_max(values, NEG) == [D(100), D(50), D(0), None]


def test_min_max_of_equal_values_gives_every_unit_full_marks():
    assert min_max([D(7), D(7), None], POS) == [D(100), D(100), None]
    assert min_max([None, None], NEG) == [None, None]


def test_efficacy_coefficient_is_60_plus_40_times_the_position():
    values = [D(10), D(15), D(30)]
    assert efficacy_coefficient(values, POS) == [D(60), D(70), D(100)]
    assert efficacy_coefficient(values, NEG) == [D(100), D(90), D(60)]


def test_efficacy_coefficient_with_a_set_floor_and_span():
    assert efficacy_coefficient([D(0), D(4)], POS, floor=D(50), span=D(50)) == [D(50), D(100)]
    assert efficacy_coefficient([D(3), D(3)], POS) == [D(100), D(100)]


def test_benchmark_ratio_is_capped_at_the_points():
    # 亩均税收 against a benchmark of 20万元: 45 points.
    values = [D(10), D(20), D(30), D(0)]
    assert benchmark_ratio(values, POS, points=D(45), benchmark=D(20)) == [
        D("22.5"),
        D(45),
        D(45),
        D(0),
    ]


def test_benchmark_ratio_for_a_value_where_less_is_better():
    # 单位能耗 against 0.5: 1.0 is twice the benchmark, half the points; 0.4 meets it.
    scores = benchmark_ratio([D("1.0"), D("0.4")], NEG, points=D(20), benchmark=D("0.5"))
    assert scores == [D(10), D(20)]


def test_a_zero_benchmark_is_met_or_scores_nothing_never_a_division():
    assert benchmark_ratio([D(0), D(3), D(-1)], POS, points=D(10), benchmark=D(0)) == [
        D(10),
        D(10),
        D(0),
    ]
    assert benchmark_ratio([D(0), D(2)], NEG, points=D(10), benchmark=D(0)) == [D(10), D(0)]


def test_benchmark_as_twice_last_years_mean():
    assert mean_benchmark([D(4), D(6), None]) == D(10)
    assert mean_benchmark([D(4), D(6)], factor=D("1.5")) == D("7.5")
    with pytest.raises(ValueError, match="上一周期没有任何数值"):
        mean_benchmark([None])


def test_target_met_gives_full_points_else_in_proportion():
    values = [D(120), D(75), None, D(5)]
    targets = [D(100), D(100), D(100), None]
    assert target_met(values, targets, POS, points=D(8)) == [D(8), D(6), None, None]
    with pytest.raises(ValueError, match="数目不一致"):
        target_met([D(1)], [], POS, points=D(8))


def test_rank_steps_take_a_percentage_off_each_place_and_share_it_when_tied():
    values = [D(90), D(80), D(90), D(70), D(10)]
    # ranks 1, 3, 1, 4, 5 → 10, 8, 10, 7, 6 at 10% of 10 points a place
    assert rank_steps(values, POS, points=D(10), step_percent=D(10)) == [
        D(10),
        D(8),
        D(10),
        D(7),
        D(6),
    ]
    assert rank_steps([D(1), D(2), D(3)], NEG, points=D(10), step_percent=D(60)) == [
        D(10),
        D(4),
        D(0),
    ]


def test_goalposts_are_fixed_and_clamp_outside_them():
    values = [D(-5), D(25), D(50), D(80)]
    assert goalposts(values, POS, low=D(0), high=D(50)) == [D(0), D(50), D(100), D(100)]
    assert goalposts(values, NEG, low=D(0), high=D(50)) == [D(100), D(50), D(0), D(0)]


def test_equal_goalposts_make_a_pass_mark_and_crossed_ones_are_refused():
    assert goalposts([D(5), D(4)], POS, low=D(5), high=D(5)) == [D(100), D(0)]
    assert goalposts([D(5), D(6)], NEG, low=D(5), high=D(5)) == [D(100), D(0)]
    with pytest.raises(ValueError, match="下限"):
        goalposts([D(1)], POS, low=D(2), high=D(1))


def test_z_score_uses_the_sample_standard_deviation():
    # mean 4, sample sd sqrt(((−2)² + 0 + 2²) ÷ 2) = 2
    values = [D(2), D(4), D(6), None]
    assert z_score(values, POS) == [D(-1), D(0), D(1), None]
    assert z_score(values, NEG, centre=D(100), spread=D(10)) == [D(110), D(100), D(90), None]


def test_z_score_of_equal_values_is_the_centre():
    assert z_score([D(3), D(3)], POS, centre=D(50)) == [D(50), D(50)]
    assert z_score([D(3)], POS) == [D(0)]
