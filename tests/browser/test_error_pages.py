"""In production mode (debug off) a mistyped address shows the Chinese 404 page in Chromium, at
desktop and phone sizes, with the way back."""

from playwright.sync_api import expect


def test_a_mistyped_address_shows_the_chinese_404_page(
    live_server, desktop, phone, settings, transactional_db, screenshot_dir
):
    settings.DEBUG = False
    for name, context in (("desktop", desktop), ("phone", phone)):
        page = context.new_page()
        response = page.goto(f"{live_server.url}/projects/no-such-page/")
        assert response.status == 404
        expect(page.locator("h1")).to_have_text("页面不存在（404）")
        expect(page.locator("body")).not_to_contain_text("Not Found")
        expect(page.get_by_role("link", name="重点项目公示").last).to_be_visible()
        page.screenshot(path=screenshot_dir / f"404-{name}.png", full_page=True)
