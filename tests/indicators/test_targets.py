"""Annual targets: completion, time progress, the breakdown into quarter, month and 旬 nodes
(summing exactly to the target for every profile), the node a region is judged against,
双过半 at the half year and the year-end forecast from the seasonal shape."""

from decimal import Decimal as D
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guanmo.figures.breakdown import (
    Breakdown,
    break_down,
    break_down_by_hand,
    equal_weights,
    seasonal_weights,
)
from guanmo.indicators.choices import Direction, Kind
from guanmo.indicators.targets import (
    Pace,
    both_over_half,
    forecast_rate,
    not_over_half,
    pace_of,
    standing,
)

STEP = D("0.01")


def test_seed_poverty_completion_is_done_over_target():
    # 已完成4.98万贫困人口脱贫，全年目标7.38万人: 67.479…% → 67.5%.
    seen = standing(month=6, target=D("7.38"), done=D("4.98"))
    assert seen.completion_rate == D("67.5")
    assert seen.vs_time_progress == D("17.5")  # 67.5 − 50.0


def test_equal_breakdown_sums_exactly_at_every_level():
    # 738 hundredths: each node the exact share rounded half-up (0.615 → 0.62 by January, 1.23,
    # 1.845 → 1.85 by March, 3.69 by June: half), the months and quarters their differences;
    # each 旬's node the month's share at a third and two thirds (0.205 → 0.21, 0.41).
    plan = break_down(D("7.38"), equal_weights(), STEP)
    assert plan.quarters == (D("1.85"), D("1.84"), D("1.85"), D("1.84"))
    assert plan.months[:6] == tuple(D(n) for n in ("0.62", "0.61", "0.62", "0.61", "0.62", "0.61"))
    assert plan.ten_days[:3] == (D("0.21"), D("0.20"), D("0.21"))
    assert sum(plan.months) == sum(plan.quarters) == sum(plan.ten_days) == D("7.38")


def test_a_node_is_the_cumulative_amount_due_by_a_month_or_a_ten_day_period():
    plan = break_down(D("7.38"), equal_weights(), STEP)
    assert plan.node(6) == D("3.69")
    assert plan.node(1, ten_day=2) == D("0.41")
    assert plan.node(12) == D("7.38")
    assert plan.quarter_node(2) == D("3.69")
    with pytest.raises(ValueError, match="旬"):
        plan.node(1, ten_day=4)


def test_a_region_is_judged_against_its_node():
    plan = break_down(D("7.38"), equal_weights(), STEP)
    seen = standing(month=6, target=D("7.38"), done=D("4.98"), breakdown=plan)
    assert seen.node_target == D("3.69")
    assert seen.node_progress == D("50.0")  # 3.69 ÷ 7.38: the equal node is time progress
    assert seen.vs_node == D("17.5")  # 67.5 − 50.0: 超序时进度17.5个百分点


def test_seasonal_breakdown_follows_last_years_monthly_shape():
    # Last year, 1—M月 cumulative: every third month heavier, a big December.
    cumulative = [5, 10, 20, 25, 30, 40, 45, 50, 60, 65, 70, 100]
    weights = seasonal_weights({month: D(v) for month, v in enumerate(cumulative, start=1)})
    assert weights == [D(n) for n in (5, 5, 10, 5, 5, 10, 5, 5, 10, 5, 5, 30)]
    plan = break_down(D("120"), weights, D("1"))
    assert plan.months == tuple(D(n) for n in (6, 6, 12, 6, 6, 12, 6, 6, 12, 6, 6, 36))
    assert plan.quarters == (D("24"), D("24"), D("24"), D("48"))
    assert plan.node(6) == D("48")


def test_seasonal_shape_from_a_quarterly_indicator_spreads_each_quarter_over_its_months():
    weights = seasonal_weights({3: D("20"), 6: D("40"), 9: D("60"), 12: D("100")})
    plan = break_down(D("100"), weights, D("1"))
    assert plan.quarters == (D("20"), D("20"), D("20"), D("40"))
    assert plan.months[:3] == (D("7"), D("6"), D("7"))  # nodes 6.67 → 7, 13.33 → 13, 20
    assert plan.months[9:] == (D("13"), D("14"), D("13"))  # 73.33 → 73, 86.67 → 87, 100


