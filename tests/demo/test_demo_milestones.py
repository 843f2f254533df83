"""The demo's milestones as a new user reads them on a project's page: the approvals before a
start (前期手续: 立项, 用地, 规划, 环评, 施工许可) planned and reached on started projects, and
one missed (tryout 13: every 前期 milestone read 未安排)."""

import pytest

from guanmo.demo.city import TODAY
from guanmo.ledger.milestones import life_line
from guanmo.ledger.models import MilestoneKind, Project, Stage
from guanmo.ledger.services.milestones import milestones_by_project

pytestmark = pytest.mark.django_db

K = MilestoneKind
APPROVALS = (K.APPROVAL, K.LAND, K.PLANNING, K.ENVIRONMENT, K.PERMIT)


def _lines(stage: str) -> list[list]:
    projects = list(Project.objects.filter(stage=stage, attraction_lead__isnull=True))
    dates = milestones_by_project([project.pk for project in projects])
    return [life_line(dates.get(project.pk, {}), TODAY) for project in projects]


@pytest.mark.parametrize("stage", [Stage.NEW_START, Stage.CONTINUING, Stage.COMPLETED])
def test_started_projects_had_their_approvals_planned_and_reached_before_the_start(demo, stage):
    for line in _lines(stage):
        steps = {step.kind: step for step in line}
        started = steps[K.STARTED].reached or steps[K.STARTED].planned
        for kind in APPROVALS:
            assert steps[kind].planned is not None, (kind, steps)
            assert steps[kind].planned <= started
            if steps[kind].reached is not None:
                assert steps[kind].reached <= min(started, TODAY)


def test_some_approvals_came_late_and_one_is_missed(demo):
    states = [
        step.state
        for stage in (Stage.NEW_START, Stage.CONTINUING, Stage.COMPLETED, Stage.PREPARATORY)
        for line in _lines(stage)
        for step in line
        if step.kind in APPROVALS
    ]
    assert states.count("已完成（晚于计划）") >= 3
    assert "逾期未完成" in states
    assert "未安排" not in states


def test_a_project_reporting_investment_has_started(demo):
    """No demo project reports investment or construction before its 开工 is reached (tryout
    16: 11 new starts reported 桩基施工…主体封顶 with 开工 and 施工许可 not reached)."""
    from guanmo.ledger.models import MonthlyProgress

    worked = (
        MonthlyProgress.objects.filter(completed_this_month__gt=0, project__stage=Stage.NEW_START)
        .values_list("project_id", "year", "month")
        .distinct()
    )
    dates = milestones_by_project({pk for pk, _, _ in worked})
    contradictions = [
        (pk, month)
        for pk, year, month in worked
        if (started := dates[pk].get(MilestoneKind.STARTED)) is None
        or started.reached is None
        or (started.reached.year, started.reached.month) > (year, month)
    ]
    assert contradictions == []


def test_a_project_taken_off_its_list_reports_nothing_after_its_month(demo):
    """Tryout 28: project 354, taken off on 2025-09-25 as 长期停工 (资金链断裂), had approved
    figures for October and November and a November 存在问题."""
    from guanmo.ledger.models import KeyListEntry, MonthlyProgress
    from guanmo.reporting.models import ReportEntry

    removed = list(KeyListEntry.objects.filter(removed_on__isnull=False))
    assert removed
    for entry in removed:
        month = entry.removed_on.month
        later = {"year": entry.removed_on.year, "month__gt": month}
        assert not MonthlyProgress.objects.filter(project=entry.project, **later).exists()
        assert not ReportEntry.objects.filter(
            project=entry.project,
            report__period__year=entry.removed_on.year,
            report__period__month__gt=month,
        ).exists()
