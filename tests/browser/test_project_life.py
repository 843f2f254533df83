"""A project's life line and its planned curve in the browser (issue 14, "Pages and documents":
"a project's life line on its page (milestones planned and reached, the curve …)"): the county
office reads the milestones, enters a curve that does not add up to the plan and is refused,
enters one that does, and sees the curve drawn with the table's numbers."""

from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from guanmo.ledger.models import Milestone, MilestoneKind, MonthlyPlan
from guanmo.reporting.services import close_period, open_period
from tests.browser.pages import log_in

# 武陟装备's year: 1,200万元 planned; 100, 250, 400 cumulative done in January to March.
CURVE = ["100", "150", "250", "100", "100", "100", "100", "100", "50", "50", "50", "50"]


@pytest.fixture
def march_closed(transactional_db, world, settings):
    settings.GUANMO_TODAY = date(2025, 4, 20)
    project = world.projects["武陟装备"]
    Milestone.objects.create(
        project=project,
        kind=MilestoneKind.STARTED,
        planned=date(2025, 2, 10),
        reached=date(2025, 2, 20),
    )
    Milestone.objects.create(
        project=project, kind=MilestoneKind.COMPLETED, planned=date(2025, 12, 31)
    )
    march = open_period(world.city, year=2025, month=3, deadline=date(2025, 4, 5), user=None)
    close_period(march, user=world.users["city"])
    return project


def _fill_curve(page, amounts: list[str]) -> None:
    form = page.locator("#curve-form")
    for month, amount in enumerate(amounts, start=1):
        form.locator(f"[name=m{month}]").fill(amount)
    form.get_by_role("button", name="保存月度计划").click()


def _amount(text: str) -> Decimal | None:
    return None if text == "—" else Decimal(text.replace(",", ""))


def test_the_life_line_and_the_curve_drawn_from_its_table(
    live_server, desktop, world, march_closed, screenshot_dir
):
    base = live_server.url
    page = log_in(desktop, base, "wuzhi")
    page.goto(f"{base}/projects/{march_closed.pk}/")

    started = page.locator("#milestones tbody tr", has_text="开工").first
    expect(started).to_contain_text("2025年2月10日")
    expect(started).to_contain_text("2025年2月20日")
    expect(started).to_contain_text("已完成（晚于计划）")
    expect(page.locator("#milestones tbody tr", has_text="竣工")).to_contain_text("未到期")

    page.get_by_role("link", name="填写月度计划投资").click()
    _fill_curve(page, [*CURVE[:11], "49"])
    expect(page.locator("#curve-form .faults")).to_contain_text(
        "12个月计划投资合计1199万元，与年度计划投资1200万元不一致"
    )
    assert not MonthlyPlan.objects.exists()

    _fill_curve(page, CURVE)
    expect(page.locator(".messages")).to_contain_text("月度计划已保存")
    page.locator("#curve-chart[data-ready]").wait_for(state="attached")

    table = [
        [_amount(cell) for cell in row.locator("td").all_inner_texts()[1:]]
        for row in page.locator("#curve tbody tr").all()
    ]
    assert table[:4] == [
        [Decimal("100"), Decimal("100"), Decimal("100")],
        [Decimal("150"), Decimal("250"), Decimal("250")],
        [Decimal("250"), Decimal("500"), Decimal("400")],
        [Decimal("100"), Decimal("600"), None],
    ]
    drawn = page.evaluate(
        """() => {
          const option = echarts.getInstanceByDom(document.getElementById("curve-chart"))
            .getOption();
          return Object.fromEntries(option.series.map((s) => [s.name, s.data]));
        }"""
    )
    assert set(drawn) == {"月度计划", "累计计划", "累计完成"}
    for column, name in enumerate(["月度计划", "累计计划", "累计完成"]):
        assert [None if v is None else Decimal(str(v)) for v in drawn[name]] == [
            row[column] for row in table
        ]
    painted = page.evaluate(
        """() => {
          const canvas = document.querySelector("#curve-chart canvas");
          const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
          let painted = 0;
          for (let i = 3; i < pixels.data.length; i += 4) if (pixels.data[i]) painted++;
          return painted;
        }"""
    )
    assert painted > 1000  # drawn, not an empty canvas
    # due by March 500 of 1,200 (41.7%); the gap is the exact one rounded once, not 33.3 − 41.7
    expect(page.locator("#curve-progress")).to_contain_text("41.7%，较序时进度-8.3个百分点")
    page.screenshot(path=str(screenshot_dir / "project_life.png"), full_page=True)
