"""A county at the top of an installation (its units are towns) says a tour's results at its
own level, on the pages, in the results bulletin (.docx) and the export: 全县名次, 全县位次,
县直 — never 全市 or 市直 (issue 12, tryout: 全市位次 for a county top)."""

import io
import uuid
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from guanmo.accounts.models import Role, User
from guanmo.ledger.models import Project
from guanmo.observation import services
from guanmo.observation.bulletin import TourFacts, TourReport
from guanmo.observation.exporters.docx import results_docx
from guanmo.observation.results import ScoreCard, tour_results
from guanmo.observation.rubric import DEFAULT_RUBRIC
from guanmo.regions.models import RankingGroup, Region
from guanmo.regions.services import init_county
from tests.documents.docx import HEAD, body_tables

pytestmark = pytest.mark.django_db

POINTS = {"比规模": "22", "比进度": "20.5", "比质量": "23", "比效益": "21"}


@pytest.fixture
def county_tour():
    """武陟县 at the top with three towns, two of them in a 乡镇组, a tour of a project in each
    town and two judges of county bodies; its office is the top's office."""
    county = init_county("410823", ["木城街道", "大封镇", "詹店镇"])
    towns = list(county.children.order_by("sort_order", "code"))
    group = RankingGroup.objects.create(city=county, name="乡镇组", sort_order=1)
    Region.objects.filter(pk__in=[town.pk for town in towns[:2]]).update(ranking_group=group)
    office = User.objects.create(username="xian", role=Role.CITY_OFFICE, region=county)
    tour = services.create_tour(
        county,
        name="2025年全县重点项目观摩",
        first_day=date(2025, 6, 18),
        days=1,
        counties=towns,
        user=office,
    )
    for town in towns:
        project = Project.objects.create(
            city=county, county=town, name=f"{town.name}项目", total_investment=Decimal(5000)
        )
        services.add_site(tour, project, user=office, approved=True)
    services.add_judge(tour, name="张评委", unit="县发改委")
    services.add_judge(tour, name="王评委", unit="县财政局")
    return tour, office


def test_a_judge_of_none_of_the_towns_is_of_the_county_itself(client, county_tour):
    tour, office = county_tour
    client.force_login(office)
    page = client.get(reverse("tour_detail", args=[tour.pk])).content.decode()
    assert "无（县直）" in page
    assert "市直" not in page


def test_a_county_tops_results_are_ranked_at_its_level_everywhere(client, county_tour):
    tour, office = county_tour
    services.open_scoring(tour)
    for site in tour.sites.all():
        for judge in tour.judges.all():
            services.submit_scores(judge, site, points=POINTS, submission=uuid.uuid4())
    client.force_login(office)

    page = client.get(reverse("tour_results", args=[tour.pk])).content.decode()
    assert 'id="group-ranking"' in page and "<th>全县名次</th>" in page
    response = client.get(reverse("tour_results_file", args=[tour.pk, "docx"]))
    document = Document(io.BytesIO(response.getvalue()))
    (table,) = [t for t in body_tables(document) if t.rows[0].cells[0].text == "所在组"]
    assert [cell.text for cell in table.rows[0].cells][-1] == "全县位次"
    said = "".join(p.text for p in document.paragraphs) + "".join(
        cell.text for t in document.tables for row in t.rows for cell in row.cells
    )
    export = client.get(reverse("tour_results_file", args=[tour.pk, "xlsx"]))
    workbook = load_workbook(io.BytesIO(export.getvalue()))
    cells = [
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    for shown in (page, said, *cells):
        assert "全市" not in shown


def test_the_group_table_says_the_rank_at_the_tops_level():
    cards = [
        ScoreCard("评委A", "", f"{town}项目", town, {"比效益": Decimal(score)})
        for town, score in (("木城街道", "90"), ("大封镇", "80"))
    ]
    groups = {"木城街道": "乡镇组", "大封镇": "乡镇组"}
    results = tour_results(cards, groups=groups, group_order=["乡镇组"])
    for top, header in (("武陟县", "全县位次"), ("解放区", "全区位次"), ("焦作市", "全市位次")):
        facts = TourFacts.from_cards("观摩", cards, city=top)
        report = TourReport(facts=facts, rubric=DEFAULT_RUBRIC, cards=cards, results=results)
        document = Document(io.BytesIO(results_docx(report, HEAD)))
        (table,) = [t for t in body_tables(document) if t.rows[0].cells[0].text == "所在组"]
        assert table.rows[0].cells[-1].text == header
