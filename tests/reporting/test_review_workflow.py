"""Draft → submit → return with a reason → resubmit → approve: only approved figures count."""

from decimal import Decimal

import pytest

from guanmo.ledger.models import MonthlyProgress
from guanmo.progress.selectors import progress_report_for
from guanmo.reporting.models import ReviewStep, Status
from guanmo.reporting.services import (
    EntryInput,
    ReportingError,
    approve_report,
    return_report,
    save_entries,
    submit_report,
)
from tests.world import YEAR


def fill(report, world, **figures):
    """Save the April lines given as {project key: (this month, cumulative)}."""
    inputs = [
        EntryInput(
            world.projects[key].pk,
            completed_this_month=month,
            cumulative_completed=cumulative,
            visible_progress="主体施工",
        )
        for key, (month, cumulative) in figures.items()
    ]
    return save_entries(report, inputs, user=world.users["wuzhi"], version=report.version)


def test_opening_a_period_gives_each_county_a_line_per_key_project(world, april):
    report = april.reports.get(county=world.wuzhi)
    assert april.reports.count() == len(world.city.children.all())
    assert {entry.project.name for entry in report.entries.all()} == {
        "武陟县智能装备产业园",
        "武陟县冷链物流园",
    }


def test_opening_the_same_month_twice_is_refused(world, april):
    from guanmo.reporting.services import open_period

    with pytest.raises(ReportingError, match="2025年4月的填报期已开启"):
        open_period(world.city, year=YEAR, month=4, deadline=april.deadline, user=None)


def test_this_month_is_derived_from_the_cumulative_figure(world, wuzhi_report):
    result = fill(wuzhi_report, world, 武陟装备=("", "550"))
    assert result.ok
    entry = wuzhi_report.entries.get(project=world.projects["武陟装备"])
    assert entry.completed_this_month == Decimal("150")
    assert entry.cumulative_completed == Decimal("550")


def test_a_cumulative_below_last_month_is_a_deduction_saved_with_a_warning(world, wuzhi_report):
    # 核减, as the progress import reads it (fresh-eyes tryout fault 2): never refused.
    result = fill(wuzhi_report, world, 武陟装备=("", "550"), 武陟物流=("-20", ""))
    assert result.ok
    entry = wuzhi_report.entries.get(project=world.projects["武陟物流"])
    assert (entry.completed_this_month, entry.cumulative_completed) == (Decimal(-20), Decimal(100))
    assert result.warnings[world.projects["武陟物流"].pk][0] == (
        "本月为负数（核减）：本月完成投资-20万元，1—4月累计100万元，比3月累计120万元减少20万元"
    )


def test_a_cumulative_falling_with_the_month_blank_is_a_fault_as_in_the_import(world, wuzhi_report):
    # No 核减 typed: a falling 累计 with 本月 blank contradicts last month's (issue 9).
    result = fill(wuzhi_report, world, 武陟装备=("", "550"), 武陟物流=("", "100"))
    assert not result.ok
    assert [str(fault) for fault in result.faults] == [
        "「武陟县冷链物流园」累计完成投资（万元）：累计100万元，低于3月累计120万元，"
        "而本月完成投资未填写，两数相互矛盾（核减时本月应填负数）"
    ]
    assert not wuzhi_report.entries.filter(cumulative_completed__isnull=False).exists()


def test_a_deduction_below_nothing_is_a_fault_and_nothing_is_saved(world, wuzhi_report):
    result = fill(wuzhi_report, world, 武陟装备=("", "550"), 武陟物流=("-130", ""))
    assert not result.ok
    assert [str(fault) for fault in result.faults] == [
        "「武陟县冷链物流园」本月完成投资（万元）：本月核减130万元，超过3月累计120万元，"
        "累计将为负数（-10万元）"
    ]
    assert not wuzhi_report.entries.filter(cumulative_completed__isnull=False).exists()


