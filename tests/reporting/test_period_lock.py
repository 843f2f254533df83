"""Closing a period locks every report; reopening one county's report needs a reason."""

from decimal import Decimal

import pytest

from guanmo.ledger.models import MonthlyProgress
from guanmo.reporting.models import ReviewStep, Status
from guanmo.reporting.services import (
    EntryInput,
    ReportingError,
    approve_report,
    close_period,
    reopen_report,
    save_entries,
    submit_report,
)


def approved_april(world, report, cumulative="500"):
    save_entries(
        report,
        [EntryInput(world.projects["武陟装备"].pk, cumulative_completed=cumulative)],
        user=world.users["wuzhi"],
        version=report.version,
    )
    submit_report(report, user=world.users["wuzhi"], version=report.version)
    approve_report(report, user=world.users["city"])


def test_after_closing_no_report_can_be_changed(world, april):
    wenxian = april.reports.get(county=world.wenxian)
    close_period(april, user=world.users["city"])
    with pytest.raises(ReportingError, match="填报期已关闭，报表已锁定"):
        save_entries(
            wenxian,
            [EntryInput(world.projects["温县食品"].pk, cumulative_completed="300")],
            user=world.users["wenxian"],
            version=wenxian.version,
        )
    assert not wenxian.entries.filter(cumulative_completed__isnull=False).exists()


def test_reopening_needs_a_reason(world, april, wuzhi_report):
    close_period(april, user=world.users["city"])
    with pytest.raises(ReportingError, match="必须填写原因"):
        reopen_report(wuzhi_report, user=world.users["city"], reason="")
    assert wuzhi_report.status == Status.DRAFT and not wuzhi_report.reopened


def test_a_reopened_report_is_corrected_and_approved_again_with_history(world, april, wuzhi_report):
    approved_april(world, wuzhi_report, "500")
    close_period(april, user=world.users["city"])
    other = april.reports.get(county=world.wenxian)

    reopen_report(wuzhi_report, user=world.users["city"], reason="武陟县申请更正装备产业园数据")
    assert wuzhi_report.is_editable
    assert not other.is_editable  # only the reopened county
    approved_april(world, wuzhi_report, "540")

    progress = MonthlyProgress.objects.get(project=world.projects["武陟装备"], month=4)
    assert progress.cumulative_completed == Decimal("540")
    assert wuzhi_report.steps.get(action=ReviewStep.Action.REOPEN).reason == (
        "武陟县申请更正装备产业园数据"
    )
    approvals = world.projects["武陟装备"].changes.filter(
        source="审核通过", field="累计完成投资（万元）"
    )
    assert [(c.old_value, c.new_value) for c in approvals.order_by("id")] == [
        ("", "500"),
        ("500", "540"),
    ]
    assert not wuzhi_report.is_editable  # locked again once approved
