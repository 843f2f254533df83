"""A project that enters the key list later in the year (`Project.entered_on`) is not in the
bulletin of a month before it entered at all: not in the project table, not in the 节点
section's counts, not in the curve's 序时进度; a county with no project on the list that month
is not ranked, and its rank's place says 本月无在列重点项目 (issue 14; tryout 22 finding 1).

Worked by hand on the test city (2025): 武陟县 has 武陟装备 (plan 1,200; 400 done by March,
开工 planned 2月10日, reached 2月20日) and 武陟物流 (plan 2,000; 120 done); 温县 has 温县文旅
(1,000; 400) and 温县食品 (800; 260). Entering later: 武陟县光伏项目 on 1 June (plan 600, 开工
planned 5月10日) and 孟州市's only project, 孟州市精密铸造项目, on 1 August (plan 3,000, 开工
planned 8月10日). The bulletin of March is the four projects' alone."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from guanmo.ledger.models import AnnualPlan, KeyListEntry, Milestone, Project
from guanmo.reporting.services import close_period, open_period
from tests.documents.docx import body_tables
from tests.world import YEAR

NOT_LISTED = "本月无在列重点项目"


def _later_project(world, county, name: str, plan: str, entered: date, start: date) -> Project:
    project = Project.objects.create(
        city=world.city,
        county=county,
        name=name,
        total_investment=Decimal(30000),
        entered_on=entered,
    )
    KeyListEntry.objects.create(project=project, year=YEAR, level="市")
    AnnualPlan.objects.create(project=project, year=YEAR, planned_investment=Decimal(plan))
    Milestone.objects.create(project=project, kind="开工", planned=start)
    return project


@pytest.fixture
def march(world):
    """March closed, with the two projects entering in June and August already in the ledger."""
    Milestone.objects.create(
        project=world.projects["武陟装备"],
        kind="开工",
        planned=date(YEAR, 2, 10),
        reached=date(YEAR, 2, 20),
    )
    mengzhou = world.city.children.get(name="孟州市")
    _later_project(world, world.wuzhi, "武陟县光伏项目", "600", date(YEAR, 6, 1), date(YEAR, 5, 10))
    _later_project(
        world, mengzhou, "孟州市精密铸造项目", "3000", date(YEAR, 8, 1), date(YEAR, 8, 10)
    )
    period = open_period(
        world.city, year=YEAR, month=3, deadline=date(YEAR, 4, 5), user=world.users["city"]
    )
    close_period(period, user=world.users["city"])
    return world


def _download(client, world, extension: str) -> bytes:
    client.force_login(world.users["city"])
    response = client.get(reverse("bulletin_file", args=[YEAR, 3, extension]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def _sheet_rows(workbook, name: str) -> list[list[object]]:
    """A sheet's rows below its title, units and header lines."""
    return [list(row) for row in workbook[name].iter_rows(min_row=4, values_only=True)]


def test_the_workbook_lists_only_the_projects_on_the_list_that_month(client, march):
    workbook = load_workbook(io.BytesIO(_download(client, march, "xlsx")))

    projects = _sheet_rows(workbook, "项目明细")
    assert [row[2] for row in projects] == [
        "武陟县智能装备产业园",
        "武陟县冷链物流园",
        "温县太极文化产业园",
        "温县健康食品产业园",
    ]
    assert {row[8] for row in projects} == {"是"}
    counties = {row[1]: row for row in _sheet_rows(workbook, "县区汇总")}
    # 武陟县: 2 projects, 1,200 + 2,000 planned, 400 + 120 done; 合计 4, 5,000
    assert counties["武陟县"][2:5] == [2, 3200, 520]
    assert counties["合计"][2:4] == [4, 5000]
    assert (counties["孟州市"][0], counties["孟州市"][2]) == (NOT_LISTED, 0)


def test_the_nodes_count_only_the_projects_on_the_list_that_month(client, march):
    """Planned to start in the year and on the list in March: 武陟装备 alone, started: 1 of 1,
    100.0% (with 光伏 and 孟州's it would be 1 of 3, 33.3%); 孟州市 has no row."""
    document = Document(io.BytesIO(_download(client, march, "docx")))
    texts = [paragraph.text for paragraph in document.paragraphs]

    assert (
        "截至3月底，全市计划年内开工项目1个，已开工1个，开工率100.0%；计划年内竣工项目0个，"
        "已竣工0个，竣工率—；1—3月新入统项目0个，其中3月0个。"
    ) in texts
    nodes = next(t for t in body_tables(document) if t.rows[0].cells[1].text == "计划开工（个）")
    assert [[cell.text for cell in row.cells][:4] for row in nodes.rows[1:]] == [
        ["武陟县", "1", "1", "100.0"],
        ["全市", "1", "1", "100.0"],
    ]


def test_a_county_with_no_project_that_month_is_not_ranked(client, march):
    document = Document(io.BytesIO(_download(client, march, "docx")))
    texts = [paragraph.text for paragraph in document.paragraphs]
    ranking, changes = body_tables(document)[:2]
    rows = {row.cells[1].text: [cell.text for cell in row.cells] for row in ranking.rows}
    moves = {row.cells[0].text: row.cells[1].text for row in changes.rows}

    # 温县 800 of 1,800 = 44.4%; 武陟县 520 of 3,200 = 16.3%: ranks 1 and 2; 孟州市 none, its
    # 0 projects and 0.00 planned in the nine-column table, 本月无在列重点项目 in the change
    # table's rank column and in the sentence
    assert (rows["温县"][0], rows["武陟县"][0]) == ("1", "2")
    assert rows["孟州市"][:4] == ["—", "孟州市", "0", "0.00"]
    assert (moves["温县"], moves["武陟县"], moves["孟州市"]) == ("1", "2", NOT_LISTED)
    said = next(text for text in texts if "孟州市" in text)
    assert "孟州市" in said and f"{NOT_LISTED}，不参与排名。" in said
    assert not any("孟州市" in text and "时间进度" in text for text in texts)
    assert not any("未下达年度计划投资" in text for text in texts)


def test_the_page_says_it_where_the_rank_would_be(client, march):
    client.force_login(march.users["city"])
    response = client.get(reverse("bulletin", args=[YEAR, 3]))
    mengzhou = next(f for f in response.context["report"].regions if f.region == "孟州市")

    assert (mengzhou.rank, mengzhou.projects) == (None, 0)
    assert f'<td>{NOT_LISTED}</td><td class="nowrap">孟州市</td>' in response.content.decode()


def test_the_curve_counts_only_the_plans_on_the_list_that_month(client, march):
    """Equal months (no last year): 武陟县's 3,200 due 800 by March, 25.0% (with 光伏's 600,
    150 more: 29.7%); 520 − 800 of 3,200 = −8.75 → −8.8 个百分点, the exact gap rounded once
    (figures.arithmetic.points_between). 合计 1,250 of 5,000, 25.0%."""
    client.force_login(march.users["city"])
    response = client.get(reverse("bulletin", args=[YEAR, 3]))
    cells = response.context["report"].added_page_cells

    assert cells["武陟县"] == ["25.0%", "-8.8"]
    assert cells["合计"][0] == "25.0%"
