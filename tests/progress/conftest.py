from decimal import Decimal

import pytest

from guanmo.ledger.models import AnnualPlan, KeyListEntry, MonthlyProgress, Project
from guanmo.regions.models import Region
from guanmo.regions.services import init_city


@pytest.fixture
def city(db) -> Region:
    return init_city("410800", ["城乡一体化示范区"])


@pytest.fixture
def add_project(city):
    """Make a key project: add_project("武陟县", plan, {month: cumulative}, levels=("市",))."""

    def make(
        county_name: str,
        plan: str | None,
        cumulative_by_month: dict[int, str],
        *,
        name: str | None = None,
        levels: tuple[str, ...] = ("市",),
        year: int = 2025,
    ) -> Project:
        county = city.children.get(name=county_name)
        project = Project.objects.create(
            city=city,
            county=county,
            name=name or f"{county_name}项目{Project.objects.count() + 1}",
            total_investment=Decimal("1000000"),
        )
        for level in levels:
            KeyListEntry.objects.create(project=project, year=year, level=level)
        if plan is not None:
            AnnualPlan.objects.create(project=project, year=year, planned_investment=Decimal(plan))
        previous = Decimal(0)
        for month, cumulative in sorted(cumulative_by_month.items()):
            MonthlyProgress.objects.create(
                project=project,
                year=year,
                month=month,
                cumulative_completed=Decimal(cumulative),
                completed_this_month=Decimal(cumulative) - previous,
            )
            previous = Decimal(cumulative)
        return project

    return make
