"""Differences of two percentages (个百分点) are the exact gap rounded once, half-up, as the
ledger's 较序时进度 is (`figures.arithmetic.points_between`): never the difference of two
figures already rounded for display. Each case below is one where the two rules disagree."""

from decimal import Decimal as D

from guanmo.figures.breakdown import break_down, equal_weights
from guanmo.indicators.arithmetic import Reading, Rule, exact_growth, growth, vs_group
from guanmo.indicators.choices import Direction, Kind, RankBy
from guanmo.indicators.table import group_figure, peer_table
from guanmo.indicators.targets import Pace, standing, target_nodes

STEP = D("0.01")
INVESTMENT = Rule(kind=Kind.AMOUNT, direction=Direction.HIGHER, rank_by=RankBy.GROWTH, places=2)
URBAN = Rule(kind=Kind.RATIO, direction=Direction.HIGHER, rank_by=RankBy.VALUE, places=2)


def test_vs_node_is_the_exact_gap_rounded_once():
    # 400.1 of 1,200 by May: 33.341…% (shown 33.3) against the node 500 (41.666…%, shown 41.7):
    # exactly −8.325 → −8.3, where the shown figures' 33.3 − 41.7 would say −8.4.
    plan = break_down(D("1200"), equal_weights(), STEP)
    seen = standing(month=5, target=D("1200"), done=D("400.1"), breakdown=plan)
    assert (seen.completion_rate, seen.node_progress) == (D("33.3"), D("41.7"))
    assert seen.vs_node == D("-8.3")
    assert seen.vs_pace == D("-8.3")
    assert seen.pace == Pace.BEHIND and seen.on_track is False


def test_vs_pace_without_a_breakdown_agrees_with_vs_time_progress():
    # time progress after May is 41.666…%: the pace and 较时间进度 are one figure, −8.3.
    seen = standing(month=5, target=D("1200"), done=D("400.1"))
    assert seen.vs_time_progress == D("-8.3")
    assert seen.vs_pace == D("-8.3")


def test_a_node_row_says_the_exact_gap():
    plan = break_down(D("1200"), equal_weights(), STEP)
    nodes = target_nodes(plan, {5: D("400.1")}, 5)
    assert nodes[4].vs_node == D("-8.3")


def test_a_derived_growth_is_compared_with_its_target_exactly():
    # 1,100.5 against 1,000 is 10.05% exactly (shown 10.1): against a target of 增长10.1% it
    # is 0.05 short, −0.1 个百分点 half-up, where the shown 10.1 − 10.1 would say level.
    reading = Reading("武陟县", D("1100.5"), last_year=D("1000"))
    seen = standing(
        month=5,
        target_growth=D("10.1"),
        growth=exact_growth(reading, Kind.AMOUNT),
    )
    assert seen.growth == D("10.1")
    assert seen.vs_target_growth == D("-0.1")
    assert seen.on_track is False


def test_a_ratio_level_against_its_target_is_the_exact_gap():
    # 城镇化率 55.84% against a level of 56.25%: −0.41 → −0.4, where 55.8 − 56.3 says −0.5.
    seen = standing(month=6, target=D("56.25"), done=D("55.84"), kind=Kind.RATIO)
    assert seen.vs_target == D("-0.4")


def test_a_ratios_change_is_the_exact_gap():
    # 56.04% against 55.25%: 0.79 → 0.8 个百分点, where 56.0 − 55.3 would say 0.7.
    assert growth(Reading("温县", D("56.04"), last_year=D("55.25")), Kind.RATIO) == D("0.8")


def test_vs_group_takes_derived_growths_exactly():
    # 武陟县 1,000 against 900: 11.11…% (shown 11.1); the group 2,201 against 2,000: 10.05%
    # (shown 10.1). Exactly 1.061… → 1.1, where 11.1 − 10.1 would say 1.0.
    readings = [
        Reading("武陟县", D("1000"), last_year=D("900")),
        Reading("温县", D("1201"), last_year=D("1100")),
    ]
    total = group_figure(readings, Kind.AMOUNT)
    assert total.growth == D("10.1")
    table = peer_table(readings, INVESTMENT, total)
    assert table[0].growth == D("11.1")
    assert table[0].vs_group == D("1.1")


def test_a_reported_growth_is_exact_as_reported():
    # A reported 9.0% against the group's derived 10.05%: −1.05 → −1.1 (9.0 − 10.1 says −1.1
    # too; the reported figure is taken as given, the derived one exactly).
    readings = [
        Reading("武陟县", D("1000"), last_year=D("900"), reported_growth=D("9.0")),
        Reading("温县", D("1201"), last_year=D("1100")),
    ]
    total = group_figure(readings, Kind.AMOUNT)
    assert vs_group(readings[0], total.rate(Kind.AMOUNT), INVESTMENT) == D("-1.1")


def test_a_ratios_distance_from_the_group_is_exact():
    # 56.04% against the city's 55.25%: 0.8, where 56.0 − 55.3 would say 0.7.
    readings = [Reading("温县", D("56.04"))]
    total = group_figure(readings, Kind.RATIO, reported_value=D("55.25"))
    assert vs_group(readings[0], total.rate(Kind.RATIO), URBAN) == D("0.8")