def test_seasonal_shape_needs_the_whole_of_last_year_and_no_fall():
    with pytest.raises(ValueError, match="12月"):
        seasonal_weights({3: D("20"), 6: D("40")})
    with pytest.raises(ValueError, match="5月"):
        seasonal_weights({4: D("40"), 5: D("35"), 12: D("100")})


def test_a_breakdown_by_hand_must_add_up_to_the_target():
    months = [D("0.5")] * 11 + [D("1.88")]
    plan = break_down_by_hand(D("7.38"), months, STEP)
    assert plan.months[11] == D("1.88")
    assert plan.quarters[3] == D("2.88")
    with pytest.raises(ValueError, match=r"7\.37.*7\.38"):
        break_down_by_hand(D("7.38"), [D("0.5")] * 11 + [D("1.87")], STEP)
    with pytest.raises(ValueError, match="12个月"):
        break_down_by_hand(D("7.38"), [D("7.38")], STEP)
    with pytest.raises(ValueError, match=r"3月.*最小单位"):
        break_down_by_hand(
            D("7.38"), [D("0.5")] * 2 + [D("0.505")] + [D("0.5")] * 8 + [D("1.875")], STEP
        )
    with pytest.raises(ValueError, match="负数"):
        break_down_by_hand(D("7.38"), [D("-0.12")] + [D("0.5")] * 10 + [D("2.5")], STEP)


def test_both_over_half_for_amount_and_growth_targets_at_the_half_year():
    assert both_over_half(month=6, completion_rate=D("50.0")) is True
    assert both_over_half(month=6, completion_rate=D("49.9")) is False
    assert both_over_half(month=6, growth=D("10.0"), target_growth=D("10")) is True
    assert both_over_half(month=6, growth=D("9.9"), target_growth=D("10")) is False
    assert both_over_half(month=6, completion_rate=None) is None  # nothing to judge
    assert both_over_half(month=5, completion_rate=D("60")) is None  # judged only in June


def test_double_over_half_is_not_judged_for_a_ceiling():
    # 双过半 is about amounts to reach: 12 of a 36 批 ceiling used by June is neither 是 nor 否.
    assert both_over_half(month=6, completion_rate=D("33.3"), lower_is_better=True) is None
    seen = standing(month=6, target=D("36"), done=D("12"), direction=Direction.LOWER)
    assert seen.completion_rate == D("33.3")
    assert seen.both_over_half is None
    assert seen.ceiling is True
    # a lower-is-better growth target (下降10%) is still judged
    assert (
        both_over_half(month=6, growth=D("-12"), target_growth=D("-10"), lower_is_better=True)
        is True
    )
    assert standing(month=6, target=D("36"), done=D("12")).ceiling is False


def test_a_ratio_or_an_average_level_has_no_over_half():
    # 高新技术产业增加值占比达到45%: a level is reached, not half done by June; 人均可支配收入
    # the same. Neither is judged by 双过半 (nor keeps "均实现" from being said).
    level = standing(month=6, target=D("45"), done=D("44.2"), kind=Kind.RATIO)
    assert level.vs_target == D("-0.8") and level.on_track is False
    assert (level.both_over_half, level.judged_by_half) == (None, False)
    income = standing(month=6, target=D("30000"), done=D("15600"), kind=Kind.AVERAGE)
    assert (income.both_over_half, income.judged_by_half) == (None, False)


def test_a_target_falling_due_mostly_after_june_is_not_judged_by_both_over_half():
    # 贫困村退出14个, broken down by hand: villages are delisted after the autumn checks, 1 due by
    # June. One delisted by June is on its node, and half its time is not gone: not 未实现.
    late = break_down_by_hand(D(14), [D(n) for n in (0, 0, 0, 0, 0, 1, 0, 0, 4, 4, 3, 2)], D(1))
    seen = standing(month=6, target=D(14), done=D(1), breakdown=late)
    assert (seen.completion_rate, seen.node_target, seen.vs_node) == (D("7.1"), D(1), D("0.0"))
    assert (seen.both_over_half, seen.judged_by_half) == (None, False)
    # Half due by June (7 of 14) is judged: 6 done is not over half.
    even = break_down_by_hand(D(14), [D(n) for n in (1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 2)], D(1))
    judged = standing(month=6, target=D(14), done=D(6), breakdown=even)
    assert (judged.both_over_half, judged.judged_by_half) == (False, True)
    # An equal breakdown always has at least half due by June (the largest remainder gives the
    # first months first): 7.38万人 has 3.70 due.
    equal = break_down(D("7.38"), equal_weights(), STEP)
    assert standing(month=6, target=D("7.38"), done=D("4.98"), breakdown=equal).both_over_half


