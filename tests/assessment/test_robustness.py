"""The seeded Monte Carlo over weights, normalisation and aggregation: rank spread per unit."""

from dataclasses import replace
from decimal import Decimal as D

import numpy as np
import pytest

from guanmo.assessment.robustness import (
    Choices,
    RankSpread,
    SobolIndices,
    Verdict,
    assess_robustness,
    competition_ranks_per_run,
    rank_spread,
    score_tables,
    sensitivity,
    verdict_first,
    verdict_last,
)
from guanmo.assessment.scheme import Aggregation, Cycle, Form, Indicator, Scheme, assess
from guanmo.assessment.scoring import Direction

UNITS = ["甲县", "乙县", "丙县"]
# Scores on two indicators: 甲 and 乙 are level at equal weights, 丙 is ahead on both.
CLOSE = [[D(60), D(40)], [D(40), D(60)], [D(100), D(100)]]
WEIGHTS = {"规模": D("0.5"), "进度": D("0.5")}


def test_ranks_per_run_are_competition_ranks():
    ranks = competition_ranks_per_run(np.array([[3.0, 5.0, 5.0, 1.0], [1.0, 2.0, 3.0, 4.0]]))
    assert ranks.tolist() == [[3, 1, 1, 4], [4, 3, 2, 1]]


def test_with_no_variation_the_interval_is_the_point_rank():
    scores = [[D(70), D(40)], [D(40), D(60)], [D(100), D(100)]]  # 55, 50, 100
    spread = rank_spread(UNITS, [scores], WEIGHTS, Choices(weight_variation=D(0)), runs=50)
    assert spread == [
        RankSpread("甲县", D(2), (2, 2), D(0), D(0)),
        RankSpread("乙县", D(3), (3, 3), D(0), D(1)),
        RankSpread("丙县", D(1), (1, 1), D(1), D(0)),
    ]


def test_two_close_units_each_could_be_last():
    spread = {s.unit: s for s in rank_spread(UNITS, [CLOSE], WEIGHTS, runs=400, seed=7)}
    for unit in ("甲县", "乙县"):
        assert 0 < spread[unit].p_last < 1
        assert spread[unit].rank_interval == (2, 3)
    assert spread["丙县"] == RankSpread("丙县", D(1), (1, 1), D(1), D(0))


def test_a_seeded_run_reproduces_exactly_and_another_seed_differs():
    first = rank_spread(UNITS, [CLOSE], WEIGHTS, runs=200, seed=42)
    assert rank_spread(UNITS, [CLOSE], WEIGHTS, runs=200, seed=42) == first
    assert rank_spread(UNITS, [CLOSE], WEIGHTS, runs=200, seed=43) != first


def test_arithmetic_against_geometric_aggregation_can_swap_first_and_last():
    # 甲 100 and 0: 50 arithmetic, √(100 × 1) = 10 geometric (0 floored to 1); 乙 45 and 45.
    scores = [[D(100), D(0)], [D(45), D(45)]]
    spread = rank_spread(
        ["甲县", "乙县"],
        [scores],
        WEIGHTS,
        Choices(D(0), (Aggregation.ARITHMETIC, Aggregation.GEOMETRIC)),
        runs=300,
        seed=1,
    )
    assert spread[0].rank_interval == (1, 2)
    assert 0 < spread[0].p_first < 1
    assert spread[0].p_first + spread[1].p_first == 1


def test_the_normalisation_is_drawn_among_the_alternatives():
    forward = [[D(100), D(100)], [D(0), D(0)]]
    backward = [[D(0), D(0)], [D(100), D(100)]]
    spread = rank_spread(["甲县", "乙县"], [forward, backward], WEIGHTS, runs=300, seed=3)
    assert 0 < spread[0].p_last < 1
    assert spread[0].p_last + spread[1].p_last == 1


def test_adjustments_are_added_to_every_run():
    scores = [[D(50), D(50)], [D(51), D(51)]]
    spread = rank_spread(
        ["甲县", "乙县"], [scores], WEIGHTS, Choices(adjustments=(D(2), D(0))), runs=20, seed=0
    )
    assert spread[0].p_first == 1


def test_bad_shapes_and_methods_are_refused():
    with pytest.raises(ValueError, match="单位×指标"):
        rank_spread(UNITS, [CLOSE[:2]], WEIGHTS)
    with pytest.raises(ValueError, match="至少为1"):
        rank_spread(UNITS, [CLOSE], WEIGHTS, runs=0)
    with pytest.raises(ValueError, match="TOPSIS须提供各单位的原始数值"):
        rank_spread(UNITS, [CLOSE], WEIGHTS, Choices(aggregations=(Aggregation.TOPSIS,)))


# 甲 100 and 1: arithmetic 1 + 99 w ≥ 38 > 30 whatever the weights (w within 0.375…0.625),
# geometric 100^w ≤ 18 < 30; 乙 is 30 on both. Only the aggregation moves a rank.
ONLY_AGGREGATION = [[D(100), D(1)], [D(30), D(30)]]


