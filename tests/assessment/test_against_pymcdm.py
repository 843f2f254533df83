"""Entropy, CRITIC and TOPSIS against a maintained MCDA package (pymcdm, test-only), on data
where the variants agree: no zero share (pymcdm counts a column with a zero as entropy 0, where
Guanmo's default takes 0·ln0 = 0) and 正向 indicators (pymcdm's entropy ignores direction)."""

from decimal import Decimal as D

import numpy as np
from pymcdm.methods import TOPSIS
from pymcdm.normalizations import vector_normalization
from pymcdm.weights import critic_weights, entropy_weights

from guanmo.assessment.aggregation import topsis
from guanmo.assessment.scoring import Direction
from guanmo.assessment.weights import (
    EntropyDirection,
    EntropyNormalisation,
    EntropyVariant,
    critic,
    entropy,
)

NAMES = ["投资完成率", "新开工率", "问题办结天数", "亩均税收"]
MATRIX = [
    [D("87.5"), D("62.0"), D("12"), D("21.4")],
    [D("64.2"), D("80.5"), D("30"), D("9.8")],
    [D("99.1"), D("45.3"), D("7"), D("33.0")],
    [D("71.0"), D("70.0"), D("18"), D("15.2")],
    [D("55.6"), D("91.2"), D("25"), D("27.7")],
]
ARRAY = np.array([[float(value) for value in row] for row in MATRIX])


def columns():
    return {name: [row[j] for row in MATRIX] for j, name in enumerate(NAMES)}


def test_entropy_on_raw_shares_agrees_with_pymcdm():
    variant = EntropyVariant(
        normalisation=EntropyNormalisation.SHARE, direction=EntropyDirection.IGNORED
    )
    ours = entropy(columns(), dict.fromkeys(NAMES, Direction.POSITIVE), variant).weights
    theirs = entropy_weights(ARRAY)
    assert np.allclose([float(ours[name]) for name in NAMES], theirs, rtol=0, atol=1e-12)


def test_critic_agrees_with_pymcdm():
    ours = critic(columns(), dict.fromkeys(NAMES, Direction.POSITIVE))
    theirs = critic_weights(ARRAY)
    assert np.allclose([float(ours[name]) for name in NAMES], theirs, rtol=0, atol=1e-12)


def test_topsis_with_vector_normalisation_agrees_with_pymcdm():
    weights = {
        "投资完成率": D("0.4"),
        "新开工率": D("0.3"),
        "问题办结天数": D("0.2"),
        "亩均税收": D("0.1"),
    }
    directions = dict.fromkeys(NAMES, Direction.POSITIVE) | {"问题办结天数": Direction.NEGATIVE}
    rows = [dict(zip(NAMES, row, strict=True)) for row in MATRIX]
    ours = topsis(rows, weights, directions)
    method = TOPSIS(normalization_function=vector_normalization)
    theirs = method(ARRAY, np.array([0.4, 0.3, 0.2, 0.1]), np.array([1, 1, -1, 1]))
    assert np.allclose([float(c) for c in ours], theirs, rtol=0, atol=1e-12)