def test_a_growth_target_is_judged_by_both_over_half_as_the_issue_says():
    # "for a growth target, growth at least the target"
    seen = standing(month=6, target_growth=D("10"), growth=D("10.0"))
    assert (seen.both_over_half, seen.judged_by_half) == (True, True)
    unknown = standing(month=6, target_growth=D("10"), growth=None)
    assert (unknown.both_over_half, unknown.judged_by_half) == (None, True)


def test_who_has_not_reached_both_over_half_is_named_once_in_the_groups_order():
    half = break_down(D(12), equal_weights(), D(1))
    order = ["解放区", "武陟县", "温县", "孟州市", "博爱县"]
    standings = [
        # 温县 misses two targets, 武陟县 one: each named once, in the group's order.
        ("温县", standing(month=6, target_growth=D("10"), growth=D("8.0"))),
        ("武陟县", standing(month=6, target_growth=D("10"), growth=D("7.0"))),
        ("温县", standing(month=6, target=D(12), done=D(5), breakdown=half)),
        ("解放区", standing(month=6, target=D(12), done=D(6), breakdown=half)),
        # 孟州市 has no June figure: not named; 博爱县 has a ratio level: not judged.
        ("孟州市", standing(month=6, target=D(12), done=None, breakdown=half)),
        ("博爱县", standing(month=6, target=D("45"), done=D("40"), kind=Kind.RATIO)),
    ]
    assert not_over_half(standings, order) == ["武陟县", "温县"]


def test_everyone_over_half_only_when_every_target_judged_has_its_figure():
    half = break_down(D(12), equal_weights(), D(1))
    over = ("解放区", standing(month=6, target=D(12), done=D(6), breakdown=half))
    unknown = ("温县", standing(month=6, target=D(12), done=None, breakdown=half))
    ceiling = ("温县", standing(month=6, target=D(12), done=D(9), direction=Direction.LOWER))
    assert not_over_half([over, ceiling], ["解放区", "温县"]) == []  # 均实现
    assert not_over_half([over, unknown], ["解放区", "温县"]) is None  # unknown: nothing said
    assert not_over_half([ceiling], ["温县"]) is None  # nothing judged
    may = standing(month=5, target=D(12), done=D(2), breakdown=half)
    assert not_over_half([("温县", may)], ["温县"]) is None  # judged in June only


def test_a_growth_target_is_met_or_missed_in_points():
    seen = standing(month=6, target_growth=D("10"), growth=D("8.5"))
    assert seen.vs_target_growth == D("-1.5")
    assert seen.both_over_half is False
    assert seen.completion_rate is None and seen.forecast_rate is None


def test_forecast_from_the_seasonal_shape_flags_a_target_that_will_be_missed():
    # By June last year 40% of the year was done; this year 30 of 100 is done: at that pace the
    # year ends at 30 ÷ 40 = 75.0% of the target.
    cumulative = [5, 10, 20, 25, 30, 40, 45, 50, 60, 65, 70, 100]
    weights = seasonal_weights({month: D(v) for month, v in enumerate(cumulative, start=1)})
    plan = break_down(D("100"), weights, D("1"))
    assert forecast_rate(D("30"), plan, 6) == D("75.0")
    seen = standing(month=6, target=D("100"), done=D("30"), breakdown=plan)
    assert seen.vs_time_progress == D("-20.0")  # against 50.0
    assert seen.vs_node == D("-10.0")  # against the node 40: 低于序时进度10.0个百分点
    assert seen.forecast_rate == D("75.0")
    assert seen.both_over_half is None  # 40 of 100 due by June: its time is not half gone


def test_equal_profile_forecast_is_the_straight_line():
    plan = break_down(D("7.38"), equal_weights(), STEP)
    # 4.98 ÷ (7.38 × 6/12) = 134.96…%: the straight line, not 4.98 ÷ 3.70 (the rounded node)
    assert forecast_rate(D("4.98"), plan, 6) == D("135.0")


