"""A lead's page: its stages recorded by the city office or its county's office, checked as
the import checks them; started, it becomes a ledger project (issue 14)."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.attraction.models import Lead, LeadChange
from guanmo.attraction.stages import Stage
from tests.world import YEAR


@pytest.fixture
def lead(world):
    return Lead.objects.create(
        city=world.city, county=world.wuzhi, name="智能传感器项目", register_year=YEAR
    )


def _record(client, world, who, lead, **data):
    client.force_login(world.users[who])
    return client.post(reverse("attraction_lead", args=[lead.pk]), data)


def test_the_county_records_signing_and_the_start_makes_a_ledger_project(client, world, lead):
    signed = _record(
        client,
        world,
        "wuzhi",
        lead,
        stage="签约",
        reached="2025-03-10",
        contract_investment="35000",
    )
    started = _record(client, world, "wuzhi", lead, stage="开工", reached="2025-05-20")

    assert signed.status_code == started.status_code == 302
    lead.refresh_from_db()
    assert lead.contract_investment == Decimal("35000")
    assert lead.project is not None and lead.project.county == world.wuzhi
    # The start is the project's 开工 milestone (tests/attraction/test_lead_project_start.py).
    assert lead.project.milestones.get(kind="开工").reached == date(2025, 5, 20)
    page = client.get(reverse("attraction_lead", args=[lead.pk])).content.decode()
    assert "项目已开工，转入重点项目台账，新建重点项目“智能传感器项目”" in page
    assert LeadChange.objects.filter(lead=lead, field="重点项目").exists()


def test_a_stage_before_the_one_before_it_is_refused_and_nothing_changes(client, world, lead):
    _record(
        client, world, "city", lead, stage="签约", reached="2025-03-10", contract_investment="1"
    )

    page = _record(client, world, "city", lead, stage="落地", reached="2025-03-01")

    assert page.status_code == 200
    assert "落地：2025年3月1日早于签约日期2025年3月10日" in page.content.decode()
    assert not lead.stages.filter(stage=Stage.LANDED).exists()


def test_signing_without_contract_investment_is_refused(client, world, lead):
    page = _record(client, world, "city", lead, stage="签约", reached="2025-03-10")

    assert "签约项目应填写合同投资" in page.content.decode()


def test_a_planned_date_alone_is_recorded(client, world, lead):
    _record(client, world, "wuzhi", lead, stage="开工", planned="2025-09-01")

    assert lead.stages.get(stage=Stage.STARTED).planned == date(2025, 9, 1)
    assert lead.project is None


def test_the_leader_reads_but_may_not_record(client, world, lead):
    client.force_login(world.users["leader"])
    assert client.get(reverse("attraction_lead", args=[lead.pk])).status_code == 200
    assert (
        _record(client, world, "leader", lead, stage="签约", reached="2025-03-10").status_code
        == 403
    )


def test_another_county_does_not_see_the_lead(client, world, lead):
    client.force_login(world.users["wenxian"])

    assert client.get(reverse("attraction_lead", args=[lead.pk])).status_code == 404


@pytest.fixture
def park_lead(world):
    """A lead in 武陟县 hosted by a park that is one of the city's units, with its office."""
    from guanmo.accounts.models import Role, User
    from guanmo.regions.models import Region

    zone = Region.objects.create(
        code="410899001", name="城乡一体化示范区", kind=Region.Kind.ZONE, parent=world.city
    )
    world.users["zone"] = User.objects.create_user(
        "sfq", password="x", role=Role.COUNTY_OFFICE, region=zone
    )
    return Lead.objects.create(
        city=world.city, county=world.wuzhi, park=zone, name="示范区传感器项目", register_year=YEAR
    )


def test_a_lead_hosted_by_a_park_is_recorded_by_the_park_office_not_the_county(
    client, world, park_lead
):
    """The park counts it (its host), so its office and the city office record its stages;
    the county it lies in may read it but not change it."""
    refused = _record(
        client, world, "wuzhi", park_lead, stage="签约", reached="2025-03-10",
        contract_investment="1000",
    )  # fmt: skip
    page = client.get(reverse("attraction_lead", args=[park_lead.pk])).content.decode()
    by_park = _record(
        client, world, "zone", park_lead, stage="签约", reached="2025-03-10",
        contract_investment="1000",
    )  # fmt: skip
    by_city = _record(client, world, "city", park_lead, stage="落地", reached="2025-04-01")

    assert refused.status_code == 403
    assert 'name="reached"' not in page
    assert by_park.status_code == by_city.status_code == 302
    assert park_lead.stages.filter(stage=Stage.LANDED).exists()


def test_a_park_hosted_lead_started_becomes_the_parks_ledger_project_its_office_opens(
    client, world, park_lead
):
    """The park counts the lead, so its project counts in the park too (the ledger's rule for a
    project in a zone), and the park office that recorded the start may open it."""
    _record(
        client, world, "zone", park_lead, stage="签约", reached="2025-03-10",
        contract_investment="1000",
    )  # fmt: skip
    _record(client, world, "zone", park_lead, stage="开工", reached="2025-05-20")
    park_lead.refresh_from_db()

    assert park_lead.project is not None
    assert park_lead.project.county == park_lead.park
    page = client.get(reverse("project_detail", args=[park_lead.project.pk]))
    assert page.status_code == 200


