"""Sharing an amount out by weights so that the shares, rounded to the unit's step, add up to
exactly the amount (largest remainder): the rule behind every target breakdown."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guanmo.figures.apportion import apportion


def test_equal_weights_share_the_remainder_from_the_front():
    # 100 in thirds at step 1: quotas 33.33… each, one unit left over, given to the first.
    assert apportion(Decimal("100"), [1, 1, 1], Decimal("1")) == [
        Decimal("34"),
        Decimal("33"),
        Decimal("33"),
    ]


def test_the_largest_remainders_get_the_units_left_over():
    # 10 by 1:2:3:4 at step 1 → quotas 1.0, 2.0, 3.0, 4.0 exactly; 7.38 by the same weights at
    # 0.01 → quotas 0.738, 1.476, 2.214, 2.952: floors 0.73 1.47 2.21 2.95 (7.36); the two
    # 0.01s left go to the largest remainders, 0.008 (first) and 0.006 (second), then 0.004 loses.
    assert apportion(Decimal("10"), [1, 2, 3, 4], Decimal("1")) == [
        Decimal(n) for n in ("1", "2", "3", "4")
    ]
    assert apportion(Decimal("7.38"), [1, 2, 3, 4], Decimal("0.01")) == [
        Decimal(n) for n in ("0.74", "1.48", "2.21", "2.95")
    ]


def test_a_zero_weight_gets_nothing():
    assert apportion(Decimal("9"), [0, 1, 2], Decimal("1")) == [
        Decimal("0"),
        Decimal("3"),
        Decimal("6"),
    ]


def test_an_amount_finer_than_the_step_is_refused():
    with pytest.raises(ValueError, match="最小单位"):
        apportion(Decimal("7.385"), [1, 1], Decimal("0.01"))


@pytest.mark.parametrize("weights", [[0, 0, 0], [1, -1, 2], []])
def test_weights_that_cannot_share_anything_are_refused(weights):
    with pytest.raises(ValueError, match="权重"):
        apportion(Decimal("9"), weights, Decimal("1"))


def test_a_negative_amount_is_refused():
    with pytest.raises(ValueError, match="负数"):
        apportion(Decimal("-9"), [1, 1], Decimal("1"))


@given(
    units=st.integers(min_value=0, max_value=10**9),
    places=st.integers(min_value=0, max_value=4),
    weights=st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=40).filter(
        any
    ),
)
def test_shares_always_sum_exactly_are_on_the_step_and_never_negative(units, places, weights):
    step = Decimal(1).scaleb(-places)
    amount = units * step
    shares = apportion(amount, weights, step)
    assert sum(shares, Decimal(0)) == amount
    assert all(share >= 0 and share % step == 0 for share in shares)
    # No share is more than one step away from its exact quota.
    total = sum(weights)
    for share, weight in zip(shares, weights, strict=True):
        assert abs(share - amount * weight / total) < step
