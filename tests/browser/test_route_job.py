"""The organiser clicks 自动排线: the job's progress page reaches 已完成 and leads back to the
planned route (jobs run at once in the tests, GUANMO_JOBS_SYNC)."""

from playwright.sync_api import expect

from tests.observation.tours import build_tour, put_on_map
from tests.world import PASSWORD


def test_planning_a_route_shows_its_job_and_leads_back_to_the_route(
    live_server, desktop, transactional_db, world, settings, screenshot_dir
):
    settings.GUANMO_ROUTE_SECONDS = 1
    tour = build_tour(world)
    put_on_map(tour, world)
    base = live_server.url
    page = desktop.new_page()
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("用户名").fill(world.users["city"].username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.goto(f"{base}/observation/{tour.pk}/route/")

    page.get_by_role("button", name="自动排线").click()
    expect(page.locator(".job-state")).to_have_text("已完成")
    expect(page.locator(".job-message")).to_have_text("排线完成：安排4个观摩点")
    page.screenshot(path=screenshot_dir / "route-job.png", full_page=True)
    page.get_by_role("link", name="查看结果").click()

    expect(page.get_by_role("heading", name="第1天（2025年6月18日）")).to_be_visible()
    expect(page.get_by_role("button", name="重新自动排线")).to_be_visible()
    assert not tour.sites.filter(day__isnull=True).exists()
