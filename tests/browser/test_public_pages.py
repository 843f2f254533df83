"""The public pages in Chromium, without logging in: the list with its month in plain view,
search and filters, the map with county outlines and project points, and a project's page, at
desktop and phone sizes (screenshots in var/screenshots)."""

import pytest
from playwright.sync_api import Page, expect

from tests.disclosure.seeds import publish_march

POINT_COLOUR = "#2f8132"  # map.js's colour for a project without a warning level


@pytest.fixture
def public_world(transactional_db, world):
    return publish_march(world)


def open_map(page: Page, url: str) -> None:
    page.goto(url)
    page.locator("#map[data-ready]").wait_for(state="attached")


def test_a_stranger_browses_the_public_pages(
    live_server, desktop, phone, public_world, screenshot_dir
):
    base = live_server.url
    page = desktop.new_page()
    page.goto(f"{base}/public/")
    expect(page.locator("h1")).to_have_text("焦作市2025年重点项目公示")
    expect(page.locator("#as-of")).to_have_text("数据截至2025年3月")
    expect(page.get_by_role("link", name="退出")).to_have_count(0)  # nobody is signed in
    rows = page.locator("#public-projects tbody tr")
    expect(rows).to_have_count(4)
    expect(rows.first).to_contain_text("33.3%")
    page.screenshot(path=screenshot_dir / "public-list-desktop.png", full_page=True)

    page.get_by_label("县区").select_option(label="温县")
    page.get_by_role("button", name="查询").click()
    expect(rows).to_have_count(2)
    page.get_by_label("搜索").fill("太极")
    page.get_by_role("button", name="查询").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("温县太极文化产业园")
    page.get_by_label("县区").select_option(label="全部")
    page.get_by_label("搜索").fill("")
    page.get_by_label("建设性质").select_option("新开工")
    page.get_by_role("button", name="查询").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("武陟县冷链物流园")
    page.screenshot(path=screenshot_dir / "public-filtered-desktop.png", full_page=True)

    page.get_by_role("link", name="项目地图").click()
    page.locator("#map[data-ready='4']").wait_for(state="attached")
    outlines = page.locator("#map path.leaflet-interactive:not([fill='" + POINT_COLOUR + "'])")
    points = page.locator(f"#map path.leaflet-interactive[fill='{POINT_COLOUR}']")
    assert outlines.count() >= 10  # the ten counties of 焦作市 (and any zone with a shape)
    expect(points).to_have_count(4)
    page.screenshot(path=screenshot_dir / "public-map-desktop.png", full_page=True)
    points.nth(2).click(force=True)
    link = page.locator(".leaflet-popup-content a")
    expect(link).to_have_text("温县太极文化产业园")  # the third point, in the list's order
    link.click()
    expect(page.locator("h2.project-name")).to_have_text("温县太极文化产业园")
    expect(page.locator("#figures")).to_contain_text("40.0%")
    expect(page.locator("#facts")).to_contain_text("温县太极文旅集团")
    page.screenshot(path=screenshot_dir / "public-project-desktop.png", full_page=True)

    page.goto(f"{base}/public/410800/")
    page.get_by_role("link", name="接口说明").click()  # Swagger UI from its bundled files
    expect(page.get_by_text("重点项目公示开放数据接口")).to_be_visible()
    expect(page.get_by_text("/public/api/cities/{code}/projects", exact=True)).to_be_visible()

    small = phone.new_page()
    small.goto(f"{base}/public/")
    expect(small.locator("#as-of")).to_be_visible()
    small.screenshot(path=screenshot_dir / "public-list-phone.png", full_page=True)
    small.get_by_role("link", name="温县太极文化产业园").click()
    expect(small.locator("#figures")).to_contain_text("40.0%")
    small.screenshot(path=screenshot_dir / "public-project-phone.png", full_page=True)
    small.get_by_role("link", name="项目地图").click()
    small.locator("#map[data-ready='4']").wait_for(state="attached")
    small.screenshot(path=screenshot_dir / "public-map-phone.png", full_page=True)

    for name in ("list", "project", "map"):
        for size in ("desktop", "phone"):
            assert (
                (screenshot_dir / f"public-{name}-{size}.png").read_bytes().startswith(b"\x89PNG")
            )
