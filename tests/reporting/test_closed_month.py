"""Which month is the latest closed one: the one rule every page of figures follows."""

from datetime import date
from decimal import Decimal

import pytest

from guanmo.ledger.models import MonthlyProgress
from guanmo.reporting.selectors import latest_closed_month
from guanmo.reporting.services import close_period, open_period
from tests.world import YEAR

pytestmark = pytest.mark.django_db


def test_months_loaded_without_a_period_are_closed(world):
    # The test world's January to March were imported: no period, approved figures.
    assert latest_closed_month(world.city) == (YEAR, 3)


def test_an_open_period_is_not_closed_even_with_approved_figures_in_it(world):
    open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    MonthlyProgress.objects.create(
        project=world.projects["武陟装备"],
        year=YEAR,
        month=4,
        completed_this_month=Decimal(100),
        cumulative_completed=Decimal(500),
    )

    assert latest_closed_month(world.city) == (YEAR, 3)


def test_a_closed_period_is_closed(world):
    april = open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=None)
    close_period(april, user=world.users["city"])

    assert latest_closed_month(world.city) == (YEAR, 4)


def test_a_city_with_no_figures_has_no_closed_month(world):
    MonthlyProgress.objects.all().delete()

    assert latest_closed_month(world.city) is None
