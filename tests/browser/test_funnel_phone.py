"""The funnel page (/attraction/) on a 375px phone: the page itself never scrolls sideways; a
wide table scrolls inside its own frame (issue 14, a fresh user's finding)."""

from datetime import date
from decimal import Decimal

import pytest

from guanmo.attraction.models import Lead, StageDate
from guanmo.attraction.stages import Stage
from tests.browser.conftest import NARROW_WIDTH
from tests.browser.pages import log_in
from tests.world import YEAR


@pytest.fixture
def leads(transactional_db, world, settings):
    settings.GUANMO_TODAY = date(YEAR, 12, 15)
    for number, county in enumerate([world.wuzhi, world.wenxian, world.wuzhi], start=1):
        lead = Lead.objects.create(
            city=world.city,
            county=county,
            name=f"新能源汽车零部件智能制造产业园项目{number}",
            investor="深圳市比亚迪供应链管理有限公司",
            register_year=YEAR,
            contract_investment=Decimal("86500"),
        )
        StageDate.objects.create(lead=lead, stage=Stage.SIGNED, reached=date(YEAR, 3, number))
        StageDate.objects.create(lead=lead, stage=Stage.LANDED, reached=date(YEAR, 4, number))


def test_the_funnel_page_does_not_scroll_sideways_on_a_phone(
    live_server, narrow_phone, world, leads, screenshot_dir
):
    page = log_in(narrow_phone, live_server.url, "shixmb")
    page.goto(f"{live_server.url}/attraction/")

    page.screenshot(path=screenshot_dir / "funnel-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW_WIDTH


def test_a_leads_page_with_its_preparatory_form_does_not_scroll_sideways_on_a_phone(
    live_server, narrow_phone, world, leads, screenshot_dir
):
    """Tryout 28: the 前期手续 form's table (手续 | 计划日期 | 实际日期, date inputs) ran to
    388 px on a 375 px phone; it stacks as the other tables do."""
    lead = Lead.objects.filter(county=world.wuzhi).first()
    page = log_in(narrow_phone, live_server.url, "shixmb")
    page.goto(f"{live_server.url}/attraction/leads/{lead.pk}/")

    page.screenshot(path=screenshot_dir / "lead-phone.png", full_page=True)
    assert page.locator("#preparatory-form").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW_WIDTH
