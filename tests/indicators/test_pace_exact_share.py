"""序时进度 is the breakdown's EXACT share (m/12, last year's share, a hand-set node ÷ target),
rounded once at the end; only the node amount shown is rounded to the unit's step (tryout 29
item 2: 平均分解's 9月 node 18.8亿 of 25 gave −15.2 where 75% gives −15.0)."""

from decimal import Decimal as D

from guanmo.figures.breakdown import break_down, break_down_by_hand, equal_weights, seasonal_weights
from guanmo.indicators.arithmetic import Rule
from guanmo.indicators.choices import Direction
from guanmo.indicators.targets import standing, target_nodes

# 城关镇's last year: 16 by April, 36 by September, 52 the whole year (tryout 29)
LAST_YEAR = {
    1: D(4), 2: D(8), 3: D(12), 4: D(16), 5: D(20), 6: D(24),
    7: D(28), 8: D(32), 9: D(36), 10: D(42), 11: D(47), 12: D(52),
}  # fmt: skip


def test_an_equal_breakdown_is_judged_against_exactly_three_quarters_in_september():
    step = Rule(places=1, unit="亿元").target_step(D("25.0"))
    plan = break_down(D("25.0"), equal_weights(), step)
    assert plan.node(9) == D("18.8")  # the node amount shown stays on the step

    seen = standing(month=9, target=D("25.0"), done=D("15.0"), breakdown=plan)

    assert (seen.node_target, seen.node_progress) == (D("18.8"), D("75.0"))
    assert seen.vs_node == seen.vs_pace == D("-15.0")  # not −15.2 against 18.8


def test_last_years_shape_is_judged_against_its_exact_share():
    plan = break_down(D("30.0"), seasonal_weights(LAST_YEAR, every_month=True), D("0.1"))
    assert (plan.node(4), plan.node(9)) == (D("9.2"), D("20.8"))  # 30.7%, 69.3% of 30

    september = standing(month=9, target=D("30.0"), done=D("21.6"), breakdown=plan)
    april = standing(month=4, target=D("30.0"), done=D("8.0"), breakdown=plan)

    assert september.node_progress == D("69.2")  # 36/52 = 69.23%, not the node's 69.3
    assert september.vs_pace == D("2.8")  # 72.0 − 69.23
    assert april.node_progress == D("30.8")  # 16/52 = 30.77%, not the node's 30.7
    nodes = target_nodes(plan, {9: D("21.6")}, 9)
    assert (nodes[3].progress, nodes[8].progress, nodes[8].vs_node) == (
        D("30.8"),
        D("69.2"),
        D("2.8"),
    )


def test_a_small_ceiling_is_judged_against_its_exact_share_as_its_forecast_is():
    # 赴京访批次 控制数2批: May's node floors to 0批, yet 5/12 of 2 is due (0.83批)
    plan = break_down(D(2), equal_weights(), D(1), ceiling=True)
    assert plan.node(5) == D(0)

    seen = standing(month=5, target=D(2), done=D(1), breakdown=plan, direction=Direction.LOWER)

    assert seen.node_progress == D("41.7")
    assert seen.vs_pace == D("8.3")  # 50.0 − 41.67, not 50.0 against a 0批 node
    assert seen.forecast_rate == D("120.0")
    assert seen.node_exact == D("0.8")  # 0批（按序时应为0.8批）


def test_a_hand_set_node_is_its_own_exact_share():
    months = [D(1)] * 11 + [D(2)]
    plan = break_down_by_hand(D(13), months, D(1))
    seen = standing(month=6, target=D(13), done=D(6), breakdown=plan)
    assert seen.node_progress == D("46.2")  # 6/13
    assert seen.vs_pace == D("0.0")
