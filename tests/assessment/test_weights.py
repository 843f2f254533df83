"""Weights by hand, equal, entropy (against a hand-computed fixture) and CRITIC."""

from decimal import Decimal as D

import pytest

from guanmo.assessment.scoring import Direction
from guanmo.assessment.weights import (
    EntropyDirection,
    EntropyNormalisation,
    EntropyVariant,
    ZeroRule,
    by_hand,
    critic,
    entropy,
    equal,
    tree_weights,
)

POS, NEG = Direction.POSITIVE, Direction.NEGATIVE
PLACES = D("1e-20")


def close(a: D, b: D) -> bool:
    return abs(a - b) < PLACES


def test_weights_by_hand_are_normalised():
    assert by_hand({"规模": 20, "进度": 30, "质量": 50}) == {
        "规模": D("0.2"),
        "进度": D("0.3"),
        "质量": D("0.5"),
    }
    with pytest.raises(ValueError, match="权重为负数"):
        by_hand({"规模": -1, "进度": 2})
    with pytest.raises(ValueError, match="合计为零"):
        by_hand({"规模": 0})


def test_two_level_weights_multiply_down_the_tree():
    tree = {
        "项目建设": (60, {"投资完成率": 2, "新开工率": 1, "竣工率": 1}),
        "服务保障": (40, {"问题办结率": 1}),
    }
    assert tree_weights(tree) == {
        "投资完成率": D("0.3"),
        "新开工率": D("0.15"),
        "竣工率": D("0.15"),
        "问题办结率": D("0.4"),
    }
    with pytest.raises(ValueError, match="“竣工率”在多个一级指标下重复"):
        tree_weights({"甲": (1, {"竣工率": 1}), "乙": (1, {"竣工率": 1})})


def test_equal_weights():
    assert equal(["a", "b", "c", "d"]) == {name: D("0.25") for name in "abcd"}
    with pytest.raises(ValueError, match="没有指标"):
        equal([])


# Hand-computed fixture, three units. A = 0, 1, 2 → min-max 0, ½, 1 → shares 0, ⅓, ⅔:
# e_A = −(⅓ ln ⅓ + ⅔ ln ⅔) ÷ ln 3 = 1 − 2 ln 2 ÷ (3 ln 3).
# B = 5, 9, 9 → min-max 0, 1, 1 → shares 0, ½, ½: e_B = ln 2 ÷ ln 3.
# d_A = 2 ln 2 ÷ (3 ln 3), d_B = (ln 3 − ln 2) ÷ ln 3, so
# w_A = ⅔ ln 2 ÷ (ln 3 − ⅓ ln 2) = 0.532639…, w_B = 1 − w_A = 0.467361….
def test_entropy_weights_match_the_hand_computed_fixture():
    result = entropy({"A": [D(0), D(1), D(2)], "B": [D(5), D(9), D(9)]}, {"A": POS, "B": POS})
    ln2, ln3 = D(2).ln(), D(3).ln()
    w_a = (D(2) / 3 * ln2) / (ln3 - ln2 / 3)
    assert close(result.weights["A"], w_a)
    assert close(result.weights["B"], 1 - w_a)
    assert result.weights["A"].quantize(D("0.000001")) == D("0.532639")
    assert close(result.entropy["B"], ln2 / ln3)
    assert close(result.divergence["A"], 2 * ln2 / (3 * ln3))
    assert result.variant.as_dict() == {
        "normalisation": "min_max",
        "shift": "0",
        "zero_rule": "0·ln0=0",
        "direction": "reversed",
    }


def test_entropy_reverses_a_negative_indicator_only_when_the_variant_says_so():
    # A reversed (2, 1, 0) has shares ⅔, ⅓, 0: the same entropy as A = 0, 1, 2 forward.
    columns = {"A": [D(2), D(1), D(0)], "B": [D(5), D(9), D(9)]}
    reversed_ = entropy(columns, {"A": NEG, "B": POS})
    assert reversed_.weights["A"].quantize(D("0.000001")) == D("0.532639")
    # Ignoring direction, A's min-max is 1, ½, 0: the same shares in another order.
    ignored = entropy(
        columns, {"A": NEG, "B": POS}, EntropyVariant(direction=EntropyDirection.IGNORED)
    )
    assert close(ignored.weights["A"], reversed_.weights["A"])
    # B reversed: 1, 0, 0 — one share of 1, entropy 0, all the divergence.
    flipped = entropy(columns, {"A": NEG, "B": NEG})
    assert flipped.entropy["B"] == 0
    assert flipped.weights["B"] > flipped.weights["A"]


