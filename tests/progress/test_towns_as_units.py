"""A county at the top of an installation ranks its towns and zones as a city ranks counties, and
says its own projects (县本级) and its whole (全县) at its level, never 市本级, 全市."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from docx import Document

from guanmo.accounts.models import Role, User
from guanmo.attraction.report import build_report as build_attraction_report
from guanmo.ledger.models import AnnualPlan, KeyListEntry, MonthlyProgress, Project
from guanmo.progress.exporters.docx import bulletin_docx
from guanmo.progress.exporters.text import render_text
from guanmo.progress.selectors import progress_report_for, region_totals
from guanmo.regions.services import init_county
from tests.documents.docx import HEAD

pytestmark = pytest.mark.django_db


def test_a_top_countys_totals_are_its_towns_and_zones():
    county = init_county("410823", ["木城街道", "大封镇"], ["武陟产业集聚区"])
    mucheng, dafeng, _zone = county.children.order_by("sort_order", "code")
    for unit, plan, done in ((mucheng, "1000", "600"), (dafeng, "800", "200")):
        project = Project.objects.create(
            city=county, county=unit, name=f"{unit.name}项目", total_investment=Decimal("5000")
        )
        KeyListEntry.objects.create(project=project, year=2025, level="县")
        AnnualPlan.objects.create(project=project, year=2025, planned_investment=Decimal(plan))
        MonthlyProgress.objects.create(
            project=project,
            year=2025,
            month=6,
            cumulative_completed=Decimal(done),
            completed_this_month=Decimal(done),
        )

    totals = region_totals(county, 2025, 6)

    assert [(t.region, t.projects, t.annual_plan, t.completed) for t in totals] == [
        ("木城街道", 1, Decimal("1000"), Decimal("600")),
        ("大封镇", 1, Decimal("800"), Decimal("200")),
        ("武陟产业集聚区", 0, Decimal("0"), Decimal("0")),
    ]


@pytest.fixture
def county_with_own_project():
    """武陟县 at the top with two towns and a project of its own (县直), unreported in June."""
    county = init_county("410823", ["木城街道", "大封镇"])
    mucheng = county.children.get(name="木城街道")
    for unit, name, done in (
        (mucheng, "木城街道冷链物流园", "300"),
        (county, "县城供水管网改造", None),
    ):
        project = Project.objects.create(
            city=county, county=unit, name=name, total_investment=Decimal("5000")
        )
        KeyListEntry.objects.create(project=project, year=2025, level="县")
        AnnualPlan.objects.create(project=project, year=2025, planned_investment=Decimal(1000))
        if done:
            MonthlyProgress.objects.create(
                project=project, year=2025, month=6, cumulative_completed=Decimal(done)
            )
    return county


def test_a_top_countys_own_projects_are_said_at_its_level_in_the_bulletin(
    county_with_own_project,
):
    county = county_with_own_project
    report = progress_report_for(county, 2025, 6, with_changes=True)

    assert report.regions[-1].region == "县本级"
    assert [(p.unit, p.named) for p in report.unreported] == [("县本级", "县本级县城供水管网改造")]
    text = render_text(report, county.name)
    document = Document(io.BytesIO(bulletin_docx(report, HEAD, county.name)))
    said = text + "".join(cell.text for t in document.tables for r in t.rows for cell in r.cells)
    assert "县本级" in said and "全县位次" in said
    assert "市本级" not in said and "全市" not in said


def test_a_top_countys_pages_say_its_own_level(client, county_with_own_project):
    county = county_with_own_project
    office = User.objects.create(username="xian", role=Role.CITY_OFFICE, region=county)
    client.force_login(office)
    own = Project.objects.get(county=county)

    project_page = client.get(reverse("project_detail", args=[own.pk])).content.decode()
    dashboard = client.get(reverse("dashboard") + "?year=2025&month=6").content.decode()

    assert "县本级（计入全县合计" in project_page
    assert "市本级" not in project_page + dashboard
    assert "全市" not in project_page + dashboard


def test_a_top_countys_attraction_report_is_said_of_its_whole(client, county_with_own_project):
    county = county_with_own_project
    report = build_attraction_report(county, 2025, 6)
    assert report.funnel[0][0] == "全县"
    assert report.sentences[0] == "2025年1—6月，全县无新增签约项目。"

    office = User.objects.create(username="xian", role=Role.CITY_OFFICE, region=county)
    client.force_login(office)
    page = client.get(reverse("attraction_funnel") + "?year=2025&month=6").content.decode()
    assert "<h1>2025年1—6月招商引资项目推进情况</h1>" in page
