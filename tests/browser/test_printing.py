"""Printing (issue 10), in Chromium with print media on the demo city: every main page prints
without navigation or buttons, with its title and its tables whole inside the A4 width; the
tour schedule, the judges' QR cards and the long project list as PDF (`page.pdf()`, read with
poppler's pdftotext): the header row on every page a table reaches, no card split across two
pages, no site name wrapped into four lines.

The demo is built once for all of this (the `demo` command takes seconds), so the checks run in
one test, each page's faults gathered under its name."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import Page

from guanmo.accounts.models import User
from guanmo.demo.city import TODAY, YEAR
from guanmo.ledger.models import Project
from guanmo.observation import services as tours
from guanmo.observation.models import Tour
from guanmo.reporting.models import CountyReport
from guanmo.supervision.models import Problem
from tests.browser.pages import log_in
from tests.documents.pages import page_text, pdf_pages
from tests.world import PASSWORD

# The A4 text width at the print stylesheet's margins (210 − 2 × 12 mm), in CSS pixels.
A4_WIDTH = round((210 - 24) / 25.4 * 96)
# The screen elements that must not print.
CONTROLS = "header.top, nav, button, .button, select, input[type=file], .filters, .pager"
MORE_JUDGES = 9  # with the panel's seven, cards enough to fill more than one A4 page
SCHEDULE_HEADER = ("到达", "离开", "观摩点")
PROJECT_LIST_HEADER = ("县区", "项目名称", "年度计划")


@pytest.fixture
def demo(transactional_db, settings, tmp_path):
    settings.GUANMO_TODAY = TODAY
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("demo", stdout=StringIO())
    for username in ("shixmb", "xmb01"):
        user = User.objects.get(username=username)
        user.set_password(PASSWORD)
        user.save()
    scoring = Tour.objects.get(status=Tour.Status.SCORING)
    for number in range(1, MORE_JUDGES + 1):
        tours.add_judge(scoring, name=f"评委{number:02d}", unit="市直部门")
    return {
        "closed": Tour.objects.get(status=Tour.Status.CLOSED),
        "scoring": scoring,
        "project": Project.objects.filter(supervised_problems__isnull=False).first(),
        "report": CountyReport.objects.get(
            period__month=12, county__name="解放区", period__year=YEAR
        ),
        "problem": Problem.objects.first(),
    }


def print_faults(page: Page) -> list[str]:
    """What would print wrongly: controls shown, no title, a table cut or wider than A4, a
    table whose header would not repeat or whose rows could split."""
    return page.evaluate(_script("print_faults.js"), [CONTROLS, A4_WIDTH])


def printed(context, base: str, username: str) -> Page:
    page = log_in(context, base, username)
    page.set_viewport_size({"width": A4_WIDTH, "height": 1100})
    page.emulate_media(media="print")
    return page


def test_every_main_page_prints_whole_and_the_schedule_and_qr_cards_print_on_a4(
    live_server, browser, desktop, demo, tmp_path, screenshot_dir
):
    closed, scoring = demo["closed"], demo["scoring"]
    office_pages = {
        "看板": reverse("dashboard"),
        "项目列表": reverse("project_list"),
        "项目": reverse("project_detail", args=[demo["project"].pk]),
        "通报": reverse("bulletin", args=[YEAR, 11]),
        "预警": reverse("warnings"),
        "督办": reverse("problem_list"),
        "问题": reverse("problem_detail", args=[demo["problem"].pk]),
        "日程": reverse("tour_route", args=[closed.pk]),
        "评委二维码": reverse("judge_links", args=[scoring.pk]),
        "评分结果": reverse("tour_results", args=[closed.pk]),
    }
    faults = {}
    office = printed(desktop, live_server.url, "shixmb")
    for name, url in office_pages.items():
        office.goto(live_server.url + url)
        faults[name] = print_faults(office)
        office.screenshot(path=screenshot_dir / f"print-{name}.png", full_page=True)
    county_context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai")
    county = printed(county_context, live_server.url, "xmb01")
    county.goto(live_server.url + reverse("report_grid", args=[demo["report"].pk]))
    faults["月报填报"] = print_faults(county)
    county.screenshot(path=screenshot_dir / "print-月报填报.png", full_page=True)
    county_context.close()

    assert {name: found for name, found in faults.items() if found} == {}

    office.goto(live_server.url + office_pages["日程"])
    assert _tallest_site_name_in_lines(office) <= 3
    schedule = _pdf_pages(office, tmp_path / "schedule")
    assert _pages_without_header(schedule, SCHEDULE_HEADER, r"\d{2}:\d{2}") == []

    office.goto(live_server.url + office_pages["项目列表"])
    projects = _pdf_pages(office, tmp_path / "projects")
    assert len(projects) >= 2
    assert _pages_without_header(projects, PROJECT_LIST_HEADER, r"\d+\.\d\d") == []

    office.goto(live_server.url + office_pages["评委二维码"])
    cards = _pdf_pages(office, tmp_path / "cards")
    assert len(cards) >= 2
    for judge in scoring.judges.all():
        holding = [number for number, page in enumerate(cards, 1) if judge.name in page.text]
        assert len(holding) == 1, f"{judge.name}的卡片出现在{holding}页"
        card = _card_text(tmp_path / "cards" / "document.pdf", holding[0], judge.name)
        assert judge.token in card, f"{judge.name}的卡片被分在两页：本页只有{card}"


def _script(name: str) -> str:
    return (Path(__file__).parent / name).read_text()


def _pdf_pages(page: Page, folder):
    folder.mkdir()
    return pdf_pages(page.pdf(prefer_css_page_size=True, print_background=True), folder)


WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>'
)


def _card_text(pdf, number: int, name: str) -> str:
    """The text printed below `name` on page `number` in the name's column of cards (a third
    of the page), without spaces: a link wrapped over lines reads as one. Word positions from
    pdftotext -bbox."""
    page = page_text(pdf, number, "-bbox")
    width = float(re.search(r'<page width="([\d.]+)"', page)[1])
    words = [(float(x), float(y), text) for x, y, text in WORD.findall(page)]
    x, top = next((x, y) for x, y, text in words if text == name)
    column = [
        (y, wx, text) for wx, y, text in words if int(wx // (width / 3)) == int(x // (width / 3))
    ]
    below = sorted(word for word in column if word[0] >= top)
    return "".join(text for _, _, text in below)


def _pages_without_header(pages, header: tuple[str, ...], row: str) -> list[int]:
    """The pages that carry rows of the table (text matching `row`) but not its header."""
    return [
        page.number
        for page in pages
        if re.search(row, page.text) and not all(word in page.text for word in header)
    ]


def _tallest_site_name_in_lines(page: Page) -> float:
    """The most lines a site's name takes in the printed schedule (the 观摩点 column)."""
    return page.evaluate(_script("site_name_lines.js"))
