"""Two people editing the same report: the second save from an old copy is refused."""

from decimal import Decimal

import pytest

from guanmo.reporting.services import EntryInput, StaleReport, save_entries


def test_a_save_from_an_older_version_is_refused_and_changes_nothing(world, wuzhi_report):
    loaded_version = wuzhi_report.version  # both pages were opened at this version
    project = world.projects["武陟装备"]
    first = save_entries(
        wuzhi_report,
        [EntryInput(project.pk, cumulative_completed="500", visible_progress="主体封顶")],
        user=world.users["wuzhi"],
        version=loaded_version,
    )
    assert first.ok

    with pytest.raises(StaleReport, match=r"此报表已由武陟县项目办于.*修改.*请刷新页面"):
        save_entries(
            wuzhi_report,
            [EntryInput(project.pk, cumulative_completed="999", visible_progress="设备安装")],
            user=world.users["wuzhi"],
            version=loaded_version,
        )
    entry = wuzhi_report.entries.get(project=project)
    assert entry.cumulative_completed == Decimal("500")
    assert entry.visible_progress == "主体封顶"


def test_a_save_from_the_current_version_goes_through(world, wuzhi_report):
    project = world.projects["武陟装备"]
    for cumulative in ("500", "520"):
        result = save_entries(
            wuzhi_report,
            [EntryInput(project.pk, cumulative_completed=cumulative)],
            user=world.users["wuzhi"],
            version=wuzhi_report.version,
        )
        assert result.ok
    assert wuzhi_report.version == 2
