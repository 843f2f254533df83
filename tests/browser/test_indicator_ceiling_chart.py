"""The 指标调度 chart of targets draws a ceiling (赴京访批次, lower being better) as what it is:
the share of its 控制数 used, against a 控制数 line, never as a target's completion to reach."""

from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.indicators.models import Indicator
from guanmo.indicators.services import Source, TargetInput, ValueInput, set_targets, store_values
from tests.browser.pages import log_in
from tests.indicators.pages import indicator_city
from tests.world import YEAR

OPTION = """() => {
  const option = echarts.getInstanceByDom(document.getElementById("target-chart")).getOption();
  return {
    legend: option.legend.flatMap((legend) => legend.data || []),
    series: option.series.map((series) => ({
      name: series.name,
      data: series.data,
      lines: ((series.markLine || {}).data || []).map((line) => [line.name, line.xAxis]),
    })),
    categories: option.yAxis[0].data,
  };
}"""


@pytest.fixture
def ceiling(transactional_db, world):
    """武陟县: 脱贫人口 7.38万人 to reach (3.0 done by June), and at most 36 批 赴京访 in the
    year, 30 used by June."""
    figures = indicator_city(world, months=(5, 6))
    store_values(
        figures.poverty, YEAR, 6, [ValueInput(world.wuzhi, Decimal(3))], source="", user=None
    )
    petitions = Indicator.objects.get(city=world.city, name="赴京访批次")
    set_targets(petitions, YEAR, [TargetInput(world.wuzhi, amount=Decimal(36))])
    store_values(
        petitions, YEAR, 6, [ValueInput(world.wuzhi, Decimal(30))], source=Source.IMPORT, user=None
    )
    return figures


def test_a_ceiling_is_drawn_against_its_control_line_not_as_a_target(
    live_server, desktop, world, ceiling, screenshot_dir
):
    page = log_in(desktop, live_server.url, "shixmb")
    page.goto(f"{live_server.url}{reverse('indicator_board')}?year={YEAR}&month=6")
    page.wait_for_function("echarts.getInstanceByDom(document.getElementById('target-chart'))")
    option = page.evaluate(OPTION)

    assert "控制数" in option["legend"]
    assert not any("目标" in name for name in option["legend"])
    series = {each["name"]: each for each in option["series"]}
    at = option["categories"].index("武陟县·赴京访批次")
    assert series["已用控制数"]["data"][at] == "83.3"
    assert series["完成率"]["data"][at] is None  # a ceiling is not a completion to reach
    assert ["控制数", 100] in series["控制数"]["lines"]
    poverty = option["categories"].index("武陟县·脱贫人口")
    assert series["完成率"]["data"][poverty] is not None
    page.locator("#target-chart").screenshot(path=screenshot_dir / "ceiling-chart.png")


TOOLTIP = """(at) => {
  const chart = echarts.getInstanceByDom(document.getElementById("target-chart"));
  chart.dispatchAction({ type: "showTip", seriesIndex: 1, dataIndex: at });
  return new Promise((done) => setTimeout(() => done(
    [...document.querySelectorAll("#target-chart div")]
      .map((div) => div.innerText).filter((text) => text.includes("·")).pop() || ""
  ), 300));
}"""


def test_a_ceilings_tooltip_says_its_share_used_without_an_empty_completion(
    live_server, desktop, world, ceiling
):
    # Tryout 12: the ceiling's tooltip said 完成率：— beside its 已用控制数.
    page = log_in(desktop, live_server.url, "shixmb")
    page.goto(f"{live_server.url}{reverse('indicator_board')}?year={YEAR}&month=6")
    page.wait_for_function("echarts.getInstanceByDom(document.getElementById('target-chart'))")
    at = page.evaluate(OPTION)["categories"].index("武陟县·赴京访批次")
    said = page.evaluate(TOOLTIP, at)
    assert "武陟县·赴京访批次" in said and "已用控制数：83.3%" in said
    assert "完成率" not in said
