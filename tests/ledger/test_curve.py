"""A project's planned investment curve and the 序时进度 it gives, worked by hand."""

from decimal import ROUND_HALF_UP
from decimal import Decimal as D

from guanmo.ledger.curve import (
    EQUAL_SHAPE,
    city_shape,
    curve_faults,
    project_curve,
    standing_by_curve,
)

# Last year's cumulative by month, known at the quarters' ends only: 300 by March, 900 by June,
# 1,450 by September, 2,000 by December. Each quarter's increase is shared equally by its months.
LAST_YEAR = {3: D(300), 6: D(900), 9: D(1450), 12: D(2000)}


def test_the_city_shape_shares_a_plan_as_last_year_went():
    """1,200万元 by last year's quarters 300 : 600 : 550 : 550 of 2,000 is 180, 360, 330 and
    330, each shared equally by its three months."""
    curve = project_curve(D(1200), city_shape(LAST_YEAR).weights)
    assert curve.months == (
        *(D("60.00"),) * 3,
        *(D("120.00"),) * 3,
        *(D("110.00"),) * 6,
    )
    assert curve.node(5) == D("420.00")


def test_completion_is_judged_against_the_curve_and_against_time_progress():
    """After May: 462 of 1,200 is 38.5%; time progress 5/12 is 41.7%, 3.2 points behind; the
    curve's 序时进度 420/1,200 is 35.0%, 3.5 points ahead."""
    curve = project_curve(D(1200), city_shape(LAST_YEAR).weights)
    standing = standing_by_curve(D(462), D(1200), curve.node(5), 5)
    assert standing.completion_rate == D("38.5")
    assert standing.time_progress == D("41.7")
    assert standing.vs_time_progress == D("-3.2")
    assert standing.curve_progress == D("35.0")
    assert standing.vs_curve == D("3.5")


def test_without_a_plan_there_is_no_curve_and_no_progress_by_it():
    assert project_curve(None, EQUAL_SHAPE.weights) is None
    assert project_curve(D(0), EQUAL_SHAPE.weights) is None
    standing = standing_by_curve(D(10), None, None, 3)
    assert standing.completion_rate is None
    assert standing.curve_progress is None and standing.vs_curve is None


def test_a_year_without_december_gives_equal_months_said_so():
    shape = city_shape({3: D(300), 6: D(900)})
    assert shape == EQUAL_SHAPE
    assert shape.label == "按月平均"
    assert city_shape({}).label == "按月平均"
    assert city_shape(LAST_YEAR).label == "按全市上年投资进度"


def test_a_county_at_the_top_labels_its_shape_with_its_whole():
    assert city_shape(LAST_YEAR, "全县").label == "按全县上年投资进度"


def test_the_months_add_up_to_the_plan_exactly_even_off_the_cent():
    """1,000.0001万元 in equal months: each month's cumulative node is its exact share rounded
    half-up to 0.0001万元 (figures.breakdown since tryout 21: nodes never drift from the exact
    pace), so the months sum to the plan exactly and no cumulative is off its share by more
    than half a step; the quarters 250.000025, 500.00005, 750.000075 give 250.0000, 500.0001,
    750.0001 (the ten-thousandth falls in the second quarter, where half-up first reaches it)."""
    plan = D("1000.0001")
    curve = project_curve(plan, EQUAL_SHAPE.weights)
    assert sum(curve.months) == plan
    assert curve.quarters == (D("250.0000"), D("250.0001"), D("250.0000"), D("250.0000"))
    cumulative = D(0)
    for month, amount in enumerate(curve.months, start=1):
        cumulative += amount
        exact = plan * month / 12
        assert cumulative == exact.quantize(D("0.0001"), rounding=ROUND_HALF_UP), month


def test_the_offices_own_months_are_kept_as_they_are():
    own = [
        D(50),
        D(50),
        D(100),
        D(100),
        D(100),
        D(100),
        D(100),
        D(100),
        D(100),
        D(100),
        D(100),
        D(200),
    ]
    assert project_curve(D(1200), own).months == tuple(own)


def test_monthly_amounts_must_add_up_to_the_annual_plan():
    assert curve_faults(D(1200), [D(100)] * 12) == []
    assert curve_faults(D(1200), [D(100)] * 11 + [D(99)]) == [
        "12个月计划投资合计1199万元，与年度计划投资1200万元不一致"
    ]
    assert curve_faults(None, [D(100)] * 12) == ["本年度还没有年度计划投资，不能分解到月"]
    assert curve_faults(D(0), [D(-1)] + [D(0)] * 10 + [D(1)]) == ["1月计划投资不能为负数"]


def test_the_gap_to_the_curve_is_the_exact_difference_rounded_once():
    """Tryout 22 (武陟县, June): 6,000 of 36,000 is 16.7%, the curve's 8,000 is 22.2%; the gap
    is (6,000 − 8,000) ÷ 36,000 = −5.56 → −5.6 points, not 16.7 − 22.2 = −5.5."""
    standing = standing_by_curve(D(6000), D(36000), D(8000), 6)

    assert (standing.completion_rate, standing.curve_progress) == (D("16.7"), D("22.2"))
    assert standing.vs_curve == D("-5.6")
