"""Every change to a reported or ledger figure is kept: who, when, old, new, why."""

from decimal import Decimal

import pytest

from guanmo.ledger.services.editing import EditRefused, update_project
from guanmo.reporting.services import EntryInput, save_entries
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
