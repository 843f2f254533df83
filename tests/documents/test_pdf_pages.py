"""The progress bulletin, the tour results bulletin and the supervision order as PDF pages
(LibreOffice), rendered to images and read as text: red 发文机关标志 and separator line, the
发文字号, page numbers on the outside edge of every page, nothing outside the text area, and a
table that runs onto page 2 repeats its header there with no number broken."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.documents.models import IssuingOffice
from guanmo.documents.official import OfficialDocument
from guanmo.documents.pdf import docx_to_pdf
from guanmo.documents.services import letterhead
from guanmo.figures.formatting import yi
from guanmo.observation.bulletin import TourFacts, TourReport
from guanmo.observation.exporters.docx import results_docx
from guanmo.observation.results import ScoreCard, tour_results
from guanmo.observation.rubric import DEFAULT_RUBRIC
from guanmo.progress.exporters.docx import bulletin_docx
from guanmo.progress.report import Period, UnitTotals, build_progress_report
from guanmo.regions.models import Region
from guanmo.reporting.services import close_period, open_period
from guanmo.supervision import services as supervision
from tests.documents.docx import HEAD
from tests.documents.pages import HEIGHT, TOP, WIDTH, assert_official_pages, pdf_pages

pytestmark = pytest.mark.django_db

OFFICE = {
    "full_name": "焦作市重点项目建设办公室",
    "short_name": "焦作市项目办",
    "number_prefix": "焦作项目办",
    "signer": "王建国",
}


def _office(city: Region) -> IssuingOffice:
    return IssuingOffice.objects.create(city=city, **OFFICE)


def _pdf(response) -> bytes:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content)


def test_the_issued_monthly_bulletin_prints_as_an_official_document(client, world, tmp_path):
    _office(world.city)
    period = open_period(
        world.city, year=2025, month=3, deadline=date(2025, 4, 5), user=world.users["city"]
    )
    close_period(period, user=world.users["city"])
    client.force_login(world.users["city"])
    client.post(reverse("bulletin_issue", args=[2025, 3]), {"dated": "2025-04-08"})

    pdf = _pdf(client.get(reverse("bulletin_file", args=[2025, 3, "pdf"])))

    pages = pdf_pages(pdf, tmp_path)
    assert_official_pages(pages, "焦作项目办〔2025〕1号")
    assert "2025年4月8日" in re.sub(r"\s+", "", pages[-1].text)


def _many_counties() -> list[UnitTotals]:
    return [
        UnitTotals(
            region=f"第{number}产业集聚区" if number % 4 == 0 else f"第{number}县",
            projects=40 + number,
            annual_plan=Decimal("1633693.60") + number,
            completed=Decimal("633693.60") + number * 1000,
        )
        for number in range(1, 46)
    ]


def test_a_long_county_table_repeats_its_header_and_keeps_numbers_whole(world, tmp_path):
    report = build_progress_report(Period(2025, 11), _many_counties())
    head = letterhead(_office(world.city), number="焦作项目办〔2025〕12号", dated=date(2025, 12, 8))

    pages = pdf_pages(docx_to_pdf(bulletin_docx(report, head, "焦作市")), tmp_path)

    assert_official_pages(pages, "焦作项目办〔2025〕12号")
    # A row of the county table: its amounts in 亿元 (163.37), its rate and difference.
    row = r"\d{3}\.\d{2}\s+\d{2}\.\d{2}\s+\d+\.\d\s+[+-]?\d+\.\d"
    with_table = [page for page in pages if re.search(row, page.text)]
    assert len(with_table) >= 2, "表格应跨页，才能检查续页表头"
    for page in with_table:
        assert "年度计划" in page.text and "（亿元）" in page.text, (
            f"第{page.number}页的表格没有重复表头"
        )
    text = "".join(page.text for page in pages)
    for county in _many_counties():
        # 1633694.60万元 is 163.37亿元: on one line, not broken mid-number.
        assert f"{yi(county.annual_plan)}" in text


def _cards(counties: int, sites_each: int) -> list[ScoreCard]:
    cards = []
    for county in range(1, counties + 1):
        for site in range(1, sites_each + 1):
            for judge in range(1, 6):
                scores = {
                    criterion.name: criterion.maximum - Decimal(county + site + judge) / 4
                    for criterion in DEFAULT_RUBRIC
                }
                cards.append(
                    ScoreCard(
                        judge=f"评委{judge}",
                        judge_region="",
                        site=f"第{county}县第{site}观摩点智能制造产业园",
                        site_region=f"第{county}县",
                        scores=scores,
                    )
                )
    return cards


def test_the_tour_results_bulletin_prints_with_its_site_table_over_pages(world, tmp_path):
    cards = _cards(counties=12, sites_each=3)
    facts = TourFacts.from_cards(
        "2025年第二次重点项目观摩", cards, dates="11月12日至13日", city="焦作市"
    )
    report = TourReport(
        facts=facts, rubric=DEFAULT_RUBRIC, cards=cards, results=tour_results(cards)
    )
    head = letterhead(
        _office(world.city), number="焦作项目办〔2025〕13号", dated=date(2025, 11, 20)
    )

    pages = pdf_pages(docx_to_pdf(results_docx(report, head)), tmp_path)

    assert_official_pages(pages, "焦作项目办〔2025〕13号")
    # A row of the site table: the site, its county, the cards counted, the score.
    row = r"观摩点智能制造产业园\s+第\s*\d+\s*县\s+\d+\s+\d+\.\d{2}"
    with_sites = [page for page in pages if re.search(row, page.text)]
    assert len(with_sites) >= 2
    for page in with_sites:
        assert re.search(r"位次\s+观摩点", page.text), f"第{page.number}页没有重复表头"


def test_the_supervision_order_prints_as_an_official_document(client, world, tmp_path):
    _office(world.city)
    problem = supervision.raise_problem(
        world.projects["武陟装备"],
        problem_type="land",
        text="二期用地指标尚未落实，影响厂房开工",
        department=world.users["department"].department,
        user=world.users["city"],
        source="city_office",
        raised_on=date(2025, 5, 6),
        deadline=date(2025, 5, 16),
    )
    order = supervision.issue_order(
        problem, user=world.users["city"], requirements="按期办结", today=date(2025, 6, 1)
    )
    client.force_login(world.users["department"])

    pages = pdf_pages(_pdf(client.get(reverse("order_file_pdf", args=[order.pk]))), tmp_path)

    assert_official_pages(pages, "焦作项目办督〔2025〕1号")
    text = re.sub(r"\s+", "", "".join(page.text for page in pages))
    assert f"请你单位于{date(2025, 6, 1) + timedelta(days=7):%Y年%-m月%-d日}前办结" in text
    assert "签发人：王建国" in text


def _plain_document(paragraphs: int) -> bytes:
    document = OfficialDocument(HEAD, "关于2025年1—11月焦作市重点项目建设进展情况的通报")
    for _ in range(paragraphs):
        document.body("1—11月，全市重点项目完成投资63.37亿元，占年度计划的85.2%。" * 3)
    return document.finish()


@pytest.mark.parametrize("paragraphs", [1, 4, 6])  # its own page, under the body, pushed on
def test_the_imprint_closes_the_foot_of_the_last_page(paragraphs, tmp_path):
    """GB/T 9704 7.4: the 版记 stands on the last page, its last line on the last line of the
    text area, under the signature, however far down the body reaches."""
    pages = pdf_pages(docx_to_pdf(_plain_document(paragraphs)), tmp_path)

    last = pages[-1]
    printed = last.line_with("印发")
    copy_to = last.line_with("抄送")
    foot = TOP + HEIGHT
    assert foot - 4 < max(word.bottom for word in printed) <= foot + 0.5
    assert max(word.bottom for word in copy_to) < min(word.top for word in printed)
    above = [word for word in last.words if word not in copy_to + printed and word.top < foot]
    assert all(word.bottom < min(w.top for w in copy_to) for word in above), "版记与正文重叠"
    # The rules: one over 抄送, one between, one under 印发 on the text area's last line.
    assert last.rule_across(foot - 1.5, foot + 1.5) > WIDTH - 2
    assert not any("印发" in word.text for page in pages[:-1] for word in page.words)


def test_a_full_page_of_body_text_holds_22_lines_of_28_characters(tmp_path):
    document = OfficialDocument(HEAD, "关于重点项目建设进展情况的通报")
    document.body("全市重点项目建设总体平稳有序推进各县区持续加大工作力度" * 40)

    pages = pdf_pages(docx_to_pdf(document.finish()), tmp_path)

    full = pages[1]  # page 1 holds the letterhead; page 2 is body text from top to foot
    lines = {}
    for word in full.words:
        if word.top < TOP + HEIGHT:
            lines.setdefault(round(word.bottom), []).append(word.text)
    assert len(lines) == 22
    assert [len("".join(texts)) for texts in lines.values()][:-1] == [28] * 21


def test_a_ranking_table_keeps_unit_names_ranks_and_short_words_whole(tmp_path):
    """Issue 13, tryout 23: the assessment bulletin's ranking broke 并列/7, 位次不/变,
    城乡一体化示/范区 and 沁阳市（一票/否决）. Names of up to eight characters, ranks and short
    words stay whole; a name wraps only before its bracket."""
    headers = ["位次", "单位", "综合得分", "等次", "位次变化", "中位位次", "90%位次区间",
               "居首概率", "末位概率"]  # fmt: skip
    names = ["城乡一体化示范区", "沁阳市（一票否决）", "中站区", "马村区", "武陟县", "温县"]
    rows = [
        ["并列7", name, "74.10", "良好", "位次不变", "第7位", "第6—9位", "0.0%", "12.5%"]
        for name in names
    ]
    document = OfficialDocument(HEAD, "关于2025年度综合考核结果的通报")
    document.table(headers, rows, caption="综合得分排名")
    pages = pdf_pages(docx_to_pdf(document.finish()), tmp_path)
    lines = [line.strip() for page in pages for line in page.text.splitlines()]
    # pdftotext sets one space between Chinese and digits; columns are wider apart
    words = [word for line in lines for word in re.sub(r"(?<=\S) (?=\S)", "", line).split()]
    for whole in ["并列7", "位次不变", "城乡一体化示范区", "沁阳市（一票否决）", "第6—9位"]:
        assert whole in words, (whole, words[:80])