def test_a_small_ceiling_in_november_is_judged_on_its_node_and_forecast_on_the_straight_line():
    # tryout 17: 马村区 may have 2 赴京访批次 in the year; equal nodes rounded down give 1 批 by
    # November, the node the table shows; but the pace compared with is the exact share due,
    # 11/12 = 91.7% (tryout 29 item 2: not the rounded node's 50%). 2 used by then is a year
    # heading for 2 ÷ (2 × 11/12) = 109.1% of the ceiling — never 2 ÷ 1 = 200.0%, which only
    # the node's rounding made.
    plan = break_down(D("2"), equal_weights(), D("1"), ceiling=True)
    seen = standing(month=11, target=D("2"), done=D("2"), breakdown=plan, direction=Direction.LOWER)
    assert (seen.node_target, seen.node_progress, seen.vs_node) == (D("1"), D("91.7"), D("8.3"))
    assert seen.vs_time_progress == D("8.3")
    assert (seen.forecast_rate, seen.forecast_missed) == (D("109.1"), True)
    december = standing(
        month=12, target=D("2"), done=D("2"), breakdown=plan, direction=Direction.LOWER
    )
    assert (december.forecast_rate, december.forecast_missed) == (D("100.0"), False)


def test_forecast_is_undefined_before_anything_is_due():
    plan = break_down(D("10"), [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1], D("1"))
    assert plan.node(3) == 0
    assert forecast_rate(D("1"), plan, 3) is None


MONTHLY_WEIGHTS = st.lists(
    st.integers(min_value=0, max_value=10**6), min_size=12, max_size=12
).filter(any)


@given(hundredths=st.integers(min_value=0, max_value=10**10), weights=MONTHLY_WEIGHTS)
def test_every_breakdown_sums_exactly_never_negative_and_its_nodes_only_grow(hundredths, weights):
    target = hundredths * STEP
    plan = break_down(target, weights, STEP)
    for level in (plan.quarters, plan.months, plan.ten_days):
        assert sum(level, D(0)) == target
        assert all(amount >= 0 and amount % STEP == 0 for amount in level)
    nodes = [plan.node(month, ten_day) for month in range(1, 13) for ten_day in (1, 2, 3)]
    assert nodes == sorted(nodes)
    assert nodes[-1] == target
    assert [plan.quarter_node(q) for q in (1, 2, 3, 4)] == [plan.node(m) for m in (3, 6, 9, 12)]


def test_a_breakdown_is_a_plain_value():
    plan = break_down(D("12"), equal_weights(), D("1"))
    assert isinstance(plan, Breakdown)
    assert plan.target == D("12")
    assert plan.months == (D("1"),) * 12


# Lower is better and ratio targets (issue 12): a ceiling such as 赴京访批次 is used up, not
# completed; a growth target of a lower-is-better indicator is met at or below its rate; a ratio
# target (城镇化率达到56%) is a level compared in 个百分点.


def test_a_ceiling_used_faster_than_time_is_off_track_and_heading_over_it():
    # 赴京访批次控制在36批以内: equal nodes of 3 批 a month, 18 by June. 21 批 by June is
    # 21 ÷ 36 = 58.333…% → 58.3% of the ceiling, 8.3 points over time progress (50.0), and at
    # that pace the year ends at 21 ÷ 18 = 116.7% of the ceiling: over it.
    plan = break_down(D("36"), equal_weights(), D("1"))
    seen = standing(
        month=6, target=D("36"), done=D("21"), breakdown=plan, direction=Direction.LOWER
    )
    assert seen.completion_rate == D("58.3")
    assert seen.vs_time_progress == D("8.3")
    assert seen.node_target == D("18")
    assert seen.vs_node == D("8.3")  # 58.3 − 50.0: 超序时进度, which for a ceiling is bad
    assert seen.forecast_rate == D("116.7")
    assert seen.on_track is False
    assert seen.forecast_missed is True
    assert seen.both_over_half is None  # 双过半 is for amounts to reach, not a ceiling


def test_a_ceiling_used_slower_than_time_is_on_track():
    # 15 of 36 批 by June: 41.7%, 8.3 points under time progress, the year heading for
    # 15 ÷ 18 = 83.3% of the ceiling.
    plan = break_down(D("36"), equal_weights(), D("1"))
    seen = standing(
        month=6, target=D("36"), done=D("15"), breakdown=plan, direction=Direction.LOWER
    )
    assert (seen.completion_rate, seen.vs_time_progress) == (D("41.7"), D("-8.3"))
    assert seen.forecast_rate == D("83.3")
    assert (seen.on_track, seen.forecast_missed, seen.both_over_half) == (True, False, None)


