"""Aggregation on hand-worked units: arithmetic, geometric with its floor, TOPSIS, 加分/扣分."""

from decimal import Decimal as D

import pytest

from guanmo.assessment.aggregation import (
    AdjustmentRule,
    adjust,
    contributions,
    topsis,
    weighted_arithmetic,
    weighted_geometric,
)
from guanmo.assessment.scoring import Direction

POS, NEG = Direction.POSITIVE, Direction.NEGATIVE
WEIGHTS = {"规模": D("0.4"), "进度": D("0.6")}


def test_weighted_arithmetic_is_the_sum_of_each_indicators_points():
    scores = {"规模": D(80), "进度": D(90)}
    assert contributions(scores, WEIGHTS) == {"规模": D(32), "进度": D(54)}
    assert weighted_arithmetic(scores, WEIGHTS) == D(86)


def test_a_missing_score_is_refused_not_read_as_zero():
    with pytest.raises(ValueError, match="长垣市缺少指标“进度”的得分"):
        weighted_arithmetic({"规模": D(80), "进度": None}, WEIGHTS, unit="长垣市")


def test_weighted_geometric_mean():
    # 16^0.5 × 81^0.5 = 4 × 9 = 36 (weights 1:1 normalised to ½, ½)
    scores = {"a": D(16), "b": D(81)}
    assert weighted_geometric(scores, {"a": D(1), "b": D(1)}).quantize(D("1e-20")) == D(36)
    # 8^(1/3) × 64^(2/3) = 2 × 16 = 32
    third = D(1) / 3
    result = weighted_geometric({"a": D(8), "b": D(64)}, {"a": third, "b": 1 - third})
    assert abs(result - D(32)) < D("1e-20")


def test_the_geometric_floor_keeps_one_zero_from_zeroing_the_composite():
    # 0 is raised to the floor 1: 1^0.5 × 100^0.5 = 10; at floor 4: 2 × 10 = 20.
    scores = {"a": D(0), "b": D(100)}
    weights = {"a": D(1), "b": D(1)}
    assert abs(weighted_geometric(scores, weights) - D(10)) < D("1e-20")
    assert abs(weighted_geometric(scores, weights, floor=D(4)) - D(20)) < D("1e-20")
    with pytest.raises(ValueError, match="下限应大于零"):
        weighted_geometric(scores, weights, floor=D(0))


def test_topsis_with_vector_normalisation_on_a_hand_worked_case():
    # Columns a = 3, 4 (norm 5) and b = 4, 3 (norm 5), equal weights ½:
    # v = (0.3, 0.4), (0.4, 0.3). a 正向, b 负向: ideal (0.4, 0.3), anti-ideal (0.3, 0.4).
    # Unit 1 is the anti-ideal (C = 0), unit 2 the ideal (C = 1).
    rows = [{"a": D(3), "b": D(4)}, {"a": D(4), "b": D(3)}]
    weights = {"a": D(1), "b": D(1)}
    assert topsis(rows, weights, {"a": POS, "b": NEG}) == [D(0), D(1)]
    # Both 正向: ideal (0.4, 0.4), anti (0.3, 0.3); each unit 0.1 from both: C = ½.
    assert topsis(rows, weights, {"a": POS, "b": POS}) == [D("0.5"), D("0.5")]


def test_topsis_of_a_middle_unit_and_of_equal_units():
    # One indicator 0, 5, 10 (norm √125): the middle unit is halfway, C = ½.
    rows = [{"a": D(0)}, {"a": D(5)}, {"a": D(10)}]
    closeness = topsis(rows, {"a": D(1)}, {"a": POS})
    assert closeness[0] == 0 and closeness[2] == 1
    assert abs(closeness[1] - D("0.5")) < D("1e-25")
    assert topsis([{"a": D(0)}, {"a": D(0)}], {"a": D(1)}, {"a": POS}) == [D(1), D(1)]


RULES = [
    AdjustmentRule("较大安全事故", D(-1), cap=D(3)),
    AdjustmentRule("督查发现问题", D("-0.3")),
    AdjustmentRule("国家级荣誉", D("0.5"), cap=D(1)),
    AdjustmentRule("省级荣誉", D("0.2")),
]


def test_each_adjustment_item_is_capped():
    result = adjust({"较大安全事故": 5, "督查发现问题": 2, "国家级荣誉": 3}, RULES)
    assert result.items == {"较大安全事故": D(-3), "督查发现问题": D("-0.6"), "国家级荣誉": D(1)}
    assert result.bonus == D(1)
    assert result.deduction == D("-3.6")
    assert result.total == D("-2.6")


def test_bonuses_and_deductions_together_are_capped_by_the_scheme():
    result = adjust(
        {"国家级荣誉": 2, "省级荣誉": 4, "较大安全事故": 2, "督查发现问题": 10},
        RULES,
        bonus_cap=D("1.5"),
        deduction_cap=D(4),
    )
    assert result.items["省级荣誉"] == D("0.8")
    assert result.bonus == D("1.5")  # 1 + 0.8 capped at 1.5
    assert result.deduction == D(-4)  # −2 − 3 capped at 4
    assert result.total == D("-2.5")


def test_unknown_items_and_negative_counts_are_refused():
    with pytest.raises(ValueError, match="没有加减分事项“环保约谈”"):
        adjust({"环保约谈": 1}, RULES)
    with pytest.raises(ValueError, match="不能为负数"):
        adjust({"省级荣誉": -1}, RULES)
    assert adjust({}, RULES).total == 0
