"""A lead linked to a ledger project has one 开工: the project's 开工 milestone. The lead reads
its start through it, so a date changed on either page shows the same in both places (issue 14:
"When it starts, it becomes (or links to) a ledger project, keeping its history")."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.attraction.models import Lead, LeadChange, StageDate
from guanmo.attraction.selectors import facts, leads_of
from guanmo.attraction.services import StageRefused, record_stage
from guanmo.attraction.stages import Stage
from guanmo.ledger.milestones import MilestoneDates
from guanmo.ledger.models import Milestone, MilestoneKind, Project
from guanmo.ledger.services.milestones import save_milestones
from guanmo.reporting.models import FigureChange
from tests.world import YEAR

TODAY = date(YEAR, 8, 1)


@pytest.fixture
def started(world):
    """智能传感器项目 signed on 10 March, planned to start on 1 May, started on 20 May: a
    ledger project since."""
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
    record_stage(
        lead,
        Stage.STARTED,
        planned=date(YEAR, 5, 1),
        reached=date(YEAR, 5, 20),
        user=None,
        today=TODAY,
    )
    lead.refresh_from_db()
    assert lead.project is not None
    return lead


def _lead_start(lead: Lead) -> tuple[date | None, date | None]:
    read = facts(leads_of(lead.city).get(pk=lead.pk))
    return read.planned.get(Stage.STARTED), read.reached.get(Stage.STARTED)


def _project_start(project: Project) -> tuple[date | None, date | None]:
    milestone = Milestone.objects.get(project=project, kind=MilestoneKind.STARTED)
    return milestone.planned, milestone.reached


def _lead_page_start(client, world, lead: Lead) -> str:
    client.force_login(world.users["city"])
    page = client.get(reverse("attraction_lead", args=[lead.pk])).content.decode()
    row = page.split('<th scope="row">开工</th>')[1].split("</tr>")[0]
    return row


def test_on_linking_the_start_lives_in_the_projects_milestone_only(started):
    assert _project_start(started.project) == (date(YEAR, 5, 1), date(YEAR, 5, 20))
    assert _lead_start(started) == (date(YEAR, 5, 1), date(YEAR, 5, 20))
    assert not StageDate.objects.filter(lead=started, stage=Stage.STARTED).exists()


def _start_on_25_may(lead: Lead) -> None:
    """The lead's 开工 moved from 20 to 25 May on its page, with its reason."""
    record_stage(
        lead,
        Stage.STARTED,
        planned=None,
        reached=date(YEAR, 5, 25),
        user=None,
        today=TODAY,
        reason="按施工许可核对",  # a recorded date changed needs a reason (tryout 22)
    )


def test_a_start_changed_on_the_lead_is_the_projects_milestone(client, world, started):
    _start_on_25_may(started)

    assert _project_start(started.project) == (date(YEAR, 5, 1), date(YEAR, 5, 25))
    assert _lead_start(started) == (date(YEAR, 5, 1), date(YEAR, 5, 25))
    assert "<td>2025年5月25日</td>" in _lead_page_start(client, world, started)
    # Both histories say so: the project's (ledger) and the lead's.
    assert FigureChange.objects.filter(
        project=started.project,
        field="开工实际日期",
        old_value="2025年5月20日",
        new_value="2025年5月25日",
        reason="按施工许可核对",
    ).exists()
    assert LeadChange.objects.filter(
        lead=started,
        field="开工实际日期",
        old_value="2025年5月20日",
        new_value="2025年5月25日",
        reason="按施工许可核对",
    ).exists()


def test_a_start_changed_on_the_project_shows_on_the_lead(client, world, started):
    save_milestones(
        started.project,
        {
            MilestoneKind.STARTED: MilestoneDates(
                MilestoneKind.STARTED, date(YEAR, 5, 1), date(YEAR, 5, 18)
            )
        },
        user=world.users["city"],
        today=TODAY,
        reason="按施工许可核实",
    )

    assert _lead_start(started) == (date(YEAR, 5, 1), date(YEAR, 5, 18))
    assert "<td>2025年5月18日</td>" in _lead_page_start(client, world, started)
    assert "2025年5月20日" not in _lead_page_start(client, world, started)


def test_a_lead_whose_start_disagrees_with_the_projects_is_refused_naming_both(world):
    """The ledger already has 香雪海冷链产业园 started on 2 April; the lead's page says 6 April:
    refused naming both dates, the project's left alone (tryout 22: never overwrite, never
    silently keep one)."""
    project = Project.objects.create(city=world.city, county=world.wuzhi, name="香雪海冷链产业园")
    Milestone.objects.create(project=project, kind=MilestoneKind.STARTED, reached=date(YEAR, 4, 2))
    lead = Lead.objects.create(
        city=world.city,
        county=world.wuzhi,
        name="香雪海冷链产业园",
        register_year=YEAR,
        contract_investment=Decimal("20000"),
    )
    record_stage(lead, Stage.SIGNED, planned=None, reached=date(YEAR, 3, 1), user=None, today=TODAY)

    with pytest.raises(StageRefused) as refused:
        record_stage(
            lead, Stage.STARTED, planned=None, reached=date(YEAR, 4, 6), user=None, today=TODAY
        )

    assert refused.value.messages == [
        "招商项目开工日期2025年4月6日与重点项目台账中的“香雪海冷链产业园”（开工日期2025年4月2日）"
        "不一致，请核对后改正其中之一"
    ]
    lead.refresh_from_db()
    assert lead.project is None
    assert _project_start(project) == (None, date(YEAR, 4, 2))


