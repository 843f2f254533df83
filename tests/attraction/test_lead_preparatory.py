"""A lead's 前期 approvals (立项, 用地, 规划, 环评, 施工许可) go with it into the ledger when it
starts: the project's milestones get the lead's dates where they have none, in its history, and
both pages show them (issue 14 round 14: the project said 未安排 although the lead had them)."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.attraction.models import PREPARATORY, Lead, LeadChange, LeadMilestone
from guanmo.attraction.services import record_stage
from guanmo.attraction.sheet_import import import_attraction
from guanmo.attraction.stages import Stage
from guanmo.ledger.columns import MILESTONE_COLUMNS
from guanmo.ledger.models import Milestone, MilestoneKind, Project
from guanmo.reporting.models import FigureChange
from tests.attraction.sheets import register, write
from tests.world import YEAR

TODAY = date(YEAR, 8, 1)


@pytest.fixture
def approved(world):
    """智能传感器项目, signed on 10 March, 立项 planned 1 April and reached 5 April, 环评 planned
    for 1 June, not yet started."""
    lead = Lead.objects.create(
        city=world.city,
        county=world.wuzhi,
        name="智能传感器项目",
        register_year=YEAR,
        contract_investment=Decimal("35000"),
    )
    record_stage(
        lead, Stage.SIGNED, planned=None, reached=date(YEAR, 3, 10), user=None, today=TODAY
    )
    LeadMilestone.objects.create(
        lead=lead, kind=MilestoneKind.APPROVAL, planned=date(YEAR, 4, 1), reached=date(YEAR, 4, 5)
    )
    LeadMilestone.objects.create(
        lead=lead, kind=MilestoneKind.ENVIRONMENT, planned=date(YEAR, 6, 1)
    )
    return lead


def _start(lead: Lead) -> Project:
    record_stage(
        lead, Stage.STARTED, planned=None, reached=date(YEAR, 7, 1), user=None, today=TODAY
    )
    lead.refresh_from_db()
    return lead.project


def _dates(project: Project) -> dict[str, tuple[date | None, date | None]]:
    return {m.kind: (m.planned, m.reached) for m in Milestone.objects.filter(project=project)}


def test_the_project_made_on_its_start_has_the_leads_approvals(world, approved):
    project = _start(approved)

    assert _dates(project) == {
        "立项": (date(YEAR, 4, 1), date(YEAR, 4, 5)),
        "环评": (date(YEAR, 6, 1), None),
        "开工": (None, date(YEAR, 7, 1)),
    }
    said = set(FigureChange.objects.filter(project=project).values_list("field", "new_value"))
    assert {("立项计划日期", "2025年4月1日"), ("立项实际日期", "2025年4月5日")} <= said
    assert ("环评计划日期", "2025年6月1日") in said
    assert not LeadMilestone.objects.filter(lead=approved).exists()  # kept by the project now


def test_a_date_the_project_has_stands_and_the_leads_history_says_so(world, approved):
    project = Project.objects.create(city=world.city, county=world.wuzhi, name="智能传感器项目")
    Milestone.objects.create(project=project, kind=MilestoneKind.APPROVAL, reached=date(YEAR, 4, 8))

    assert _start(approved) == project

    assert _dates(project)["立项"] == (date(YEAR, 4, 1), date(YEAR, 4, 8))
    change = LeadChange.objects.get(lead=approved, field="立项实际日期")
    assert (change.old_value, change.new_value) == ("2025年4月5日", "2025年4月8日")
    assert change.reason == "前期手续以重点项目台账为准"


def test_both_pages_show_the_approvals(client, world, approved):
    client.force_login(world.users["city"])
    before = client.get(reverse("attraction_lead", args=[approved.pk])).content.decode()
    project = _start(approved)

    lead_page = client.get(reverse("attraction_lead", args=[approved.pk])).content.decode()
    project_page = client.get(reverse("project_detail", args=[project.pk])).content.decode()

    row = '<th scope="row">立项</th><td>2025年4月1日</td><td>2025年4月5日</td>'
    assert row in before and row in lead_page
    assert '<th scope="row">环评</th><td>2025年6月1日</td><td>—</td>' in lead_page
    steps = project_page.split('id="life-line"')[1].split("</table>")[0]
    assert (
        "<td>立项</td><td>2025年4月1日</td><td>2025年4月5日</td><td>已完成（晚于计划）</td>"
        in steps
    )
    assert "<td>环评</td><td>2025年6月1日</td><td>—</td><td>逾期未完成</td>" in steps


PREPARATORY_HEADER = ["项目名称", "合同投资（万元）", "签约日期", "开工日期", "所在县区",
                      "计划立项日期", "立项完成日期", "实际环评日期"]  # fmt: skip


def _register(tmp_path, rows):
    return write(tmp_path, register(rows, header=PREPARATORY_HEADER))


def test_the_register_gives_a_leads_approvals_and_a_start_carries_them(world, tmp_path):
    waiting = [
        "智能传感器项目",
        35000,
        "2025-03-10",
        None,
        "武陟县",
        "2025-04-01",
        "2025-04-05",
        None,
    ]
    report = import_attraction(_register(tmp_path, [waiting]), city=world.city, year=YEAR)

    assert report.ok, [str(fault) for fault in report.faults]
    lead = Lead.objects.get(name="智能传感器项目")
    assert list(lead.milestones.values_list("kind", "planned", "reached")) == [
        ("立项", date(YEAR, 4, 1), date(YEAR, 4, 5))
    ]
    started = [*waiting[:3], "2025-07-01", "武陟县", None, None, "2025-05-20"]
    report = import_attraction(_register(tmp_path, [started]), city=world.city, year=YEAR)

    assert report.ok, [str(fault) for fault in report.faults]
    lead.refresh_from_db()
    assert _dates(lead.project) == {
        "立项": (date(YEAR, 4, 1), date(YEAR, 4, 5)),
        "环评": (None, date(YEAR, 5, 20)),
        "开工": (None, date(YEAR, 7, 1)),
    }


def test_an_approval_dated_ahead_of_today_is_refused_by_its_cell(world, tmp_path):
    row = ["智能传感器项目", 35000, "2025-03-10", None, "武陟县", None, None, "2099-01-01"]
    report = import_attraction(_register(tmp_path, [row]), city=world.city, year=YEAR)

    assert [str(fault) for fault in report.faults] == [
        "第3行「实际环评时间」：2099年1月1日晚于今天，实际日期不能是将来"
    ]
    assert not Lead.objects.exists()


def test_the_register_reads_every_approval_headed_as_the_ledger_heads_it(world, tmp_path):
    # One catalogue of milestone headings (ledger.columns.MILESTONE_COLUMNS): 计划立项时间 …
    # 实际施工许可时间 head a register as they head a ledger.
    headings = [
        field.value for field, (kind, _) in MILESTONE_COLUMNS.items() if kind in PREPARATORY
    ]
    assert headings[:2] == ["计划立项时间", "实际立项时间"]
    assert headings[-2:] == ["计划施工许可时间", "实际施工许可时间"]
    header = ["项目名称", "合同投资（万元）", "签约日期", "所在县区", *headings]
    days = [f"2025-04-{day:02d}" for day in range(1, len(headings) + 1)]
    row = ["智能传感器项目", 35000, "2025-03-10", "武陟县", *days]

    report = import_attraction(
        write(tmp_path, register([row], header=header)), city=world.city, year=YEAR
    )

    assert report.ok, [str(fault) for fault in report.faults]
    lead = Lead.objects.get(name="智能传感器项目")
    assert {m.kind: (m.planned, m.reached) for m in lead.milestones.all()} == {
        "立项": (date(YEAR, 4, 1), date(YEAR, 4, 2)),
        "用地": (date(YEAR, 4, 3), date(YEAR, 4, 4)),
        "规划": (date(YEAR, 4, 5), date(YEAR, 4, 6)),
        "环评": (date(YEAR, 4, 7), date(YEAR, 4, 8)),
        "施工许可": (date(YEAR, 4, 9), date(YEAR, 4, 10)),
    }
