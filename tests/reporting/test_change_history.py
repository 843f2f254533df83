"""Every change to a reported or ledger figure is kept: who, when, old, new, why."""

from decimal import Decimal

import pytest

from guanmo.ledger.models import Project
from guanmo.ledger.services.editing import EditRefused, update_project
from guanmo.reporting.services import EntryInput, save_entries
from tests.concurrency import all_at_once
from tests.world import YEAR


def test_each_changed_draft_figure_is_recorded_with_its_author(world, wuzhi_report):
    project = world.projects["武陟装备"]
    for cumulative in ("500", "520"):
        save_entries(
            wuzhi_report,
            [EntryInput(project.pk, cumulative_completed=cumulative, visible_progress="封顶")],
            user=world.users["wuzhi"],
            version=wuzhi_report.version,
        )
    rows = project.changes.filter(field="累计完成投资（万元）").order_by("id")
    assert [(row.old_value, row.new_value, row.month, row.source) for row in rows] == [
        ("", "500", 4, "月报填写"),
        ("500", "520", 4, "月报填写"),
    ]
    assert {row.user for row in rows} == {world.users["wuzhi"]}
    # visible progress changed once, the second save left it alone
    assert project.changes.filter(field="形象进度").count() == 1


def test_a_ledger_edit_records_each_field_with_its_reason(world):
    project = world.projects["温县食品"]
    changed = update_project(
        project,
        {"total_investment": Decimal("60000"), "owner": "温县食品集团"},
        year=YEAR,
        annual_plan=Decimal("900"),
        user=world.users["city"],
        reason="根据市发改委调整文件",
    )
    assert changed == 3
    rows = {row.field: row for row in project.changes.all()}
    assert (rows["总投资（万元）"].old_value, rows["总投资（万元）"].new_value) == (
        "50000",
        "60000",
    )
    assert (rows["建设单位"].old_value, rows["建设单位"].new_value) == ("", "温县食品集团")
    assert (rows["年度计划投资（万元）"].old_value, rows["年度计划投资（万元）"].new_value) == (
        "800",
        "900",
    )
    assert {row.reason for row in rows.values()} == {"根据市发改委调整文件"}
    project.refresh_from_db()
    assert project.total_investment == Decimal("60000")


def test_a_ledger_edit_without_a_reason_changes_nothing(world):
    project = world.projects["温县食品"]
    with pytest.raises(EditRefused, match="必须填写修改原因"):
        update_project(
            project,
            {"owner": "别的公司"},
            year=YEAR,
            annual_plan=None,
            user=world.users["city"],
            reason="",
        )
    project.refresh_from_db()
    assert project.owner == ""
    assert not project.changes.exists()


def test_two_ledger_edits_at_once_record_each_from_the_value_the_other_left(
    transactional_db, world
):
    project_id = world.projects["温县食品"].pk
    editors = [
        (Project.objects.get(pk=project_id), Decimal(total), f"调整为{total}")
        for total in ("60000", "70000")
    ]
    outcomes = all_at_once(
        [
            lambda copy=copy, total=total, reason=reason: update_project(
                copy,
                {"total_investment": total},
                year=YEAR,
                annual_plan=None,
                user=world.users["city"],
                reason=reason,
            )
            for copy, total, reason in editors
        ]
    )
    assert outcomes == [1, 1]
    rows = Project.objects.get(pk=project_id).changes.order_by("id")
    first, second = [(row.old_value, row.new_value) for row in rows]
    assert first[0] == "50000" and second[0] == first[1]  # a chain, no value lost
    assert Project.objects.get(pk=project_id).total_investment == Decimal(second[1])
