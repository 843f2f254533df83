"""Steps the browser tests share."""

from playwright.sync_api import BrowserContext, Page, expect

from tests.world import PASSWORD


def log_in(context: BrowserContext, base: str, username: str) -> Page:
    """A new page signed in as `username`, on the page his role lands on (the dashboard, or a
    department's 待办问题)."""
    page = context.new_page()
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    expect(page.locator("main h1")).to_be_visible()
    return page
