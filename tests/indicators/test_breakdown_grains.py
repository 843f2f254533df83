"""A target is broken down into quarters, months and 旬, never weeks (issue 12 asks 季/月/旬;
weeks appear only in a quoted speech): the 年度目标 page and the node tables say so plainly,
so that no one looks for 周 (以旬保月、以月保季、以季保年)."""

import pytest
from django.urls import reverse

from guanmo.indicators.choices import BREAKDOWN_GRAINS
from tests.indicators.pages import indicator_city


@pytest.fixture
def figures(world):
    return indicator_city(world)


def test_the_grains_are_quarter_month_and_ten_days():
    assert BREAKDOWN_GRAINS == "分解到季、月、旬（最细到旬，不设周节点）"


def test_the_targets_page_says_which_grains_a_profile_breaks_down_to(client, world, figures):
    client.force_login(world.users["city"])
    url = reverse("target_form") + f"?year=2025&indicator={figures.poverty.pk}"
    body = client.get(url).content.decode()
    header = body[body.index("<th>分解方式") :]
    assert header[: header.index("</th>")] == "<th>分解方式<br><small>（季、月、旬）</small>"
    assert f"数额目标按分解方式{BREAKDOWN_GRAINS}" in body


def test_the_node_tables_say_the_finest_node_is_the_ten_days(client, world, figures):
    client.force_login(world.users["city"])
    body = client.get(reverse("indicator_board") + "?year=2025&month=5").content.decode()
    nodes = body[body.index('id="target-nodes"') :]
    assert BREAKDOWN_GRAINS in nodes[: nodes.index("</p>")]
