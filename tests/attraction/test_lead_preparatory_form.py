"""A lead's 前期 approvals (立项, 用地, 规划, 环评, 施工许可), planned and actual, entered on its
page by the offices that record its stages: each change in the lead's history, the dates checked
and bounded with the approval named, and once the lead is a ledger project written to the
project's milestones (issue 14: only the register's import could set them)."""

from datetime import date

import pytest
from django.urls import reverse

from guanmo.attraction.models import LeadChange, LeadMilestone
from guanmo.attraction.services import record_stage
from guanmo.attraction.stages import Stage
from guanmo.ledger.models import Milestone, MilestoneKind
from guanmo.reporting.models import FigureChange
from tests.attraction.leads import signed_lead
from tests.world import YEAR

TODAY = date(YEAR, 8, 15)
KINDS = ("approval", "land", "planning", "environment", "permit")


@pytest.fixture
def signed(world, settings):
    settings.GUANMO_TODAY = TODAY
    return signed_lead(world)


def _form(**dates: str) -> dict[str, str]:
    """Every field of the form, blank unless given (approval_reached="2025-04-05")."""
    data = {f"{kind}_{part}": "" for kind in KINDS for part in ("planned", "reached")}
    return {**data, **dates}


def _post(client, world, lead, who="wuzhi", reason="", **dates):
    client.force_login(world.users[who])
    return client.post(
        reverse("attraction_lead_preparatory", args=[lead.pk]), {**_form(**dates), "reason": reason}
    )


def _stored(lead) -> dict[str, tuple[date | None, date | None]]:
    return {row.kind: (row.planned, row.reached) for row in LeadMilestone.objects.filter(lead=lead)}


def test_the_county_enters_the_approvals_and_the_history_keeps_them(client, world, signed):
    response = _post(
        client,
        world,
        signed,
        approval_planned=f"{YEAR}-04-01",
        approval_reached=f"{YEAR}-04-05",
        environment_planned=f"{YEAR}-09-01",
    )

    assert response.status_code == 302
    assert _stored(signed) == {
        "立项": (date(YEAR, 4, 1), date(YEAR, 4, 5)),
        "环评": (date(YEAR, 9, 1), None),
    }
    said = {
        (change.field, change.old_value, change.new_value, change.user, change.source)
        for change in LeadChange.objects.filter(lead=signed)
    }
    wuzhi = world.users["wuzhi"]
    assert said == {
        ("立项计划日期", "", "2025年4月1日", wuzhi, "招商引资"),
        ("立项实际日期", "", "2025年4月5日", wuzhi, "招商引资"),
        ("环评计划日期", "", "2025年9月1日", wuzhi, "招商引资"),
    }
    page = client.get(reverse("attraction_lead", args=[signed.pk])).content.decode()
    assert '<th scope="row">立项</th><td>2025年4月1日</td><td>2025年4月5日</td>' in page
    assert 'id="preparatory-form"' in page
    assert 'name="approval_reached" value="2025-04-05"' in page


def test_a_date_changed_or_cleared_is_recorded_with_the_reason(client, world, signed):
    _post(client, world, signed, approval_planned=f"{YEAR}-04-01", land_planned=f"{YEAR}-05-01")

    _post(
        client,
        world,
        signed,
        reason="用地预审推迟",
        approval_planned=f"{YEAR}-04-01",
        land_planned=f"{YEAR}-06-10",
        approval_reached="",
    )
    _post(client, world, signed, reason="立项改由县发改委统一办理", land_planned=f"{YEAR}-06-10")

    assert _stored(signed) == {"用地": (date(YEAR, 6, 10), None)}
    land = LeadChange.objects.get(lead=signed, field="用地计划日期", new_value="2025年6月10日")
    assert (land.old_value, land.reason) == ("2025年5月1日", "用地预审推迟")
    cleared = LeadChange.objects.get(lead=signed, field="立项计划日期", new_value="")
    assert (cleared.old_value, cleared.reason) == ("2025年4月1日", "立项改由县发改委统一办理")


@pytest.mark.parametrize(
    ("dates", "message"),
    [
        (
            {"permit_reached": f"{YEAR}-08-16"},
            "施工许可实际日期2025年8月16日晚于今天，实际日期不能是将来",
        ),
        (
            {"planning_planned": "2028-08-16"},
            "「规划计划日期」不能晚于2028年8月15日（2025年8月15日起1096天以内）",
        ),
        (
            {"approval_reached": "2023-12-31"},
            "「立项实际日期」不能早于2024年1月1日（登记年度2025年年初前366天以内）",
        ),
        ({"land_planned": "2025-13-01"}, "用地计划日期不是有效的日期，请写成“2025-03-10”"),
    ],
)
def test_a_wrong_date_is_refused_naming_the_approval_and_nothing_changes(
    client, world, signed, dates, message
):
    response = _post(client, world, signed, environment_planned=f"{YEAR}-09-01", **dates)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not LeadMilestone.objects.filter(lead=signed).exists()
    assert not LeadChange.objects.filter(lead=signed).exists()


def test_a_date_stored_before_is_not_checked_again(client, world, signed, settings):
    LeadMilestone.objects.create(lead=signed, kind=MilestoneKind.APPROVAL, reached=date(2023, 6, 1))

    response = _post(
        client, world, signed, approval_reached="2023-06-01", land_planned=f"{YEAR}-09-01"
    )

    assert response.status_code == 302
    assert _stored(signed)["用地"] == (date(YEAR, 9, 1), None)


def test_only_the_offices_that_record_its_stages_may_enter_them(client, world, signed):
    for who in ("wenxian", "leader"):
        response = _post(client, world, signed, who=who, approval_planned=f"{YEAR}-04-01")
        assert response.status_code in (403, 404), who
    assert not LeadMilestone.objects.filter(lead=signed).exists()

    client.force_login(world.users["wenxian"])
    page = client.get(reverse("attraction_lead", args=[signed.pk]))
    assert page.status_code == 404 or 'id="preparatory-form"' not in page.content.decode()

    assert (
        _post(client, world, signed, who="city", permit_planned=f"{YEAR}-10-01").status_code == 302
    )
    assert _stored(signed) == {"施工许可": (date(YEAR, 10, 1), None)}


def test_a_started_leads_approvals_go_to_its_projects_milestones(client, world, signed):
    record_stage(
        signed, Stage.STARTED, planned=None, reached=date(YEAR, 7, 1), user=None, today=TODAY
    )
    signed.refresh_from_db()
    project = signed.project

    response = _post(
        client, world, signed, approval_reached=f"{YEAR}-04-05", permit_planned=f"{YEAR}-06-20"
    )

    assert response.status_code == 302
    kept = {m.kind: (m.planned, m.reached) for m in Milestone.objects.filter(project=project)}
    assert kept["立项"] == (None, date(YEAR, 4, 5))
    assert kept["施工许可"] == (date(YEAR, 6, 20), None)
    assert not LeadMilestone.objects.filter(lead=signed).exists()
    in_project = set(FigureChange.objects.filter(project=project).values_list("field", "new_value"))
    assert {("立项实际日期", "2025年4月5日"), ("施工许可计划日期", "2025年6月20日")} <= in_project
    assert LeadChange.objects.filter(lead=signed, field="立项实际日期").exists()
