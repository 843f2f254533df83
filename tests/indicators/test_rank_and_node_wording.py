"""Wording (tryout 26 item 13): a node's exact share is not a bracket inside the bracket of the
序时控制数, and an unchanged place is said of the place (位次与上月相同), not of the figure that
rose from 3批 to 4批 (与上月持平)."""

from decimal import Decimal

from guanmo.indicators.choices import RankBy
from guanmo.indicators.sentences import ceiling_used, node_text, rank_change_sentence


def test_the_exact_node_is_said_inside_one_bracket():
    node = node_text(Decimal(5), Decimal("5.8"), "批", 0)
    assert node == "5批（按序时应为5.8批）"  # the table's 序时目标 cell keeps its bracket
    assert ceiling_used(Decimal(60), Decimal(10), node) == (
        "已用全年控制数的60.0%（序时控制数5批，按序时应为5.8批），超序时进度10.0个百分点"
    )
    assert ceiling_used(Decimal(60), Decimal(10), "5批") == (
        "已用全年控制数的60.0%（序时控制数5批），超序时进度10.0个百分点"
    )


def test_an_unchanged_place_is_said_of_the_place():
    said = rank_change_sentence("赴京访批次", RankBy.VALUE, "全市", 9, 9, lower_is_better=True)
    assert said == "赴京访批次数量由少到多居全市第9位，位次与上月相同。"
    assert "持平" not in said
