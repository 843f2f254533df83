"""Issue 10 in Chromium, at desktop and phone sizes: the demo's dashboard on its 15 December
shows November (closed), not December (open); 提交 after typing keeps the figure; leaving a
typed page asks first; the milestones form saved twice keeps 计划开工 (the 开工 milestone's
planned date, once on the ledger edit form); a department lands on
its 待办问题; a county opens its tour's schedule."""

from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from guanmo.accounts.models import User
from guanmo.demo.city import TODAY, YEAR, build_demo_city
from guanmo.demo.people import create_demo_people, create_demo_periods
from guanmo.ledger.models import Milestone, MilestoneKind
from guanmo.observation import route
from guanmo.observation.models import Tour
from guanmo.progress.selectors import progress_report_for
from guanmo.reporting.services import open_period
from tests.browser.pages import log_in
from tests.observation.tours import build_tour
from tests.world import PASSWORD

SIZES = ("desktop", "phone")


@pytest.fixture
def contexts(desktop, phone):
    return {"desktop": desktop, "phone": phone}


def test_the_demo_dashboard_on_15_december_shows_november(
    live_server, transactional_db, settings, contexts, screenshot_dir
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.GUANMO_TODAY = TODAY
    city = build_demo_city().city
    create_demo_people(city)
    create_demo_periods(city, YEAR, 12)
    office = User.objects.get(username="shixmb")
    office.set_password(PASSWORD)
    office.save()
    november = progress_report_for(city, YEAR, 11).headline

    for size in SIZES:
        page = log_in(contexts[size], live_server.url, "shixmb")
        headline = page.locator("#headline").inner_text()
        assert november in headline
        assert "1—11月" in headline and "超时间进度2.2个百分点" in headline
        expect(page.locator("#as-of")).to_have_text("数据截至2025年11月")
        expect(page.locator("#reporting h2")).to_have_text("2025年12月填报进度")
        assert "1—12月" not in page.content()
        page.screenshot(path=screenshot_dir / f"demo-dashboard-{size}.png", full_page=True)


@pytest.fixture
def april(transactional_db, world):
    return open_period(
        world.city, year=2025, month=4, deadline=date(2025, 5, 5), user=world.users["city"]
    )


@pytest.mark.parametrize("size", SIZES)
def test_submit_after_typing_keeps_the_figure(live_server, contexts, world, april, size):
    context = contexts[size]
    context.on("page", lambda page: page.on("dialog", lambda dialog: dialog.accept()))
    report = april.reports.get(county=world.wuzhi)
    equipment = world.projects["武陟装备"].pk
    page = log_in(context, live_server.url, "wuzhi")
    page.goto(f"{live_server.url}/reporting/reports/{report.pk}/")

    page.locator(f"input[name=k-{equipment}]").fill("520")
    page.locator(f"textarea[name=v-{equipment}]").fill("主体封顶")
    page.get_by_role("button", name="提交", exact=True).click()

    expect(page.locator("#report-status")).to_have_text("已提交")
    expect(page.locator("#grid")).to_contain_text("520")
    entry = report.entries.get(project_id=equipment)
    assert entry.cumulative_completed == Decimal("520")


def test_leaving_a_typed_grid_asks_first(live_server, desktop, world, april):
    report = april.reports.get(county=world.wuzhi)
    equipment = world.projects["武陟装备"].pk
    page = log_in(desktop, live_server.url, "wuzhi")
    page.goto(f"{live_server.url}/reporting/reports/{report.pk}/")
    asked = []

    def stay(dialog) -> None:
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    page.locator(f"input[name=k-{equipment}]").click()
    page.keyboard.type("520")
    page.get_by_role("link", name="看板").click()

    expect(page.locator(f"input[name=k-{equipment}]")).to_have_value("520")
    assert asked == ["beforeunload"]


@pytest.mark.parametrize("size", SIZES)
def test_the_milestones_form_saved_twice_keeps_the_planned_start(
    live_server, transactional_db, contexts, world, size
):
    project = world.projects["武陟装备"]
    Milestone.objects.create(project=project, kind=MilestoneKind.STARTED, planned=date(2025, 3, 1))
    page = log_in(contexts[size], live_server.url, "shixmb")

    for _ in range(2):
        page.goto(f"{live_server.url}/projects/{project.pk}/milestones/")
        expect(page.get_by_label("开工计划日期")).to_have_value("2025-03-01")
        page.get_by_label("修改原因").fill("核对节点")
        page.get_by_role("button", name="保存节点").click()
        expect(page.locator(".messages")).to_contain_text("0项变化")

    project.refresh_from_db()
    assert project.planned_start == date(2025, 3, 1)
    assert not project.changes.exists()
    expect(page.locator("main")).to_contain_text("2025年3月1日")


@pytest.mark.parametrize("size", SIZES)
def test_a_department_lands_on_its_queue(live_server, transactional_db, contexts, world, size):
    page = log_in(contexts[size], live_server.url, "zrzyj")

    assert page.url.endswith("/supervision/queue/")
    expect(page.locator("main h1")).to_have_text("市自然资源和规划局待办问题")


@pytest.mark.parametrize("size", SIZES)
def test_a_county_opens_its_tours_schedule(
    live_server, transactional_db, contexts, world, size, screenshot_dir
):
    tour = build_tour(world)
    Tour.objects.filter(pk=tour.pk).update(
        start_latitude=Decimal("35.215"), start_longitude=Decimal("113.242")
    )
    sites = route.route_sites(tour)
    route.save_order(tour, [[str(site.pk) for site in sites]])
    page: Page = log_in(contexts[size], live_server.url, "wuzhi")

    page.goto(f"{live_server.url}/observation/{tour.pk}/")
    page.get_by_role("link", name="路线与日程").click()

    expect(page.locator("main h1")).to_contain_text("路线与日程")
    expect(page.locator("main")).to_contain_text("武陟县智能装备产业园")
    expect(page.get_by_role("button", name="自动排线")).to_have_count(0)
    with page.expect_download() as download:
        page.get_by_role("link", name="下载日程（.docx）").click()
    assert download.value.suggested_filename.endswith("日程安排.docx")
    page.screenshot(path=screenshot_dir / f"county-route-{size}.png", full_page=True)