def test_the_same_figures_for_a_higher_is_better_target_are_judged_the_other_way():
    plan = break_down(D("36"), equal_weights(), D("1"))
    seen = standing(month=6, target=D("36"), done=D("15"), breakdown=plan)
    assert (seen.on_track, seen.forecast_missed, seen.both_over_half) == (False, True, False)


def test_a_growth_target_of_a_lower_is_better_indicator_is_met_at_or_below_it():
    # 赴京访批次同比下降10%: 18 批 against 27 is −33.3%, 23.3 points better than the target.
    met = standing(month=6, target_growth=D("-10"), growth=D("-33.3"), direction=Direction.LOWER)
    assert met.vs_target_growth == D("-23.3")
    assert (met.on_track, met.both_over_half) == (True, True)
    # Down only 5.0%: 5.0 points short of the cut asked for.
    missed = standing(month=6, target_growth=D("-10"), growth=D("-5.0"), direction=Direction.LOWER)
    assert missed.vs_target_growth == D("5.0")
    assert (missed.on_track, missed.both_over_half) == (False, False)
    # At exactly the target, as shown: met.
    assert standing(
        month=6, target_growth=D("-10"), growth=D("-10.04"), direction=Direction.LOWER
    ).on_track


def test_a_ratio_target_is_a_level_compared_in_points_not_a_share():
    # 城镇化率达到56%: 55.24% by June is 55.2, 0.8 个百分点 under the target; a level is not
    # "completed" as a share (55.2 ÷ 56 would be a meaningless 98.6%), nor broken down.
    seen = standing(month=6, target=D("56"), done=D("55.24"), growth=D("0.9"), kind=Kind.RATIO)
    assert seen.vs_target == D("-0.8")
    assert seen.completion_rate is None
    assert seen.vs_time_progress is None
    assert seen.node_target is None and seen.forecast_rate is None
    assert (seen.on_track, seen.both_over_half) == (False, None)  # reached or not, not halved
    reached = standing(month=6, target=D("56"), done=D("56.04"), kind=Kind.RATIO)
    assert reached.vs_target == D("0.0")
    assert (reached.on_track, reached.both_over_half) == (True, None)


def test_a_lower_is_better_ratio_target_is_met_at_or_under_it():
    # 城镇登记失业率控制在4.5%以内: 4.2% is 0.3 points under, on track.
    seen = standing(
        month=9, target=D("4.5"), done=D("4.2"), kind=Kind.RATIO, direction=Direction.LOWER
    )
    assert seen.vs_target == D("-0.3")
    assert seen.on_track is True
    assert seen.both_over_half is None  # judged only in June


def test_an_amount_target_without_a_breakdown_is_on_track_against_time_progress():
    # 4.98 of 7.38 万人 by June: 67.5% against 50.0.
    assert standing(month=6, target=D("7.38"), done=D("4.98")).on_track is True
    assert standing(month=6, target=D("7.38"), done=D("3.6")).on_track is False  # 48.8%


# A ceiling's pace (issue 12, tryout): a ceiling used faster than time is not ahead of schedule.


def test_a_ceiling_used_up_early_is_behind_its_pace_not_ahead():
    # 赴京访批次 at most 30 批 in the year, 25 used by June: 25 ÷ 30 = 83.3% of the ceiling
    # against a time share of 6 ÷ 12 = 50.0%: 33.3 points over the pace (超序时), behind.
    seen = standing(month=6, target=D("30"), done=D("25"), direction=Direction.LOWER)
    assert seen.completion_rate == D("83.3")
    assert seen.vs_pace == D("33.3")
    assert seen.pace is Pace.BEHIND
    assert seen.on_track is False


def test_a_ceilings_pace_follows_its_breakdown_when_it_has_one():
    # 36 批 in equal months (3 a month): the node by June is 18 (50.0%); 30 used is 83.3%,
    # 33.3 points over the node; 12 used (33.3%) is 16.7 points under it, ahead.
    plan = break_down(D("36"), equal_weights(), D("1"))
    over = standing(
        month=6, target=D("36"), done=D("30"), breakdown=plan, direction=Direction.LOWER
    )
    assert (over.vs_pace, over.pace) == (D("33.3"), Pace.BEHIND)
    under = standing(
        month=6, target=D("36"), done=D("12"), breakdown=plan, direction=Direction.LOWER
    )
    assert (under.vs_pace, under.pace) == (D("-16.7"), Pace.AHEAD)


