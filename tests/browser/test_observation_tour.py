"""A tour on phones: three judges (one from 武陟县, so recused from its sites) score four sites
in phone-sized Chromium; one judge's connection drops mid-submit and his score still arrives,
once; the organiser closes the sites and the results page and .docx rank the counties."""

from decimal import Decimal

import pytest
from docx import Document
from playwright.sync_api import BrowserContext, Page, Route, expect

from guanmo.observation import services
from guanmo.observation.models import ScoreForm
from tests.browser.conftest import PHONE
from tests.observation.tours import build_tour
from tests.world import PASSWORD

# Each judge gives the same points to all four criteria of a site: total = 4 × points.
POINTS = {
    ("张评委", "武陟县智能装备产业园"): "20",
    ("王评委", "武陟县智能装备产业园"): "21",
    ("张评委", "武陟县冷链物流园"): "22",
    ("王评委", "武陟县冷链物流园"): "22.5",
    ("张评委", "温县太极文化产业园"): "23",
    ("李评委", "温县太极文化产业园"): "22",
    ("王评委", "温县太极文化产业园"): "23.5",
    ("张评委", "温县健康食品产业园"): "19",
    ("李评委", "温县健康食品产业园"): "20",
    ("王评委", "温县健康食品产业园"): "19.5",
}
# Fewer than five judges: no trimming. 武陟县 (82.00 + 89.00) / 2 = 85.50;
# 温县 (91.33 + 78.00) / 2 = 84.665 → 84.67, half up.
EXPECTED_RANKING = [("1", "武陟县", "85.50"), ("2", "温县", "84.67")]


@pytest.fixture
def tour(transactional_db, world):
    tour = build_tour(world)
    services.open_scoring(tour)
    return tour


def score_site(page: Page, site: str, points: str) -> None:
    page.get_by_role("link", name=site).click()
    # Wait for the site's own page: `.all()` does not wait, and on the list page still shown it
    # finds no fields, leaving the total at 0 (a failure seen once in CI).
    expect(page.get_by_role("heading", name=site)).to_be_visible()
    fields = page.locator("input[data-criterion]")
    expect(fields).to_have_count(4)
    for field in fields.all():
        field.fill(points)
    total = Decimal(points) * 4
    expect(page.locator("#total")).to_have_text(f"{total.normalize():f}")
    page.get_by_role("button", name="提交评分").click()


def judge_scores(context: BrowserContext, base: str, tour, name: str, screenshots=None) -> Page:
    judge = tour.judges.get(name=name)
    page = context.new_page()
    page.goto(f"{base}/observation/j/{judge.token}/")
    expect(page.get_by_text(f"评委：{name}")).to_be_visible()
    for (judge_name, site), points in POINTS.items():
        if judge_name != name:
            continue
        score_site(page, site, points)
        expect(page.locator("#status")).to_contain_text("评分已送达")
        if screenshots:
            page.screenshot(path=screenshots / "judge-phone-score.png", full_page=True)
            screenshots = None
        page.get_by_role("link", name="返回观摩点列表").click()
    return page


def test_a_tour_scored_on_phones_to_its_results(
    live_server, browser, desktop, world, tour, screenshot_dir
):
    base = live_server.url
    phones = [browser.new_context(locale="zh-CN", **PHONE) for _ in range(3)]
    try:
        judge_scores(phones[0], base, tour, "张评委", screenshots=screenshot_dir)

        # 李评委 of 武陟县 sees only 温县's sites.
        li = judge_scores(phones[1], base, tour, "李评委")
        links = li.locator(".site-list a").all_inner_texts()
        assert links == ["温县太极文化产业园", "温县健康食品产业园"]
        li.screenshot(path=screenshot_dir / "judge-phone-list.png", full_page=True)

        # 王评委's connection drops after his first submission has reached the server: the
        # phone never hears back, keeps the score, and resends it.
        wang = tour.judges.get(name="王评委")
        page = phones[2].new_page()
        page.goto(f"{base}/observation/j/{wang.token}/")
        dropped = []

        def drop_the_answer(route: Route) -> None:
            if not dropped:
                route.fetch()  # the request reaches the server and is stored…
                dropped.append(True)
                route.abort("internetdisconnected")  # …but the answer is lost
            else:
                route.continue_()

        page.route("**/observation/judge/scores/", drop_the_answer)
        score_site(page, "武陟县智能装备产业园", POINTS["王评委", "武陟县智能装备产业园"])
        expect(page.locator("#status")).to_contain_text("网络中断")
        expect(page.locator("#outbox")).to_contain_text("有1份评分尚未送达")
        expect(page.locator("#status")).to_have_text(
            "评分已送达，合计84分。截止前可修改。", timeout=15000
        )
        expect(page.locator("#outbox")).to_be_hidden()
        form = ScoreForm.objects.get(judge=wang, site__project__name="武陟县智能装备产业园")
        assert form.times_changed == 0 and form.scores.count() == 4
        page.get_by_role("link", name="返回观摩点列表").click()
        for (judge_name, site), points in POINTS.items():
            if judge_name == "王评委" and site != "武陟县智能装备产业园":
                score_site(page, site, points)
                expect(page.locator("#status")).to_contain_text("评分已送达")
                page.get_by_role("link", name="返回观摩点列表").click()
        assert ScoreForm.objects.filter(judge=wang).count() == 4
    finally:
        for context in phones:
            context.close()

    # The organiser watches the board, closes each site, and reads the results.
    organiser = desktop.new_page()
    organiser.goto(f"{base}/accounts/login/")
    organiser.get_by_label("用户名").fill(world.users["city"].username)
    organiser.get_by_label("密码").fill(PASSWORD)
    organiser.get_by_role("button", name="登录").click()
    organiser.goto(f"{base}/observation/{tour.pk}/board/")
    expect(organiser.locator(".board td.cell-recused")).to_have_count(2)
    organiser.screenshot(path=screenshot_dir / "tour-board.png", full_page=True)
    for _ in range(4):
        organiser.get_by_role("button", name="截止评分").first.click()
        organiser.wait_for_load_state()
    expect(organiser.get_by_role("button", name="截止评分")).to_have_count(0)
    assert not tour.sites.filter(closed_at__isnull=True).exists()

    organiser.goto(f"{base}/observation/{tour.pk}/results/")
    rows = organiser.locator("#region-ranking tbody tr").all_inner_texts()
    assert [_cells(row, 0, 1, 3) for row in rows] == EXPECTED_RANKING
    expect(organiser.locator("#podium")).to_contain_text("综合得分第一名为武陟县（85.50分）")
    organiser.screenshot(path=screenshot_dir / "tour-results.png", full_page=True)
    with organiser.expect_download() as download:
        organiser.get_by_role("link", name="下载结果通报（.docx）").click()
    text = "\n".join(p.text for p in Document(download.value.path()).paragraphs)
    assert "综合得分第一名为武陟县（85.50分）" in text


def _cells(row: str, *indexes: int) -> tuple[str, ...]:
    cells = [cell.strip() for cell in row.split("\t")]
    return tuple(cells[index] for index in indexes)
