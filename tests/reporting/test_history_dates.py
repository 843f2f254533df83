"""A history's dates are said as every page says a date, 2025年3月1日 (`documents.official.
chinese_date`, the one formatter), not 2025-03-01: new lines as they are written
(`reporting.history.shown`; a removal's 2025年4月10日调出: tests/ledger/test_project_plans),
and the lines stored before by a data migration (reporting 0008) that rewrites exactly the
values that are an ISO date in a date field's line (a label ending in 日期, and a key list's
调出 line), leaving every other value as it is (issue 14)."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from guanmo.ledger.milestones import MilestoneDates
from guanmo.ledger.models import MilestoneKind
from guanmo.ledger.services.milestones import save_milestones
from guanmo.regions.models import Region  # the regions app stays as it is
from guanmo.reporting.history import shown
from guanmo.reporting.models import FigureChange
from tests.world import YEAR


def test_a_date_is_shown_in_chinese():
    assert shown(date(2025, 3, 1)) == "2025年3月1日"
    assert shown(date(2025, 12, 31)) == "2025年12月31日"
    assert (shown(None), shown(Decimal("1200.5000")), shown("主体施工")) == (
        "",
        "1200.5",
        "主体施工",
    )


def test_a_milestones_dates_are_said_in_chinese(world):
    project = world.projects["武陟物流"]
    started = MilestoneKind.STARTED

    save_milestones(
        project,
        {started: MilestoneDates(started, planned=date(YEAR, 3, 1))},
        user=None,
        today=date(YEAR, 5, 1),
    )
    save_milestones(
        project,
        {started: MilestoneDates(started, date(YEAR, 3, 1), reached=date(YEAR, 4, 15))},
        user=None,
        today=date(YEAR, 5, 1),
    )

    lines = FigureChange.objects.filter(project=project).order_by("id")
    assert [(c.field, c.old_value, c.new_value) for c in lines] == [
        ("开工计划日期", "", "2025年3月1日"),
        ("开工实际日期", "", "2025年4月15日"),
    ]


BEFORE = [("reporting", "0007_stamped_by_the_clock")]
AFTER = [("reporting", "0008_history_dates_in_chinese")]


@pytest.mark.django_db(transaction=True)
def test_stored_iso_dates_in_date_lines_become_chinese_and_nothing_else_changes():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    # every other app as it stands (only what depends on reporting 0008 is undone)
    old = executor._create_project_state(with_applied_migrations=True).apps
    city = Region.objects.create(code="410800", name="焦作市", kind="city").pk
    project = old.get_model("ledger", "Project").objects.create(
        city_id=city, county_id=city, name="甲项目"
    )
    lead = old.get_model("attraction", "Lead").objects.create(
        city_id=city, county_id=city, register_year=2025, name="乙项目"
    )
    parcel = old.get_model("attraction", "Parcel").objects.create(
        city_id=city, county_id=city, name="丙地块", area=Decimal(10)
    )
    figures = old.get_model("reporting", "FigureChange")
    rows = {
        # (field, old, new) as stored → as they read after
        ("转入台账日期", "2025-06-01", "2025-03-01"): ("2025年6月1日", "2025年3月1日"),
        (f"{MilestoneKind.STARTED.label}实际日期", "", "2025-04-20"): ("", "2025年4月20日"),
        ("2025年市重点名录", "在列", "2025-04-10调出"): ("在列", "2025年4月10日调出"),
        # not a date field's line, or not exactly a date: kept as stored
        ("项目名称", "2025-03-01", "甲项目"): ("2025-03-01", "甲项目"),
        ("开工计划日期", "2025-3-1", "2025-02-30"): ("2025-3-1", "2025-02-30"),
        ("总投资（万元）", "1200.5", "1300"): ("1200.5", "1300"),
    }
    for field, before, after in rows:
        figures.objects.create(
            project=project, field=field, old_value=before, new_value=after, source="台账修改"
        )
    old.get_model("attraction", "LeadChange").objects.create(
        lead=lead, field="签约实际日期", old_value="2025-03-10", new_value="", source="招商引资"
    )
    old.get_model("attraction", "ParcelChange").objects.create(
        parcel=parcel, field="供地日期", old_value="", new_value="2024-10-31", source="表格导入"
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps

    stored = {
        field: (old_value, new_value)
        for field, old_value, new_value in new.get_model(
            "reporting", "FigureChange"
        ).objects.values_list("field", "old_value", "new_value")
    }
    assert stored == {field: after for (field, _, _), after in rows.items()}
    lead_change = new.get_model("attraction", "LeadChange").objects.get()
    parcel_change = new.get_model("attraction", "ParcelChange").objects.get()
    assert (lead_change.old_value, lead_change.new_value) == ("2025年3月10日", "")
    assert (parcel_change.old_value, parcel_change.new_value) == ("", "2024年10月31日")

    executor.loader.build_graph()
    executor.migrate(BEFORE)  # and back: the ISO dates again
    back = executor._create_project_state(with_applied_migrations=True).apps
    assert set(
        back.get_model("reporting", "FigureChange").objects.values_list(
            "field", "old_value", "new_value"
        )
    ) == set(rows)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
