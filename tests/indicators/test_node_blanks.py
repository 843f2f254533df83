"""Every "—" of a target's breakdown nodes says why (issue 12, 年度目标 nodes on 指标调度 and a
county's page): a node not reached yet, a month reached without its figure, a quarterly
indicator's month between quarter ends, a target of 0 (no share of it)."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from guanmo.figures.breakdown import break_down, equal_weights
from guanmo.indicators.targets import (
    NO_FIGURE,
    NOT_QUARTER_END,
    NOT_REACHED,
    ZERO_TARGET,
    target_nodes,
)
from tests.indicators.pages import indicator_city

STEP = D("0.01")


@pytest.fixture
def figures(world):
    return indicator_city(world)


def test_a_node_not_reached_yet_says_so():
    plan = break_down(D("12"), equal_weights(), STEP)
    nodes = target_nodes(plan, {5: D("4")}, 5)
    assert nodes[4].done == D("4") and nodes[4].why == ""
    assert [node.why for node in nodes[5:]] == [NOT_REACHED] * 7
    assert NOT_REACHED == "未到该节点"


def test_a_month_reached_without_its_figure_says_so():
    plan = break_down(D("12"), equal_weights(), STEP)
    nodes = target_nodes(plan, {5: D("4")}, 5)
    assert [node.why for node in nodes[:4]] == [NO_FIGURE] * 4
    assert NO_FIGURE == "该月无累计数（未报送）"


def test_a_quarterly_indicators_months_between_quarter_ends_say_so():
    plan = break_down(D("12"), equal_weights(), STEP)
    nodes = target_nodes(plan, {3: D("2"), 6: D("5")}, 7, quarterly=True)
    assert [node.why for node in nodes[:7]] == [
        NOT_QUARTER_END,
        NOT_QUARTER_END,
        "",
        NOT_QUARTER_END,
        NOT_QUARTER_END,
        "",
        NOT_QUARTER_END,
    ]
    assert NOT_QUARTER_END == "季度指标只在3、6、9、12月有数"
    assert nodes[7].why == NOT_REACHED


def test_a_target_of_nothing_has_no_share_and_says_so():
    plan = break_down(D("0"), equal_weights(), STEP)
    nodes = target_nodes(plan, {1: D("0")}, 1)
    assert nodes[0].progress is None and nodes[0].why == ZERO_TARGET


def _row(nodes: str, month: str) -> str:
    row = nodes[nodes.index(f"<td>{month}</td>") :]
    return row[: row.index("</tr>")]


def test_the_node_table_says_why_each_blank_is_blank(client, world, figures):
    # 武陟县脱贫人口: 2.0 by May, nothing reported for January to April.
    client.force_login(world.users["city"])
    url = reverse("indicator_board") + "?year=2025&month=5"
    body = client.get(url).content.decode()
    nodes = body[body.index('id="target-nodes"') :]
    nodes = nodes[nodes.index("武陟县·脱贫人口") :]
    assert "<th>说明</th>" in body[body.index('id="target-nodes"') :]
    assert 'data-label="说明">该月无累计数（未报送）</td>' in _row(nodes, "2月")
    assert 'data-label="说明"></td>' in _row(nodes, "5月")
    assert 'data-label="说明">未到该节点</td>' in _row(nodes, "6月（二季度末）")
    for month in ("1月", "2月", "6月（二季度末）", "12月（四季度末）"):
        row = _row(nodes, month)
        assert "—" in row and 'data-label="说明"></td>' not in row, month