def test_a_dropped_lead_says_when_talks_ended(client, world, lead):
    lead.dropped_on = date(2025, 7, 18)
    lead.save()
    client.force_login(world.users["city"])

    page = client.get(reverse("attraction_lead", args=[lead.pk])).content.decode()

    assert '<dt>终止洽谈</dt><dd id="dropped">2025年7月18日</dd>' in page


def test_the_industry_is_shown_with_its_gbt_4754_code(client, world, lead):
    lead.industry_code = "38"
    lead.save()
    client.force_login(world.users["city"])

    page = client.get(reverse("attraction_lead", args=[lead.pk])).content.decode()

    assert "<dt>行业</dt><dd>C38 电气机械和器材制造业</dd>" in page
    assert "GB/T 4754—2017" in page


def test_the_project_a_start_makes_is_on_the_years_key_list_from_its_start(client, world, lead):
    from guanmo.ledger.models import Level, Project

    _record(
        client, world, "wuzhi", lead, stage="签约", reached="2025-03-10", contract_investment="9"
    )
    _record(client, world, "wuzhi", lead, stage="开工", reached="2025-05-20")

    lead.refresh_from_db()
    project = lead.project
    assert project.entered_on == date(2025, 5, 20)
    assert [(e.year, e.level) for e in project.key_lists.all()] == [(YEAR, Level.CITY)]
    assert Project.objects.in_ledger(YEAR).filter(pk=project.pk).exists()
    client.force_login(world.users["city"])
    listed = client.get(reverse("project_list"), {"q": "智能传感器"}).content.decode()
    assert "智能传感器项目" in listed


def test_a_start_with_no_signing_asks_for_the_signing_first(client, world, lead):
    page = _record(client, world, "city", lead, stage="开工", reached="2025-05-20")

    assert "开工：尚无签约日期，请先记录签约" in page.content.decode()
    lead.refresh_from_db()
    assert lead.project is None


def test_production_on_a_lead_not_started_is_refused_naming_the_missing_start(client, world, lead):
    """Tryout 22: 投产 on a landed lead filled 开工 with its date and made a ledger project with
    no 开工 line in the lead's history."""
    _record(
        client, world, "city", lead, stage="签约", reached="2025-03-10", contract_investment="1"
    )
    _record(client, world, "city", lead, stage="落地", reached="2025-04-01")

    page = _record(client, world, "city", lead, stage="投产", reached="2025-06-10")

    assert page.status_code == 200
    assert "投产：尚未开工，请先记录开工日期" in page.content.decode()
    lead.refresh_from_db()
    assert lead.project is None
    assert not lead.stages.filter(stage__in=[Stage.STARTED, Stage.PRODUCING]).exists()


def test_changing_a_recorded_stage_date_needs_a_reason(client, world, lead):
    _record(
        client, world, "city", lead, stage="签约", reached="2025-03-10", contract_investment="1"
    )

    refused = _record(client, world, "city", lead, stage="签约", reached="2025-03-12")
    kept = lead.stages.get(stage=Stage.SIGNED).reached
    changed = _record(
        client, world, "city", lead, stage="签约", reached="2025-03-12", reason="核对合同后更正"
    )

    assert "修改已填的签约实际日期，请写明原因" in refused.content.decode()
    assert kept == date(2025, 3, 10)
    assert changed.status_code == 302
    assert lead.stages.get(stage=Stage.SIGNED).reached == date(2025, 3, 12)
    line = LeadChange.objects.get(lead=lead, field="签约实际日期", old_value="2025年3月10日")
    assert (line.old_value, line.new_value, line.reason) == (
        "2025年3月10日",
        "2025年3月12日",
        "核对合同后更正",
    )


def test_a_planned_start_passed_is_marked_late_on_the_lead_page(client, world, lead, settings):
    """Tryout 22: 计划开工 2026-07-31 passed with no start, unmarked on the lead's page."""
    settings.GUANMO_TODAY = date(2025, 8, 15)
    StageDate = lead.stages.model
    StageDate.objects.create(lead=lead, stage=Stage.SIGNED, reached=date(2025, 3, 10))
    StageDate.objects.create(lead=lead, stage=Stage.STARTED, planned=date(2025, 7, 31))
    StageDate.objects.create(lead=lead, stage=Stage.PRODUCING, planned=date(2026, 6, 30))
    client.force_login(world.users["city"])

    page = client.get(reverse("attraction_lead", args=[lead.pk])).content.decode()

    rows = {
        row.split("</th>")[0]: row for row in page.split('id="stages"')[1].split('<th scope="row">')
    }
    assert '<td class="late">逾期未完成</td>' in rows["开工"]
    assert "未到期" in rows["投产"] and "已完成" in rows["签约"]


def test_a_planned_month_is_taken_as_its_last_day(client, world, lead, settings):
    """Tryout 32: planned 「2025年12月」 gave only 「输入一个有效的日期。」; the sheet reads it as
    the month's last day."""
    settings.GUANMO_TODAY = date(2025, 6, 1)
    _record(client, world, "city", lead, stage="签约", reached="2025-03-10",
            contract_investment="1")  # fmt: skip

    response = _record(client, world, "city", lead, stage="开工", planned="2025年12月")
    wrong = _record(client, world, "city", lead, stage="投产", planned="年底前")

    assert response.status_code == 302
    assert lead.stages.get(stage=Stage.STARTED).planned == date(2025, 12, 31)
    page = wrong.content.decode()
    assert "计划日期：" in page
    assert "计划日期可写到月，如2025年12月" in page
    assert "输入一个有效的日期" not in page
