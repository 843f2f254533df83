"""A key project with no annual plan for the year (one made from a lead on its 开工, tryout 22)
counts in neither the completed investment nor the plan of any completion rate, and the
bulletin says how many there are; before, its investment raised its county's rate against the
other projects' plan (武陟县 较序时进度 +1.3 only because of such projects).

Worked by hand on the test city after March (equal months, no year before): 武陟县's planned
projects 3,200, 520 done: 16.3%, −8.75 → −8.8 points against time progress and its curve
(800 due); its 武陟县新材料项目 from a lead, no plan, 480 done, is in the 累计完成投资 (1,000)
but not the rate, which would read 1,000 ÷ 3,200 = 31.3% (+6.3). 合计 1,180 of 5,000, 23.6%."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from docx import Document

from guanmo.ledger.models import KeyListEntry, MonthlyProgress, Project
from guanmo.progress.exporters.docx import bulletin_docx
from guanmo.progress.exporters.text import county_table_rows
from guanmo.progress.selectors import progress_report_for
from tests.documents.docx import HEAD
from tests.world import YEAR

pytestmark = pytest.mark.django_db


@pytest.fixture
def from_a_lead(world):
    project = Project.objects.create(
        city=world.city, county=world.wuzhi, name="武陟县新材料项目", total_investment=Decimal(9000)
    )
    KeyListEntry.objects.create(project=project, year=YEAR, level="市")
    MonthlyProgress.objects.create(
        project=project,
        year=YEAR,
        month=3,
        completed_this_month=Decimal(480),
        cumulative_completed=Decimal(480),
        visible_progress="主体施工",
    )
    return world


def test_a_project_without_an_annual_plan_is_not_in_the_rate(from_a_lead):
    report = progress_report_for(from_a_lead.city, YEAR, 3, with_columns=True)
    wuzhi = next(f for f in report.regions if f.region == "武陟县")

    assert (wuzhi.projects, wuzhi.annual_plan, wuzhi.completed) == (3, 3200, 1000)
    assert (wuzhi.completion_rate, wuzhi.vs_time_progress) == (Decimal("16.3"), Decimal("-8.8"))
    assert (report.total.completed, report.total.completion_rate) == (1660, Decimal("23.6"))
    rows = {row[1]: row for row in county_table_rows(report)}
    assert rows["武陟县"][5:] == ["16.3", "-8.8", "25.0", "-8.8"]
    assert rows["合计"][5:] == ["23.6", "-1.4", "25.0", "-1.4"]


def test_the_bulletin_says_how_many_projects_have_no_plan(from_a_lead):
    report = progress_report_for(from_a_lead.city, YEAR, 3)

    assert "1个项目无年度计划，未计入完成率（武陟县1个）。" in report.sentences
    assert report.headline.startswith("1—3月，5个重点项目完成投资0.2亿元，占年度计划的23.6%")


def test_the_bulletins_document_says_it_after_the_headline(from_a_lead):
    report = progress_report_for(from_a_lead.city, YEAR, 3)
    texts = [p.text for p in Document(io.BytesIO(bulletin_docx(report, HEAD, "焦作市"))).paragraphs]

    said = texts.index("1个项目无年度计划，未计入完成率（武陟县1个）。")
    assert texts[said - 1] == report.headline


def test_without_such_projects_nothing_is_said(world):
    report = progress_report_for(world.city, YEAR, 3)

    assert not any("无年度计划" in sentence for sentence in report.sentences)


def test_a_leaders_own_projects_rate_leaves_out_one_without_a_plan(client, from_a_lead):
    """His 武陟装备 and 温县文旅 (400 + 400 of 1,200 + 1,000: 36.4%) and the lead's project,
    480 done with no plan: 1,280 done in all, the rate still 36.4% (not 1,280 ÷ 2,200 =
    58.2%), 36.36 − 25 = 11.4 points ahead."""
    Project.objects.filter(name="武陟县新材料项目").update(leader=from_a_lead.users["leader"])
    client.force_login(from_a_lead.users["leader"])

    body = client.get(reverse("dashboard")).content.decode()

    assert (
        "本人包抓的3个重点项目1—3月累计完成投资1,280.00万元，占年度计划的36.4%，"
        "超时间进度11.4个百分点；1个项目无年度计划，未计入完成率。"
    ) in body
