"""Debian's Chromium driven by Playwright (never `playwright install`), against live_server."""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
# Playwright's sync API runs an event loop in this thread; Django would otherwise refuse the
# ORM calls the tests make between page actions.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
    "user_agent": (
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36"
    ),
}


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("GUANMO_REQUIRE_BROWSER") == "1":
            pytest.fail("浏览器测试需要 /usr/bin/chromium（make system-packages 会安装）")
        pytest.skip("没有 /usr/bin/chromium，跳过浏览器测试")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
    yield _PolicyWatchedBrowser(chromium)
    chromium.close()
    playwright.stop()


# What the Content-Security-Policy blocked on any page of the current test (see below).
_BLOCKED: list[str] = []


class _PolicyWatchedBrowser:
    """The browser, whose every page reports what the Content-Security-Policy blocked: pages are
    tested with the policy the server sends, never bypassing it."""

    def __init__(self, browser) -> None:
        self._browser = browser

    def __getattr__(self, name):
        return getattr(self._browser, name)

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        context.on("page", _watch_policy)
        return context


def _watch_policy(page) -> None:
    page.on(
        "console",
        lambda message: (
            _BLOCKED.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )


@pytest.fixture(autouse=True)
def _no_policy_violation():
    """Every browser test fails if a page broke the Content-Security-Policy (inline script,
    eval, a resource from elsewhere)."""
    _BLOCKED.clear()
    yield
    assert _BLOCKED == []


def _context(browser, **options):
    return browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", **options)


@pytest.fixture
def desktop(browser):
    context = _context(browser, viewport={"width": 1366, "height": 900})
    yield context
    context.close()


@pytest.fixture
def phone(browser):
    context = _context(browser, **PHONE)
    yield context
    context.close()


@pytest.fixture
def screenshot_dir() -> Path:
    """var/screenshots/<database>: `make test` runs SQLite and PostgreSQL at once."""
    folder = SCREENSHOTS / os.environ.get("GUANMO_TEST_DATABASE", "sqlite")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
