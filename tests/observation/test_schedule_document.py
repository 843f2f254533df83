"""The printed schedule: departure, stops with their times and distances, lunch in its place,
the return."""

from datetime import date, datetime
from decimal import Decimal
from types import SimpleNamespace

from guanmo.observation.schedule import DayPlan, Lunch, Stop, TourDay
from guanmo.observation.schedule_document import schedule_rows

DAY = TourDay(date=date(2025, 6, 18))
SITES = {
    "1": SimpleNamespace(
        project=SimpleNamespace(name="甲项目", county=SimpleNamespace(name="武陟县"))
    ),
    "2": SimpleNamespace(
        project=SimpleNamespace(name="乙项目", county=SimpleNamespace(name="温县"))
    ),
}


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 6, 18, hour, minute)


def day_plan(lunch: Lunch | None, back: datetime) -> DayPlan:
    return DayPlan(
        day=DAY,
        leave=at(8),
        stops=(
            Stop("1", at(8, 30), at(8, 50), 30, Decimal("20.0")),
            Stop("2", at(9, 10), at(9, 30), 20, None),
        ),
        lunch=lunch,
        back=back,
        back_travel_minutes=40,
        back_distance_km=Decimal("26.7"),
    )


def test_lunch_between_stops_follows_the_stop_it_comes_after():
    rows = schedule_rows(day_plan(Lunch(at(12), at(13), "1"), at(14, 10)), SITES)
    assert [row[2] for row in rows] == ["出发", "甲项目", "午餐", "乙项目", "返回"]
    assert rows[1] == ["1", "08:30—08:50", "甲项目", "武陟县", "20分钟", "20.0公里"]
    assert rows[3][5] == "—"  # no distance known for this leg
    assert rows[4] == ["", "14:10", "返回", "", "", "26.7公里"]


def test_lunch_after_an_early_return_comes_after_the_return():
    rows = schedule_rows(day_plan(Lunch(at(12), at(13), "2"), at(10, 10)), SITES)
    assert [row[2] for row in rows] == ["出发", "甲项目", "乙项目", "返回", "午餐"]
    assert rows[-1][1] == "12:00—13:00"
