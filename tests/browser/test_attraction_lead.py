"""A lead followed in the browser from 洽谈 to 达产 (issue 14, "Done when"): the city office
records each stage on the lead's page, the lead becomes a ledger project when it starts, and
the funnel page and the month's bulletin change accordingly."""

from datetime import date

import pytest
from playwright.sync_api import expect

from guanmo.attraction.models import Lead, StageDate
from guanmo.attraction.stages import Stage
from guanmo.ledger.models import Project
from guanmo.reporting.services import close_period, open_period
from tests.browser.pages import log_in
from tests.world import YEAR


@pytest.fixture
def lead(transactional_db, world):
    lead = Lead.objects.create(
        city=world.city,
        county=world.wuzhi,
        name="香雪海冷链产业园",
        investor="香雪海家电集团",
        register_year=YEAR,
    )
    StageDate.objects.create(lead=lead, stage=Stage.NEGOTIATING, reached=date(YEAR, 1, 8))
    return lead


def _record(page, stage: str, day: str, investment: str | None = None) -> None:
    form = page.locator("#stage-form")
    form.get_by_label("阶段").select_option(stage)
    form.get_by_label("实际日期").fill(day)
    if investment:
        form.get_by_label("合同投资（万元）").fill(investment)
    form.get_by_role("button", name="保存").click()
    expect(page.locator(".messages")).to_contain_text(f"已记录香雪海冷链产业园的{stage}日期")


def _funnel_row(page, base: str) -> list[str]:
    page.goto(f"{base}/attraction/?year={YEAR}&month=11")
    return page.locator("#by-unit tbody tr").first.locator("td").all_inner_texts()


def test_a_lead_goes_from_talks_to_full_output(live_server, desktop, world, lead, screenshot_dir):
    base = live_server.url
    page = log_in(desktop, base, "shixmb")
    assert _funnel_row(page, base)[:2] == ["1", "0"]  # in talks, nothing signed

    page.get_by_role("link", name="香雪海冷链产业园").click()
    expect(page.locator("h1")).to_have_text("香雪海冷链产业园")
    _record(page, "签约", "2025-02-10", investment="35000")
    _record(page, "落地", "2025-03-15")
    expect(page.locator("#ledger-project")).to_contain_text("未开工")
    _record(page, "开工", "2025-04-20")
    expect(page.locator(".messages")).to_contain_text(
        "转入重点项目台账，新建重点项目“香雪海冷链产业园”"
    )
    expect(page.locator("#ledger-project a")).to_have_text("香雪海冷链产业园")
    project = Project.objects.get(name="香雪海冷链产业园")
    assert (project.county, project.start_year) == (world.wuzhi, YEAR)
    _record(page, "投产", "2025-08-01")
    _record(page, "达产", "2025-11-20")
    expect(page.locator("#stages tr", has_text="达产")).to_contain_text("2025年11月20日")
    page.screenshot(path=str(screenshot_dir / "attraction_lead.png"), full_page=True)

    row = _funnel_row(page, base)
    assert row[:6] == ["1", "1", "1", "1", "1", "1"]
    assert row[9:13] == ["100.0%", "100.0%", "100.0%", "100.0%"]
    expect(page.locator("#sentences")).to_contain_text(
        "2025年1—11月，全市新增签约项目1个、合同投资3.5亿元，其中已开工1个，开工率100.0%。"
    )
    expect(page.locator("#funnel-chart tr", has_text="达产")).to_contain_text("1个")

    period = open_period(world.city, year=YEAR, month=11, deadline=date(YEAR, 12, 5), user=None)
    close_period(period, user=world.users["city"])
    page.goto(f"{base}/bulletins/{YEAR}/11/")
    expect(page.locator("main")).to_contain_text("招商引资项目推进情况")
    expect(page.locator("main")).to_contain_text("全市新增签约项目1个、合同投资3.5亿元")
