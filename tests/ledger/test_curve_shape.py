"""The city's seasonal shape is last year's cumulative of its key projects of last year, month
by month, and a project without its own months follows it (worked by hand)."""

from decimal import Decimal as D

from guanmo.ledger.models import KeyListEntry, MonthlyProgress
from guanmo.ledger.services.curves import curves_for, last_year_cumulative, shape_for

LAST_YEAR = [100, 100, 100, 200, 200, 200, 100, 100, 100, 100, 100, 100]  # 1,500 in all


def _report_last_year(project, months) -> None:
    cumulative = D(0)
    for month, amount in enumerate(months, start=1):
        cumulative += amount
        MonthlyProgress.objects.create(
            project=project,
            year=2024,
            month=month,
            completed_this_month=D(amount),
            cumulative_completed=cumulative,
        )


def test_a_project_follows_last_years_shape_of_the_citys_key_projects(world):
    """武陟装备 was a key project in 2024 (1,500 in its months above); 温县文旅 reported 2024
    figures but was not on a 2024 list, so it shapes nothing. 2025's 1,200 follows quarters
    300 : 600 : 300 : 300 of 1,500: 240, 480, 240, 240, each quarter's months equal."""
    equipment = world.projects["武陟装备"]
    KeyListEntry.objects.create(project=equipment, year=2024, level="市")
    _report_last_year(equipment, LAST_YEAR)
    _report_last_year(world.projects["温县文旅"], [500] * 12)

    assert last_year_cumulative(world.city, 2025)[3] == D(300)
    assert last_year_cumulative(world.city, 2025)[12] == D(1500)
    shape = shape_for(world.city, 2025)
    assert shape.label == "按全市上年投资进度"
    curve = curves_for([equipment.pk], 2025, shape)[equipment.pk]
    assert curve.months == (D(80),) * 3 + (D(160),) * 3 + (D(80),) * 6
    assert curve.node(3) == D(240)


def test_without_last_years_figures_the_months_are_equal(world):
    shape = shape_for(world.city, 2025)
    assert shape.label == "按月平均"
    project = world.projects["武陟装备"]
    assert curves_for([project.pk], 2025, shape)[project.pk].months == (D(100),) * 12
