"""A county at the top of an installation ranks its towns and zones as a city ranks counties."""

from decimal import Decimal

import pytest

from guanmo.ledger.models import AnnualPlan, KeyListEntry, MonthlyProgress, Project
from guanmo.progress.selectors import region_totals
from guanmo.regions.services import init_county

pytestmark = pytest.mark.django_db


def test_a_top_countys_totals_are_its_towns_and_zones():
    county = init_county("410823", ["木城街道", "大封镇"], ["武陟产业集聚区"])
    mucheng, dafeng, _zone = county.children.order_by("sort_order", "code")
    for unit, plan, done in ((mucheng, "1000", "600"), (dafeng, "800", "200")):
        project = Project.objects.create(
            city=county, county=unit, name=f"{unit.name}项目", total_investment=Decimal("5000")
        )
        KeyListEntry.objects.create(project=project, year=2025, level="县")
        AnnualPlan.objects.create(project=project, year=2025, planned_investment=Decimal(plan))
        MonthlyProgress.objects.create(
            project=project,
            year=2025,
            month=6,
            cumulative_completed=Decimal(done),
            completed_this_month=Decimal(done),
        )

    totals = region_totals(county, 2025, 6)

    assert [(t.region, t.projects, t.annual_plan, t.completed) for t in totals] == [
        ("木城街道", 1, Decimal("1000"), Decimal("600")),
        ("大封镇", 1, Decimal("800"), Decimal("200")),
        ("武陟产业集聚区", 0, Decimal("0"), Decimal("0")),
    ]
