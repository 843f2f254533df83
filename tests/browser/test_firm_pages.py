"""A county office reads its firms' 亩均效益评价 in the browser: only its own county's firms,
filtered by class, and a firm's page with the policies its class brings. Firms and figures are
tests.assessment's (武陟县: 甲 A, 乙 B, 丁 D)."""

import pytest
from playwright.sync_api import expect

from guanmo.assessment.firms import LOW_TAX_RULE, POLICIES
from tests.assessment.test_firm_register import register_sheet, run
from tests.assessment.test_firm_results import issue
from tests.browser.pages import log_in


@pytest.fixture
def issued(transactional_db, world, tmp_path):
    run("import-firms", str(register_sheet(tmp_path / "企业.xlsx")), "--year", "2025")
    return issue(world)


def test_a_county_office_reads_only_its_firms_and_their_policies(
    live_server, desktop, issued, screenshot_dir
):
    county = log_in(desktop, live_server.url, "wuzhi")
    county.goto(f"{live_server.url}/assessment/firms/")
    rows = county.locator("#firms tbody tr")
    expect(rows).to_have_count(3)
    expect(county.locator("#firms")).not_to_contain_text("己")
    county.get_by_label("等次").select_option("D")
    county.get_by_role("button", name="筛选").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("丁")
    county.get_by_role("link", name="丁").click()
    expect(county.locator("h1")).to_have_text("丁")
    policies = county.locator("#year-2025 .policies")
    for policy in [*POLICIES["D"], LOW_TAX_RULE]:
        expect(policies).to_contain_text(policy)
    county.screenshot(path=str(screenshot_dir / "firm_page.png"), full_page=True)