def test_entropy_on_raw_shares_and_with_a_shift():
    # Raw shares of 1, 1, 2 are ¼, ¼, ½: e = (½ ln 4 + ½ ln 2) ÷ ln 3 = 1.5 ln 2 ÷ ln 3.
    variant = EntropyVariant(
        normalisation=EntropyNormalisation.SHARE, direction=EntropyDirection.IGNORED
    )
    result = entropy(
        {"A": [D(1), D(1), D(2)], "B": [D(3), D(3), D(3)]}, {"A": POS, "B": POS}, variant
    )
    assert close(result.entropy["A"], D("1.5") * D(2).ln() / D(3).ln())
    assert result.entropy["B"] == 1
    assert result.weights == {"A": D(1), "B": D(0)}
    shifted = entropy({"A": [D(0), D(1)]}, {"A": POS}, EntropyVariant(shift=D(1)))
    # min-max 0, 1 shifted to 1, 2: shares ⅓, ⅔
    third = D(1) / 3
    assert close(
        shifted.entropy["A"], -(third * third.ln() + (1 - third) * (1 - third).ln()) / D(2).ln()
    )


def test_entropy_degenerate_and_refused_cases():
    all_equal = entropy({"A": [D(4), D(4)], "B": [D(1), D(1)]}, {"A": POS, "B": POS})
    assert all_equal.weights == {"A": D("0.5"), "B": D("0.5")}
    with pytest.raises(ValueError, match="县二缺少指标“A”"):
        entropy({"A": [D(1), None]}, {"A": POS}, units=["县一", "县二"])
    with pytest.raises(ValueError, match="少于2个"):
        entropy({"A": [D(1)]}, {"A": POS})
    with pytest.raises(ValueError, match="有负值"):
        entropy(
            {"A": [D(-1), D(1)]},
            {"A": POS},
            EntropyVariant(normalisation=EntropyNormalisation.SHARE),
        )
    with pytest.raises(ValueError, match="零值"):
        entropy({"A": [D(0), D(1)]}, {"A": POS}, EntropyVariant(zero_rule=ZeroRule.REFUSE))


# CRITIC fixture: A = 0, 1, 2 → 0, ½, 1 (σ = ½); B = 0, 0, 1 (σ = 1/√3); r_AB = √3/2.
# C_A = ½(1 − √3/2), C_B = (1/√3)(1 − √3/2), so w_A = ½ ÷ (½ + 1/√3) = 2√3 − 3 = 0.46410….
def test_critic_weights_match_the_hand_computed_fixture():
    weights = critic({"A": [D(0), D(1), D(2)], "B": [D(0), D(0), D(1)]}, {"A": POS, "B": POS})
    root3 = D(3).sqrt()
    assert close(weights["A"], 2 * root3 - 3)
    assert close(weights["B"], 4 - 2 * root3)


def test_critic_gives_a_constant_indicator_no_weight_and_reverses_negative_ones():
    columns = {"A": [D(0), D(1), D(2)], "B": [D(9), D(9), D(8)], "C": [D(7), D(7), D(7)]}
    weights = critic(columns, {"A": POS, "B": NEG, "C": POS})
    root3 = D(3).sqrt()
    assert close(weights["A"], 2 * root3 - 3)
    assert weights["C"] == 0
    assert critic({"A": [D(1), D(1)], "B": [D(2), D(2)]}, {"A": POS, "B": POS}) == {
        "A": D("0.5"),
        "B": D("0.5"),
    }


# The |r| variant: A = 0, ½, 1; B = 1, 0, 0; C = 0, 0, 1 (σ_B = σ_C = 1/√3), r_AB = −√3/2,
# r_AC = √3/2, r_BC = −½. With 1 − |r|: C_A = ½(2 − √3) = 1 − √3/2, C_B = C_C = (1/√3)(1 − √3/2
# + ½) = √3/2 − ½; Σ C = √3/2, so w_A = 2/√3 − 1 = 0.1547… and B, C share the rest. With 1 − r,
# B (opposed to both others) weighs more than C.
def test_critic_with_absolute_correlations_counts_opposed_indicators_as_redundant():
    columns = {"A": [D(0), D(1), D(2)], "B": [D(1), D(0), D(0)], "C": [D(0), D(0), D(1)]}
    directions = {"A": POS, "B": POS, "C": POS}
    weights = critic(columns, directions, absolute=True)
    assert close(weights["A"], 2 / D(3).sqrt() - 1)
    assert close(weights["B"], weights["C"])
    plain = critic(columns, directions)
    assert plain["B"] > plain["C"]
