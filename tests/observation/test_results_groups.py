"""Tour results rank each county within the city's ranking group as well as overall, as the
progress bulletins do: on the results page, in the results bulletin (.docx) and the export."""

import io
import uuid
from decimal import Decimal

from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from guanmo.observation import services
from guanmo.observation.bulletin import TourFacts, TourReport
from guanmo.observation.exporters.docx import results_docx
from guanmo.observation.exporters.xlsx import write_xlsx
from guanmo.observation.results import ScoreCard, tour_results
from guanmo.observation.rubric import DEFAULT_RUBRIC
from guanmo.regions.models import RankingGroup, Region
from tests.documents.docx import HEAD, body_tables

GROUPS = {"甲县": "县（市）组", "乙县": "县（市）组", "丙区": "城区组", "丁区": "城区组"}
SCORES = {"甲县": "80", "乙县": "90", "丙区": "85", "丁区": "70", "戊园": "88"}


def _report() -> TourReport:
    cards = [
        ScoreCard("评委A", "", f"{county}观摩点", county, {"比效益": Decimal(score)})
        for county, score in SCORES.items()
    ]
    results = tour_results(cards, groups=GROUPS, group_order=["县（市）组", "城区组"])
    facts = TourFacts.from_cards("2025年第二次重点项目观摩", cards, city="焦作市")
    return TourReport(facts=facts, rubric=DEFAULT_RUBRIC, cards=cards, results=results)


def test_counties_are_ranked_within_their_group_and_overall():
    results = _report().results

    ranks = {r.region: (r.rank, r.group, r.group_rank) for r in results.regions}
    assert ranks == {
        "乙县": (1, "县（市）组", 1),
        "戊园": (2, "", None),
        "丙区": (3, "城区组", 1),
        "甲县": (4, "县（市）组", 2),
        "丁区": (5, "城区组", 2),
    }
    assert [(name, [r.region for r in members]) for name, members in results.groups] == [
        ("县（市）组", ["乙县", "甲县"]),
        ("城区组", ["丙区", "丁区"]),
    ]


def test_the_results_bulletin_and_export_carry_the_group_ranks():
    report = _report()

    document = Document(io.BytesIO(results_docx(report, HEAD)))
    (table,) = [t for t in body_tables(document) if t.rows[0].cells[0].text == "所在组"]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [
        ["所在组", "组内位次", "县区", "综合得分", "全市位次"],
        ["县（市）组", "1", "乙县", "90.00", "1"],
        ["县（市）组", "2", "甲县", "80.00", "4"],
        ["城区组", "1", "丙区", "85.00", "3"],
        ["城区组", "2", "丁区", "70.00", "5"],
    ]

    output = io.BytesIO()
    write_xlsx(report, output)
    sheet = load_workbook(io.BytesIO(output.getvalue()))["县区排名"]
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    header = next(row for row in values if row[0] == "位次")
    body = {
        row[1]: dict(zip(header, row, strict=True)) for row in values[values.index(header) + 1 :]
    }
    assert (body["甲县"]["所在组"], body["甲县"]["组内位次"]) == ("县（市）组", "2")
    assert body["戊园"]["所在组"] is None


def test_the_results_page_ranks_within_the_citys_groups(client, world, tour):
    counties = RankingGroup.objects.create(city=world.city, name="县（市）组", sort_order=1)
    Region.objects.filter(pk__in=[world.wuzhi.pk, world.wenxian.pk]).update(ranking_group=counties)
    services.open_scoring(tour)
    points = {"比规模": "22", "比进度": "20.5", "比质量": "23", "比效益": "21"}
    for site in tour.sites.all():
        for judge in tour.judges.all():
            if not services.recused(judge, site):
                services.submit_scores(judge, site, points=points, submission=uuid.uuid4())
    client.force_login(world.users["city"])

    page = client.get(reverse("tour_results", args=[tour.pk])).content.decode()

    assert 'id="group-ranking"' in page and "县（市）组" in page and "组内名次" in page