def test_a_target_done_faster_than_time_is_ahead_and_a_ceiling_at_its_pace_is_level():
    assert standing(month=6, target=D("30"), done=D("25")).pace is Pace.AHEAD
    assert standing(month=6, target=D("30"), done=D("10")).pace is Pace.BEHIND
    level = standing(month=6, target=D("30"), done=D("15"), direction=Direction.LOWER)
    assert (level.vs_pace, level.pace) == (D("0.0"), Pace.LEVEL)


def test_a_pace_is_judged_on_the_shown_points_and_undefined_without_them():
    assert pace_of(D("0.04"), lower_is_better=True) is Pace.LEVEL
    assert pace_of(D("-0.05"), lower_is_better=True) is Pace.AHEAD
    assert pace_of(D("-0.05"), lower_is_better=False) is Pace.BEHIND
    assert pace_of(None, lower_is_better=False) is None
    # A growth target has no share to pace.
    assert standing(month=6, target_growth=D("10"), growth=D("12")).pace is None


# A ceiling's breakdown (issue 12, tryout 12): a 控制数 is an allowance not to be used up early.
# Where the step is coarse (fewer than 100 in the year) its cumulative node never exceeds the
# profile's exact share to date (rounded down); where fine, it is that share rounded half-up, as
# every node is (tryout 21 (3)): at most half a step from it.


def test_a_small_ceiling_is_not_allowed_early():
    # 马村区赴京访批次控制在2批以内, equal months: the exact share by June is 1 批 (not 2, as
    # the largest remainder gave, front-loading both to January and April); by November 1.83
    # → 1; the second 批 falls due in December.
    plan = break_down(D(2), equal_weights(), D(1), ceiling=True)
    assert [plan.node(month) for month in range(1, 13)] == [D(0)] * 5 + [D(1)] * 6 + [D(2)]
    assert plan.quarters == (D(0), D(1), D(0), D(1))
    assert plan.node(6, 1) == D(0) and plan.node(6, 3) == D(1)


@given(units=st.integers(min_value=0, max_value=10**6), weights=MONTHLY_WEIGHTS)
def test_a_ceilings_nodes_keep_to_the_exact_share_and_sum_exactly(units, weights):
    target = units * STEP
    plan = break_down(target, weights, STEP, ceiling=True)
    for level in (plan.quarters, plan.months, plan.ten_days):
        assert sum(level, D(0)) == target
        assert all(amount >= 0 and amount % STEP == 0 for amount in level)
    total, half = sum(weights), Fraction(STEP) / 2
    for month in range(1, 13):
        share = Fraction(target) * sum(weights[:month]) / total
        before = Fraction(target) * sum(weights[: month - 1]) / total
        for ten_day in (1, 2, 3):
            exact = before + (share - before) * ten_day / 3
            node = Fraction(plan.node(month, ten_day))
            if plan.coarse:
                assert node <= exact < node + Fraction(STEP)
            else:
                assert exact - half < node <= exact + half


def test_a_ceiling_set_by_hand_has_its_ten_days_late_in_each_month():
    plan = break_down_by_hand(D(12), [D(1)] * 12, D(1), ceiling=True)
    assert plan.ten_days[:3] == (D(0), D(0), D(1))
    assert break_down_by_hand(D(12), [D(1)] * 12, D(1)).ten_days[:3] == (D(1), D(0), D(0))


def test_a_coarse_target_to_reach_is_never_judged_on_less_than_its_share():
    # 2 to reach in whole steps: each node is the exact share rounded up (tryout 21 (3)), so
    # June's is exactly 1 (half), January's already 1 (1/6 rounded up), July's 2 (7/6).
    plan = break_down(D(2), equal_weights(), D(1))
    assert [plan.node(m) for m in (1, 6, 7, 12)] == [D(1), D(1), D(2), D(2)]