def test_a_figure_that_is_not_a_number_names_its_project_and_column(world, wuzhi_report):
    result = fill(wuzhi_report, world, 武陟装备=("十万", ""))
    assert [str(fault) for fault in result.faults] == [
        "「武陟县智能装备产业园」本月完成投资（万元）：不是数字：十万"
    ]


def test_a_figure_with_a_comma_that_groups_no_thousands_is_refused_not_guessed(world, wuzhi_report):
    # Pasted "210,5" was silently saved as 2105 (issue 10): it may as well mean 210.5.
    result = fill(wuzhi_report, world, 武陟装备=("210,5", ""))
    assert [str(fault) for fault in result.faults] == [
        "「武陟县智能装备产业园」本月完成投资（万元）：无法确定「210,5」的写法："
        "逗号只能作千位分隔（如1,234.5），小数请用小数点"
    ]
    assert not wuzhi_report.entries.filter(completed_this_month__isnull=False).exists()


def test_warnings_do_not_block_saving(world, wuzhi_report):
    inputs = [EntryInput(world.projects["武陟装备"].pk, completed_this_month="800")]
    result = save_entries(
        wuzhi_report, inputs, user=world.users["wuzhi"], version=wuzhi_report.version
    )
    assert result.ok
    messages = result.warnings[world.projects["武陟装备"].pk]
    assert any("3倍" in message for message in messages)
    assert any("形象进度" in message for message in messages)


def test_the_whole_month_from_draft_to_approval(world, wuzhi_report):
    before = progress_report_for(world.city, YEAR, 4)
    assert fill(wuzhi_report, world, 武陟装备=("", "700"), 武陟物流=("30", "")).ok
    assert not MonthlyProgress.objects.filter(month=4).exists()  # a draft counts for nothing

    submit_report(wuzhi_report, user=world.users["wuzhi"], version=wuzhi_report.version)
    assert wuzhi_report.status == Status.SUBMITTED
    with pytest.raises(ReportingError, match="不能修改"):
        fill(wuzhi_report, world, 武陟装备=("", "710"))

    with pytest.raises(ReportingError, match="必须填写退回原因"):
        return_report(wuzhi_report, user=world.users["city"], reason="  ")
    return_report(wuzhi_report, user=world.users["city"], reason="冷链物流园本月投资偏低，请核实")
    assert wuzhi_report.status == Status.RETURNED
    assert fill(wuzhi_report, world, 武陟物流=("80", "")).ok
    submit_report(wuzhi_report, user=world.users["wuzhi"], version=wuzhi_report.version)
    assert not MonthlyProgress.objects.filter(month=4).exists()  # submitted is not approved

    assert approve_report(wuzhi_report, user=world.users["city"]) == 2
    assert wuzhi_report.status == Status.APPROVED
    approved = MonthlyProgress.objects.get(project=world.projects["武陟物流"], month=4)
    assert (approved.completed_this_month, approved.cumulative_completed) == (
        Decimal("80"),
        Decimal("200"),
    )
    after = progress_report_for(world.city, YEAR, 4)
    assert after.headline != before.headline
    wuzhi = next(figures for figures in after.regions if figures.region == "武陟县")
    assert wuzhi.completed == Decimal("900")  # 700 + 200
    assert [step.action for step in wuzhi_report.steps.all()] == [
        ReviewStep.Action.SAVE,
        ReviewStep.Action.SUBMIT,
        ReviewStep.Action.RETURN,
        ReviewStep.Action.SAVE,
        ReviewStep.Action.SUBMIT,
        ReviewStep.Action.APPROVE,
    ]
    assert wuzhi_report.steps.get(action="return").reason == "冷链物流园本月投资偏低，请核实"


def test_only_a_submitted_report_can_be_approved(world, wuzhi_report):
    with pytest.raises(ReportingError, match="只能审核已提交的报表"):
        approve_report(wuzhi_report, user=world.users["city"])
