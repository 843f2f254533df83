"""Public disclosure reads the month the rest of Guanmo calls closed (one rule,
`reporting.selectors.latest_closed_month`): a month loaded without a period is closed, a
month whose period is open is not, whatever it holds."""

from datetime import date
from decimal import Decimal

import pytest

from guanmo.disclosure.selectors import build_public_ledger
from guanmo.ledger.models import MonthlyProgress
from guanmo.reporting.selectors import latest_closed_month
from guanmo.reporting.services import close_period, open_period
from tests.world import YEAR

pytestmark = pytest.mark.django_db


def _month_shown(world) -> tuple[int, int | None]:
    ledger = build_public_ledger(world.city)
    return ledger.year, ledger.month


def _completed(world, name: str):
    ledger = build_public_ledger(world.city)
    project = world.projects[name]
    return next(p for p in ledger.projects if p.name == project.name)


def test_months_loaded_without_a_period_are_disclosed_as_the_pages_show_them(world):
    # The test world's January to March were imported: approved figures, no period.
    assert _month_shown(world) == latest_closed_month(world.city) == (YEAR, 3)


def test_an_open_month_is_not_disclosed_and_a_closed_one_is(world):
    april = open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    march = MonthlyProgress.objects.get(project=world.projects["武陟装备"], year=YEAR, month=3)
    MonthlyProgress.objects.create(
        project=world.projects["武陟装备"],
        year=YEAR,
        month=4,
        completed_this_month=Decimal(100),
        cumulative_completed=march.cumulative_completed + 100,
    )

    assert _month_shown(world) == latest_closed_month(world.city) == (YEAR, 3)
    shown = _completed(world, "武陟装备")
    assert (shown.month, shown.completed) == (3, march.cumulative_completed)

    close_period(april, user=world.users["city"])

    assert _month_shown(world) == latest_closed_month(world.city) == (YEAR, 4)
    assert _completed(world, "武陟装备").completed == march.cumulative_completed + 100


def test_before_the_first_closed_month_no_project_of_the_year_is_public(world):
    """Only closed months are public: with none closed yet, neither the year's key projects
    nor their annual plans are (the page, its downloads and the API all read this ledger)."""
    MonthlyProgress.objects.all().delete()  # the test world's imported months, closed
    april = open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)

    ledger = build_public_ledger(world.city)

    assert latest_closed_month(world.city) is None and april.is_closed is False
    assert (ledger.year, ledger.month, ledger.projects) == (YEAR, None, ())