def test_a_ceiling_at_its_pace_in_november_reads_the_same_in_sentence_and_table():
    # tryout 12: 马村区 2批, both used by November. The node shown by November is 1 批, but the
    # pace is the exact 11/12 (tryout 29 item 2), so 100.0% used is 超序时进度8.3个百分点 and
    # BEHIND, as against time progress.
    plan = break_down(D(2), equal_weights(), D(1), ceiling=True)
    seen = standing(month=11, target=D(2), done=D(2), breakdown=plan, direction=Direction.LOWER)
    assert (seen.completion_rate, seen.vs_time_progress) == (D("100.0"), D("8.3"))
    assert (seen.node_target, seen.vs_node, seen.pace) == (D(1), D("8.3"), Pace.BEHIND)
    one = standing(month=11, target=D(2), done=D(1), breakdown=plan, direction=Direction.LOWER)
    # the forecast is the straight line, 1 ÷ (2 × 11/12) = 54.5%, not 1 ÷ the rounded node;
    # 50.0% used against 91.7% due is under the pace: ahead for a ceiling
    assert (one.completion_rate, one.forecast_rate, one.pace) == (
        D("50.0"),
        D("54.5"),
        Pace.AHEAD,
    )


# A count of a finite set (issue 12, tryout 12: 10 of 14 villages → 预计166.7%): the year
# cannot end with more of the set than there is; its forecast is capped at the target.


def test_a_count_of_villages_is_never_forecast_past_its_whole():
    # 贫困村退出14个, equal months: 8 due by June (quarters 4 4 3 3, leftovers early); 10 out
    # by June extrapolates to 10 ÷ (14 × 6/12) = 142.9%, but only the 14 villages can exit:
    # 100.0%.
    plan = break_down(D(14), equal_weights(), D(1))
    seen = standing(month=6, target=D(14), done=D(10), breakdown=plan, kind=Kind.COUNT)
    assert seen.completion_rate == D("71.4")
    assert seen.forecast_rate == D("100.0")
    assert seen.forecast_missed is False
    assert seen.forecast_capped is True  # said so in the table (tryout 17)
    from guanmo.indicators.report_output import forecast_text

    assert forecast_text(seen) == "100.0%（以全年目标数为限）"
    # short of its pace it is forecast as an amount is: 3 ÷ 7 = 42.9%, flagged
    short = standing(month=6, target=D(14), done=D(3), breakdown=plan, kind=Kind.COUNT)
    assert (short.forecast_rate, short.forecast_missed) == (D("42.9"), True)
    assert short.forecast_capped is False
    # done past the target already (15 of 14): what is done, never less
    past = standing(month=6, target=D(14), done=D(15), breakdown=plan, kind=Kind.COUNT)
    assert past.forecast_rate == past.completion_rate == D("107.1")
    # an amount accumulating through the year is extrapolated as before
    amount = standing(month=6, target=D(14), done=D(10), breakdown=plan)
    assert amount.forecast_rate == D("142.9")


def test_a_count_is_summed_like_an_amount():
    from guanmo.indicators.arithmetic import Reading, group_growth, group_total
    from guanmo.indicators.choices import is_summed

    readings = [Reading("武陟县", D(4), D(2)), Reading("温县", D(6), D(8))]
    assert group_total(readings, Kind.COUNT) == D(10)
    assert group_growth(readings, Kind.COUNT) == D("0.0")
    assert is_summed(Kind.COUNT) and is_summed(Kind.AMOUNT) and not is_summed(Kind.RATIO)


# The nodes shown on the targets page (issue 12, tryout 12): per month the planned cumulative
# at the end of each 旬 and of the month, its share of the target, and at past nodes what was
# done against it.


def test_each_months_node_with_what_was_done_by_it():
    from guanmo.indicators.targets import target_nodes

    plan = break_down(D(12), equal_weights(), D(1))
    nodes = target_nodes(plan, {1: D(1), 2: D(1), 3: D(4)}, 3)
    assert len(nodes) == 12
    first, third, last = nodes[0], nodes[2], nodes[11]
    assert (first.month, first.ten_days, first.planned, first.progress) == (
        1,
        (D(1), D(1), D(1)),
        D(1),
        D("8.3"),
    )
    assert (first.done, first.completion_rate, first.vs_node) == (D(1), D("8.3"), D("0.0"))
    assert nodes[1].vs_node == D("-8.3")  # 1 − 2 of 12 exactly (−8.33…), not 8.3 − 16.7 as shown
    assert (third.quarter, third.done, third.completion_rate, third.vs_node) == (
        1,
        D(4),
        D("33.3"),
        D("8.3"),
    )
    # a node not yet reached has no figure done, even if one is known
    assert (last.quarter, last.planned, last.done, last.vs_node) == (4, D(12), None, None)
    assert nodes[3].done is None and nodes[3].quarter is None