def test_a_lead_matching_a_continuing_project_by_name_never_starts_it(world):
    """Tryout 22: linking a lead to 续建 武陟县物流园 set that project's 开工 to the lead's June."""
    project = Project.objects.create(
        city=world.city, county=world.wuzhi, name="武陟县物流园", stage="续建", start_year=YEAR - 1
    )
    lead = Lead.objects.create(
        city=world.city, county=world.wuzhi, name="武陟县物流园", register_year=YEAR,
        contract_investment=Decimal("20000"),
    )  # fmt: skip
    record_stage(lead, Stage.SIGNED, planned=None, reached=date(YEAR, 3, 1), user=None, today=TODAY)

    with pytest.raises(StageRefused, match="（续建项目，2024年开工）不一致"):
        record_stage(
            lead, Stage.STARTED, planned=None, reached=date(YEAR, 6, 1), user=None, today=TODAY
        )

    assert not Milestone.objects.filter(project=project).exists()


def test_a_project_made_from_a_lead_is_a_new_start(started):
    assert started.project.stage == "新开工"


def test_a_lead_started_in_december_is_not_due_to_report_november(world, settings):
    """Tryout 13: started on 10 December, it entered the ledger that day; its page showed
    红色预警 11月进度逾期未报送. It reports from December."""
    from guanmo.progress.status import Month, project_statuses
    from guanmo.reporting.models import Period

    settings.GUANMO_TODAY = date(YEAR, 12, 15)
    lead = Lead.objects.create(city=world.city, county=world.wuzhi, name="十二月项目",
                               register_year=YEAR, contract_investment=Decimal(8000))  # fmt: skip
    for stage, day in [(Stage.SIGNED, 1), (Stage.LANDED, 5), (Stage.STARTED, 10)]:
        record_stage(lead, stage, planned=None, reached=date(YEAR, 12, day), user=None,
                     today=settings.GUANMO_TODAY)  # fmt: skip
    lead.refresh_from_db()
    assert lead.project.entered_on == date(YEAR, 12, 10)
    projects = Project.objects.filter(pk=lead.project.pk)

    def warnings(month: int) -> list[str]:
        period = Period.objects.create(city=world.city, year=YEAR, month=month,
                                       deadline=date(YEAR, month, 5))  # fmt: skip
        status = project_statuses(projects, world.city, Month(YEAR, month, period))[0]
        return [warning.message for warning in status.warnings]

    assert warnings(11) == []
    settings.GUANMO_TODAY = date(YEAR + 1, 1, 10)
    assert warnings(12) == ["12月进度逾期未报送"]


def test_the_project_page_shows_its_lead_with_stage_dates_investment_and_funds(
    client, world, started
):
    started.funds.create(year=YEAR, month=6, cumulative=Decimal("12000"))
    client.force_login(world.users["city"])

    page = client.get(reverse("project_detail", args=[started.project.pk])).content.decode()
    section = page.split('id="attraction"')[1].split("</table>")[0]

    assert reverse("attraction_lead", args=[started.pk]) in page
    assert "<td>签约</td><td>—</td><td>2025年3月10日</td>" in section
    assert "<td>开工</td><td>2025年5月1日</td><td>2025年5月20日</td>" in section
    assert "35,000.00" in page and "12,000.00" in page and "截至2025年6月底" in page


def test_the_leads_production_is_the_projects_producing_milestone_with_history(started):
    record_stage(
        started, Stage.PRODUCING, planned=date(YEAR, 7, 1), reached=date(YEAR, 7, 20),
        user=None, today=TODAY,
    )  # fmt: skip

    milestone = Milestone.objects.get(project=started.project, kind=MilestoneKind.PRODUCING)
    assert (milestone.planned, milestone.reached) == (date(YEAR, 7, 1), date(YEAR, 7, 20))
    assert FigureChange.objects.filter(project=started.project, field__contains="投产").exists()


def test_both_histories_say_a_changes_time_in_chinese(client, world, started):
    """A change's time as every page says a date: 2025年5月25日 14:30 (Beijing time), not
    2025-05-25 14:30 (`documents.official.chinese_time`)."""
    _start_on_25_may(started)
    moment = datetime(YEAR, 5, 25, 6, 30, tzinfo=UTC)  # 14:30 in Asia/Shanghai
    LeadChange.objects.filter(lead=started).update(at=moment)
    FigureChange.objects.filter(project=started.project).update(at=moment)
    client.force_login(world.users["city"])
    lead_page = client.get(reverse("attraction_lead", args=[started.pk])).content.decode()
    project_page = client.get(reverse("project_detail", args=[started.project.pk]))
    assert "<li>2025年5月25日 14:30 开工实际日期：2025年5月20日 → 2025年5月25日" in lead_page
    assert "<td>2025年5月25日 14:30</td>" in project_page.content.decode()
    assert "2025-05-25" not in lead_page + project_page.content.decode()
