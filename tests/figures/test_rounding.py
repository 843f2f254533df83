"""A score's parts shown so that they add up to the shown score (largest remainder), issue 13:
示范区's breakdown 38.08 + 25.00 + 2.82 + 15.00 = 80.90 beside a shown score of 80.89."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from guanmo.figures.formatting import half_up
from guanmo.figures.rounding import parts_adding_up

D = Decimal


def test_parts_rounded_each_on_its_own_would_miss_the_score_by_a_hundredth():
    parts = [D("38.0761"), D("24.9961"), D("2.8161"), D("15.0000")]
    assert sum(half_up(p, 2) for p in parts) == D("80.90")  # the fault: each rounded alone
    shown = parts_adding_up(parts)
    assert sum(shown) == half_up(sum(parts), 2) == D("80.89")
    # The hundredth is taken from the part with the smallest remainder (2.8161 → 2.81).
    assert shown == [D("38.08"), D("25.00"), D("2.81"), D("15.00")]


def test_a_part_already_on_the_step_is_shown_as_it_is():
    # 加分 0.50 and 扣分 −1.30 are exact; only the indicators' points take the rounding.
    shown = parts_adding_up([D("33.333333"), D("33.333333"), D("0.5"), D("-1.3")])
    assert shown[2:] == [D("0.50"), D("-1.30")]
    assert sum(shown) == half_up(D("66.666666") + D("0.5") - D("1.3"), 2)


def test_equal_remainders_go_to_the_earlier_part():
    assert parts_adding_up([D("0.005"), D("0.005")]) == [D("0.01"), D("0.00")]


exact = st.decimals(min_value=-100, max_value=100, places=6, allow_nan=False)


@given(st.lists(exact, min_size=1, max_size=40))
def test_shown_parts_always_add_up_to_the_shown_total(parts):
    shown = parts_adding_up(parts)
    assert sum(shown, D(0)) == half_up(sum(parts, D(0)), 2)
    assert len(shown) == len(parts)


@given(st.lists(exact, min_size=1, max_size=40))
def test_each_shown_part_is_within_a_hundredth_of_its_exact_value(parts):
    for part, shown in zip(parts, parts_adding_up(parts), strict=True):
        assert abs(shown - part) < D("0.01")
        assert shown == shown.quantize(D("0.01"))


@given(st.lists(exact, min_size=1, max_size=40), st.integers(min_value=0, max_value=4))
def test_the_rule_holds_at_any_number_of_places(parts, places):
    shown = parts_adding_up(parts, places)
    assert sum(shown, D(0)) == half_up(sum(parts, D(0)), places)
    assert all(abs(s - p) < D(1).scaleb(-places) for s, p in zip(shown, parts, strict=True))
