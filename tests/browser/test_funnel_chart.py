"""The funnel page's Sankey chart draws in the browser and its numbers are the table's beside
it (issue 14, "Pages and documents")."""

from datetime import date, timedelta

import pytest

from guanmo.attraction.models import Lead, StageDate
from guanmo.attraction.stages import STAGES
from tests.browser.pages import log_in
from tests.world import YEAR


@pytest.fixture
def leads(transactional_db, world):
    """Five leads of the year: all in talks, four signed, three landed, one started."""
    for number, reached in enumerate([1, 2, 3, 3, 4], start=1):
        lead = Lead.objects.create(
            city=world.city, county=world.wuzhi, name=f"项目{number}", register_year=YEAR,
            contract_investment=10000,
        )  # fmt: skip
        for step, stage in enumerate(STAGES[:reached]):
            StageDate.objects.create(
                lead=lead, stage=stage, reached=date(YEAR, 2, 1) + timedelta(days=10 * step)
            )


def test_the_sankey_draws_the_tables_counts(live_server, desktop, leads):
    page = log_in(desktop, live_server.url, "shixmb")
    page.goto(f"{live_server.url}/attraction/?year={YEAR}&month=11")
    page.locator("#funnel-sankey[data-ready]").wait_for(state="attached")

    table = {
        row.locator("th").inner_text(): int(row.locator("td").inner_text().split("个")[0])
        for row in page.locator("#funnel-chart tr").all()
    }
    drawn = page.evaluate(
        """() => {
          const option = echarts.getInstanceByDom(document.getElementById("funnel-sankey"))
            .getOption().series[0];
          return {
            nodes: Object.fromEntries(option.data.map((n) => [n.name, n.value])),
            links: option.links.map((l) => [l.source, l.target, l.value]),
          };
        }"""
    )
    assert table == {"洽谈": 5, "签约": 4, "落地": 3, "开工": 1, "投产": 0, "达产": 0}
    assert {name: drawn["nodes"].get(name, 0) for name in table} == table
    assert "投产" not in drawn["nodes"]  # nobody reached it: in the table, not the chart
    assert drawn["links"] == [
        ["洽谈", "签约", 4], ["洽谈", "未签约", 1], ["签约", "落地", 3], ["签约", "未落地", 1],
        ["落地", "开工", 1], ["落地", "未开工", 2], ["开工", "未投产", 1],
    ]  # fmt: skip
    assert page.locator("#funnel-sankey canvas").count() == 1
    box = page.locator("#funnel-sankey canvas").bounding_box()
    assert box["width"] > 200 and box["height"] > 200
    painted = page.evaluate(
        """() => {
          const canvas = document.querySelector("#funnel-sankey canvas");
          const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
          let painted = 0;
          for (let i = 3; i < pixels.data.length; i += 4) if (pixels.data[i]) painted++;
          return painted;
        }"""
    )
    assert painted > 1000  # the chart is drawn, not an empty canvas
