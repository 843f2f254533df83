"""计划开工日期 moved from the project to its 开工 milestone (ledger 0005): a stored date keeps
its value in its one new place, and a project without one gets no milestone."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from guanmo.regions.models import Region  # the regions app stays as it is

BEFORE = [("ledger", "0004_completed_before_year")]
AFTER = [("ledger", "0005_milestones_curves_removals")]


@pytest.mark.django_db(transaction=True)
def test_a_stored_planned_start_becomes_the_start_milestones_planned_date():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Project = old.get_model("ledger", "Project")
    city = Region.objects.create(code="410800", name="焦作市", kind="city").pk
    dated = Project.objects.create(
        city_id=city, county_id=city, name="甲项目", planned_start=date(2025, 3, 1)
    )
    Project.objects.create(city_id=city, county_id=city, name="乙项目")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    Milestone = new.get_model("ledger", "Milestone")

    assert list(Milestone.objects.values_list("project_id", "kind", "planned", "reached")) == [
        (dated.pk, "开工", date(2025, 3, 1), None)
    ]
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
