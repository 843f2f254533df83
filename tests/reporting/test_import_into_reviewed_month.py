"""A month's figures come from the counties' reports once the city reports that month through
the workflow: `import-progress` never changes a county's approved or closed month behind its
report (tryout 10: a closed, approved November changed by a sheet with only 更新1条), and a
county still drafting is told to put the sheet into its report, not over it."""

from decimal import Decimal

import pytest

from guanmo.ledger.models import MonthlyProgress
from guanmo.ledger.services import import_progress
from guanmo.reporting.models import Status
from guanmo.reporting.services import (
    EntryInput,
    approve_report,
    close_period,
    reopen_report,
    save_entries,
    submit_report,
)
from tests.ledger.sheets import progress_xlsx
from tests.world import YEAR

pytestmark = pytest.mark.django_db


def approved_april(world, report) -> None:
    """武陟县 reports 武陟装备 at 700 (this month 300) and 武陟物流 at 150; the city approves."""
    result = save_entries(
        report,
        [
            EntryInput(world.projects["武陟装备"].pk, cumulative_completed="700"),
            EntryInput(world.projects["武陟物流"].pk, cumulative_completed="150"),
        ],
        user=world.users["wuzhi"],
        version=report.version,
    )
    assert result.ok
    submit_report(report, user=world.users["wuzhi"], version=report.version)
    approve_report(report, user=world.users["city"])


def sheet_changing_wuzhi():
    return progress_xlsx([1, "武陟县智能装备产业园", "武陟县", 400, 800, "主体完工"])


def april_figure(world) -> tuple[Decimal, Decimal]:
    stored = MonthlyProgress.objects.get(project=world.projects["武陟装备"], year=YEAR, month=4)
    return stored.completed_this_month, stored.cumulative_completed


def test_a_closed_approved_month_is_not_changed_by_an_import(world, april, wuzhi_report):
    approved_april(world, wuzhi_report)
    close_period(april, user=world.users["city"])
    before = april_figure(world)

    report = import_progress(
        sheet_changing_wuzhi(), city=world.city, year=YEAR, month=4, user=world.users["city"]
    )

    assert not report.ok
    message = "\n".join(report.describe(fault) for fault in report.faults)
    assert message.startswith("工作表「Sheet1」第3行为武陟县的项目")
    assert "填报期已于" in message and "关闭" in message
    assert "武陟县" in message and "重新打开" in message
    assert april_figure(world) == before == (Decimal(300), Decimal(700))


def test_an_approved_report_of_an_open_month_is_not_changed_by_an_import(
    world, april, wuzhi_report
):
    approved_april(world, wuzhi_report)

    report = import_progress(
        sheet_changing_wuzhi(), city=world.city, year=YEAR, month=4, user=world.users["city"]
    )

    assert not report.ok
    message = "\n".join(str(fault) for fault in report.faults)
    assert "武陟县" in message and "已审核通过" in message and "重新打开" in message
    assert april_figure(world) == (Decimal(300), Decimal(700))


def test_a_report_still_drafted_is_told_to_take_the_sheet_into_the_report(world, april):
    report = import_progress(
        sheet_changing_wuzhi(), city=world.city, year=YEAR, month=4, user=world.users["city"]
    )

    assert not report.ok
    message = "\n".join(str(fault) for fault in report.faults)
    assert "武陟县" in message and "草稿" in message and "上传" in message
    assert not MonthlyProgress.objects.filter(year=YEAR, month=4).exists()


def test_a_reopened_report_takes_its_correction_through_the_report(world, april, wuzhi_report):
    approved_april(world, wuzhi_report)
    close_period(april, user=world.users["city"])
    reopen_report(wuzhi_report, user=world.users["city"], reason="装备产业园数字有误")
    wuzhi_report.refresh_from_db()
    assert wuzhi_report.status == Status.RETURNED

    report = import_progress(
        sheet_changing_wuzhi(), city=world.city, year=YEAR, month=4, user=world.users["city"]
    )

    assert not report.ok
    assert "重新打开" in "\n".join(str(fault) for fault in report.faults)
    assert april_figure(world) == (Decimal(300), Decimal(700))


def test_a_month_with_no_period_is_imported_as_before(world):
    report = import_progress(
        sheet_changing_wuzhi(), city=world.city, year=YEAR, month=4, user=world.users["city"]
    )

    assert report.ok, report.faults
    assert april_figure(world) == (Decimal(400), Decimal(800))