def test_sobol_indices_put_first_the_only_choice_that_matters():
    indices = sensitivity(
        ["甲县", "乙县"],
        [ONLY_AGGREGATION],
        WEIGHTS,
        Choices(aggregations=(Aggregation.ARITHMETIC, Aggregation.GEOMETRIC)),
        seed=5,
    )
    assert set(indices) == {"weight:规模", "weight:进度", "normalisation", "aggregation"}
    aggregation = indices["aggregation"]
    assert aggregation.first_order > D("0.9") and aggregation.total_order > D("0.9")
    for name in ("weight:规模", "weight:进度", "normalisation"):
        assert indices[name].total_order < aggregation.first_order
    assert indices["normalisation"] == SobolIndices(D(0), D(0))


def test_sobol_indices_are_reproducible_and_zero_when_nothing_moves_a_rank():
    arguments = (["甲县", "乙县", "丙县"], [CLOSE], WEIGHTS)
    assert sensitivity(*arguments, seed=2) == sensitivity(*arguments, seed=2)
    still = sensitivity(["甲县", "乙县"], [[[D(90), D(90)], [D(10), D(10)]]], WEIGHTS, seed=2)
    assert all(index == SobolIndices(D(0), D(0)) for index in still.values())


COUNTIES = Scheme(
    (
        Indicator("投资完成率", D("0.5")),
        Indicator("问题办结天数", D("0.5"), direction=Direction.NEGATIVE),
    )
)
VALUES = {
    "甲县": {"投资完成率": D(60), "问题办结天数": D(10)},
    "乙县": {"投资完成率": D(40), "问题办结天数": D(8)},
    "丙县": {"投资完成率": D(100), "问题办结天数": D(2)},
    "丁县": {"投资完成率": D(20), "问题办结天数": D(20)},
}


def test_score_tables_rescore_data_driven_indicators_over_every_rated_unit():
    cycle = Cycle(VALUES, vetoed=frozenset({"丙县"}))
    alternative = (Form.EFFICACY_COEFFICIENT, {})
    own, efficacy = score_tables(COUNTIES, cycle, ["甲县", "丁县"], [alternative])
    # 投资完成率 min-max over 20…100 (the vetoed 丙县 sets the top): 甲 50; 天数 2…20: 甲 5/9.
    assert own[0][0] == D(50) and own[1] == [D(0), D(0)]
    assert efficacy[0][0] == D(80) and efficacy[1] == [D(60), D(60)]


def test_a_schemes_robustness_with_nothing_varied_is_its_own_ranking():
    cycle = Cycle(VALUES, vetoed=frozenset({"丙县"}))
    result = assess_robustness(COUNTIES, cycle, aggregations=(), weight_variation=D(0), runs=20)
    issued = {r.unit: r.rank for r in assess(COUNTIES, cycle).results}
    assert [s.unit for s in result.spreads] == ["甲县", "乙县", "丁县"]
    for spread in result.spreads:
        assert spread.rank_interval == (issued[spread.unit],) * 2
    assert all(index == SobolIndices(D(0), D(0)) for index in result.sensitivity.values())


def test_a_schemes_robustness_over_weights_normalisations_and_aggregations():
    result = assess_robustness(
        COUNTIES,
        Cycle(VALUES),
        alternatives=[(Form.Z_SCORE, {"centre": D(50), "spread": D(10)})],
        runs=200,
        seed=9,
    )
    spreads = {s.unit: s for s in result.spreads}
    assert spreads["丙县"].p_first == 1 and spreads["丁县"].p_last == 1
    assert set(result.sensitivity) == {
        "weight:投资完成率",
        "weight:问题办结天数",
        "normalisation",
        "aggregation",
    }
    assert assess_robustness(COUNTIES, Cycle(VALUES), runs=200, seed=9) == assess_robustness(
        COUNTIES, Cycle(VALUES), runs=200, seed=9
    )


def spread_of(unit, p_first, p_last):
    return RankSpread(unit, D(1), (1, 1), D(p_first), D(p_last))


def test_a_unit_is_named_last_only_when_p_last_reaches_the_threshold():
    spreads = [spread_of("甲县", 0, "0.55"), spread_of("乙县", 1, 0), spread_of("丙县", 0, "0.45")]
    assert verdict_last(spreads) == Verdict([], ["甲县", "丙县"])
    assert verdict_last(spreads, threshold=D("0.5")) == Verdict(["甲县"], ["甲县", "丙县"])
    assert verdict_first(spreads) == Verdict(["乙县"], ["乙县"])


def test_units_tied_last_in_every_run_are_both_named():
    spreads = [spread_of("甲县", 1, 0), spread_of("乙县", 0, 1), spread_of("丙县", 0, 1)]
    assert verdict_last(spreads) == Verdict(["乙县", "丙县"], ["乙县", "丙县"])


