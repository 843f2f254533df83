from datetime import date

import pytest
from django.utils import timezone

from guanmo.accounts.models import Department
from guanmo.supervision import services
from guanmo.supervision.models import Problem


class Calendar:
    """The day the application believes it is, set by the test."""

    def __init__(self, today: date) -> None:
        self.today = today


@pytest.fixture
def calendar(monkeypatch) -> Calendar:
    """Pages and services date their steps by `timezone.localdate()`; here the test sets it."""
    calendar = Calendar(date(2025, 5, 6))
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: calendar.today)
    return calendar


@pytest.fixture
def land_bureau(world) -> Department:
    """The test world's department user answers for 市自然资源和规划局."""
    return world.users["department"].department


@pytest.fixture
def environment_bureau(world) -> Department:
    return Department.objects.create(city=world.city, name="市生态环境局")


@pytest.fixture
def raise_problem(world, land_bureau):
    """Raise a problem as the city office, to 市自然资源和规划局 unless told otherwise."""

    def raise_(project: str = "武陟装备", **options) -> Problem:
        values = {
            "problem_type": "land",
            "text": "用地指标未落实",
            "department": land_bureau,
            "user": world.users["city"],
            "source": Problem.Source.CITY_OFFICE,
            **options,
        }
        return services.raise_problem(world.projects[project], **values)

    return raise_
