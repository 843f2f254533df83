"""A whole month in the browser: the county fills its grid (with a paste from Excel) and
submits, the city returns it with a reason, the county corrects and resubmits, the city
approves and closes, and the dashboard's headline and ranking move; the other county sees none
of it."""

from datetime import date

import pytest
from playwright.sync_api import Page, expect

from guanmo.reporting.services import open_period
from tests.browser.pages import log_in
from tests.world import YEAR


@pytest.fixture
def april(transactional_db, world):
    return open_period(
        world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=world.users["city"]
    )


def paste(page: Page, selector: str, text: str) -> None:
    """Paste `text` into a cell as a clipboard event carrying it, as Excel's copy does."""
    page.locator(selector).focus()
    page.evaluate(
        """([selector, text]) => {
            const data = new DataTransfer();
            data.setData("text/plain", text);
            document.querySelector(selector).dispatchEvent(
                new ClipboardEvent(
                    "paste", { clipboardData: data, bubbles: true, cancelable: true }));
        }""",
        [selector, text],
    )


def ranking(page: Page) -> list[tuple[str, str]]:
    """(rank, county) of the ranked rows of the dashboard's ranking table (not those with —
    or 本月无在列重点项目 for a rank)."""
    rows = page.locator("#ranking tbody tr").all_inner_texts()
    cells = [row.split("\t") for row in rows]
    return [(cell[0].strip(), cell[1].strip()) for cell in cells if cell[0].strip()[:1].isdigit()]


def test_a_month_from_the_grid_to_the_dashboard(
    live_server, desktop, phone, browser, world, april, screenshot_dir
):
    base = live_server.url
    report = april.reports.get(county=world.wuzhi)
    equipment, logistics = world.projects["武陟装备"].pk, world.projects["武陟物流"].pk
    desktop.on("page", lambda page: page.on("dialog", lambda dialog: dialog.accept()))

    city = log_in(desktop, base, "shixmb")
    headline_before = city.locator("#headline").inner_text()
    assert ranking(city) == [("1", "温县"), ("2", "武陟县")]

    county_context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    county_context.on("page", lambda page: page.on("dialog", lambda dialog: dialog.accept()))
    county = log_in(county_context, base, "wuzhi")
    county.get_by_role("link", name="月报").click()
    county.get_by_role("link", name="填报", exact=True).click()
    expect(county.locator("h1")).to_contain_text("武陟县 2025年4月")

    county.locator(f"input[name=k-{equipment}]").fill("1000")
    county.locator("#grid[data-ready]").wait_for(state="attached")  # its paste handler is on
    paste(county, f"input[name=c-{logistics}]", "30\t\t基础施工\t用地手续待批\r\n")
    expect(county.locator(f"textarea[name=v-{logistics}]")).to_have_value("基础施工")
    expect(county.locator(f"textarea[name=p-{logistics}]")).to_have_value("用地手续待批")
    # totals follow the typing: 600 + 30 this month, 1000 + 150 cumulative
    expect(county.locator("#total-month")).to_have_text("630")
    expect(county.locator("#total-cumulative")).to_have_text("1150")
    county.screenshot(path=screenshot_dir / "grid-desktop.png", full_page=True)
    county.get_by_role("button", name="保存草稿").click()
    expect(county.locator(".messages")).to_contain_text("草稿已保存")
    county.get_by_role("button", name="提交").click()
    expect(county.locator("#report-status")).to_have_text("已提交")

    city.goto(f"{base}/reporting/reports/{report.pk}/")
    city.get_by_label("退回原因").fill("冷链物流园本月完成偏低，请核实后重报")
    city.get_by_role("button", name="退回").click()
    expect(city.locator(".messages")).to_contain_text("已退回")

    county.reload()
    expect(county.locator("#return-reason")).to_contain_text("冷链物流园本月完成偏低")
    county.locator(f"input[name=c-{logistics}]").fill("80")
    expect(county.locator("#total-cumulative")).to_have_text("1200")
    county.get_by_role("button", name="保存草稿").click()
    expect(county.locator(".messages")).to_contain_text("草稿已保存")
    county.get_by_role("button", name="提交").click()
    expect(county.locator("#report-status")).to_have_text("已提交")

    city.goto(f"{base}/reporting/periods/{april.pk}/")
    city.locator(f"#report-{report.pk}").get_by_role("button", name="审核通过").click()
    expect(city.locator(".messages")).to_contain_text("审核通过")
    city.get_by_role("button", name="关闭本期填报").click()
    expect(city.locator(".messages")).to_contain_text("已关闭")

    city.goto(f"{base}/")
    headline_after = city.locator("#headline").inner_text()
    assert headline_after != headline_before
    assert "37.5%" in city.locator("#ranking").inner_text()  # (1000 + 200) ÷ 3200
    assert ranking(city) == [("1", "武陟县"), ("2", "温县")]

    # The county's report is locked now.
    county.reload()
    expect(county.locator(f"input[name=k-{equipment}]")).to_have_count(0)

    # The other county can open neither the report nor the projects of 武陟县.
    other_context = browser.new_context(locale="zh-CN")
    other = log_in(other_context, base, "wenxian")
    for url in (f"/reporting/reports/{report.pk}/", f"/projects/{equipment}/"):
        response = other.goto(base + url)
        assert response.status == 404
        assert "武陟" not in other.content()

    for context, size in ((desktop, "desktop"), (phone, "phone")):
        page = city if context is desktop else log_in(phone, base, "shixmb")
        page.on("console", lambda message: print("CONSOLE", message.text))
        page.on("pageerror", lambda error: print("PAGEERROR", error))
        page.goto(f"{base}/")
        page.locator("#ranking-chart canvas").first.wait_for(state="attached")
        page.screenshot(path=screenshot_dir / f"dashboard-{size}.png", full_page=True)
        page.goto(f"{base}/map/")
        page.locator("#map[data-ready]").wait_for(state="attached")
        page.screenshot(path=screenshot_dir / f"map-{size}.png", full_page=True)
        page.goto(f"{base}/reporting/reports/{report.pk}/")
        page.screenshot(path=screenshot_dir / f"grid-review-{size}.png", full_page=True)
    for name in ("dashboard", "map", "grid-review"):
        for size in ("desktop", "phone"):
            assert (screenshot_dir / f"{name}-{size}.png").read_bytes().startswith(b"\x89PNG")
    county_context.close()
    other_context.close()