RAW = [[D(60), D(10)], [D(40), D(8)], [D(100), D(2)], [D(20), D(20)]]  # the counties' VALUES


def test_topsis_runs_rank_the_raw_values_as_the_scheme_does():
    directions = (Direction.POSITIVE, Direction.NEGATIVE)
    issued = assess(replace(COUNTIES, aggregation=Aggregation.TOPSIS), Cycle(VALUES))
    units = list(VALUES)
    spread = rank_spread(
        units,
        [[[D(0), D(0)]] * 4],  # the score table plays no part in a TOPSIS run
        {"投资完成率": D("0.5"), "问题办结天数": D("0.5")},
        Choices(D(0), (Aggregation.TOPSIS,), raw_values=RAW, directions=directions),
        runs=5,
    )
    assert [s.rank_interval for s in spread] == [(r.rank, r.rank) for r in issued.results]


def test_topsis_among_the_aggregations_of_a_schemes_robustness():
    scheme = replace(COUNTIES, aggregation=Aggregation.TOPSIS)
    result = assess_robustness(scheme, Cycle(VALUES), weight_variation=D(0), runs=50, seed=1)
    issued = {r.unit: r.rank for r in assess(scheme, Cycle(VALUES)).results}
    # TOPSIS is the scheme's own aggregation: its ranks lie within every interval.
    for spread in result.spreads:
        assert spread.rank_interval[0] <= issued[spread.unit] <= spread.rank_interval[1]
    assert set(result.sensitivity) == {
        "weight:投资完成率",
        "weight:问题办结天数",
        "normalisation",
        "aggregation",
    }


def test_each_run_draws_a_weighting_variant_of_a_data_driven_scheme():
    # Under the first variant 甲 leads (its strong indicator weighs 0.9), under the second 乙.
    scores = [[D(100), D(0)], [D(0), D(100)]]
    first = {"规模": D("0.9"), "进度": D("0.1")}
    second = {"规模": D("0.1"), "进度": D("0.9")}
    choices = Choices(D(0), weight_sets=(first, second))
    spread = rank_spread(["甲县", "乙县"], [scores], first, choices, runs=400, seed=4)
    assert 0 < spread[0].p_first < 1
    assert spread[0].p_first + spread[1].p_first == 1
    indices = sensitivity(["甲县", "乙县"], [scores], first, choices, seed=4)
    assert indices["weighting"].first_order > D("0.9")


def test_sobol_indices_can_take_every_weight_as_one_choice():
    # 甲 (61, 40) is 0.5 ahead of 乙 (40, 60) at equal weights, by either mean: the weights
    # alone decide their order. (At 60/40 the two are level, and on exact scores every run
    # moves one of them a place: a rank shift the same in every run, explained by nothing.)
    indices = sensitivity(
        ["甲县", "乙县", "丙县"],
        [[[D(61), D(40)], *CLOSE[1:]]],
        WEIGHTS,
        Choices(aggregations=(Aggregation.ARITHMETIC, Aggregation.GEOMETRIC), group_weights=True),
        seed=3,
    )
    assert set(indices) == {"weights", "normalisation", "aggregation"}
    assert indices["weights"].first_order > indices["aggregation"].first_order


# 甲 0, 乙 50, 丙 100 on a min-max indicator (mean 50, sample sd 50); the scheme's own Z分数
# on 增速 at 60 ± 10.
Z_SCHEME = Scheme(
    (
        Indicator("投资完成率", D("0.5")),
        Indicator(
            "增速", D("0.5"), form=Form.Z_SCORE, parameters={"centre": D(60), "spread": D(10)}
        ),
    )
)
Z_VALUES = {
    "甲县": {"投资完成率": D(0), "增速": D(1)},
    "乙县": {"投资完成率": D(50), "增速": D(2)},
    "丙县": {"投资完成率": D(100), "增速": D(3)},
}


def test_a_z_score_alternative_scores_on_the_schemes_own_stated_scale():
    """Issue 13: the Monte Carlo's Z分数 alternative scored at 0 ± 1 beside 0–100 scores."""
    units = ["甲县", "乙县", "丙县"]
    own, z = score_tables(Z_SCHEME, Cycle(Z_VALUES), units, [(Form.Z_SCORE, {})])
    assert [row[0] for row in own] == [0, 50, 100]
    assert [row[0] for row in z] == [50, 60, 70]  # 60 + 10 × (−1, 0, 1)
    stated = [(Form.Z_SCORE, {"centre": D(50), "spread": D(20)})]
    assert [row[0] for row in score_tables(Z_SCHEME, Cycle(Z_VALUES), units, stated)[1]] == [
        30, 50, 70,
    ]  # fmt: skip


def test_a_z_score_alternative_with_no_scale_to_take_is_refused():
    with pytest.raises(ValueError, match="标准化备选中的Z分数须写明中心和离散"):
        score_tables(COUNTIES, Cycle(VALUES), ["甲县"], [(Form.Z_SCORE, {})])
