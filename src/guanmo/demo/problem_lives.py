"""How each demo problem lives, as plain date arithmetic (no database): the day it is raised
and what happens to it after, for each outcome the demo shows by its today; and how many of
each outcome, raised by whom, the demo city has."""

import random
from collections.abc import Callable
from datetime import date, timedelta

from guanmo.demo.city import TODAY, YEAR
from guanmo.supervision.models import Problem

Source = Problem.Source

Event = tuple[date, str]  # a day, and what happens: answer, solve, confirm, reopen, order
Life = tuple[date, list[Event]]  # the day a problem is raised, and what happens to it after
Outcome = Callable[[random.Random, int], Life]  # a life for a problem with so many days allowed


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _progress(rng: random.Random, after: date, before: date) -> list[Event]:
    """Most departments report once on the way, strictly between two days (and by today)."""
    before = min(before, TODAY)
    if (before - after).days < 2 or rng.random() < 0.4:
        return []
    return [(_day(rng, after + timedelta(days=1), before - timedelta(days=1)), "answer")]


def _confirmed(rng: random.Random, days: int) -> Life:
    raised = _day(rng, date(YEAR, 3, 1), TODAY - timedelta(days=days + 10))
    solved = raised + timedelta(days=rng.randint(days // 3, days))
    confirmed = solved + timedelta(days=rng.randint(1, 6))
    return raised, [*_progress(rng, raised, solved), (solved, "solve"), (confirmed, "confirm")]


def _confirmed_late(rng: random.Random, days: int) -> Life:
    raised = _day(rng, date(YEAR, 3, 1), TODAY - timedelta(days=days + 30))
    solved = raised + timedelta(days=days + rng.randint(2, 12))
    confirmed = solved + timedelta(days=rng.randint(1, 6))
    return raised, [*_progress(rng, raised, solved), (solved, "solve"), (confirmed, "confirm")]


def _awaiting(rng: random.Random, days: int) -> Life:
    solved = TODAY - timedelta(days=rng.randint(1, 8))
    raised = solved - timedelta(days=rng.randint(days // 3, days))
    return raised, [*_progress(rng, raised, solved), (solved, "solve")]


def _open(rng: random.Random, days: int) -> Life:
    raised = TODAY - timedelta(days=rng.randint(2, days - 1))
    return raised, _progress(rng, raised, TODAY)


def _overdue(fewest: int, most: int) -> Outcome:
    """Open, and past its deadline by `fewest` to `most` days today."""

    def life(rng: random.Random, days: int) -> Life:
        deadline = TODAY - timedelta(days=rng.randint(fewest, most))
        raised = deadline - timedelta(days=days)
        return raised, _progress(rng, raised, deadline)

    return life


def _reopened(rng: random.Random, days: int) -> Life:
    raised = TODAY - timedelta(days=rng.randint(10, days - 1))
    solved = raised + timedelta(days=rng.randint(2, 5))
    reopened = solved + timedelta(days=rng.randint(1, 3))
    return raised, [(solved, "solve"), (reopened, "reopen"), (reopened + timedelta(1), "answer")]


# With the default escalation period of 7 days: overdue 1–7 days is the county office's to
# chase, 8–14 the city office's, 15 and more the leader in charge's.
OUTCOMES: dict[str, Outcome] = {
    "confirmed": _confirmed,
    "confirmed late": _confirmed_late,
    "awaiting confirmation": _awaiting,
    "open": _open,
    "county office": _overdue(1, 7),
    "city office": _overdue(8, 14),
    "leader": _overdue(15, 30),
    "reopened": _reopened,
}
PLAN = (  # outcome, who raised it, how many
    ("confirmed", Source.REPORT, 4),
    ("confirmed", Source.COMMISSIONER, 3),
    ("confirmed", Source.COUNTY_OFFICE, 2),
    ("confirmed", Source.CITY_OFFICE, 1),
    ("confirmed late", Source.REPORT, 2),
    ("confirmed late", Source.COUNTY_OFFICE, 1),
    ("confirmed late", Source.COMMISSIONER, 1),
    ("awaiting confirmation", Source.REPORT, 1),
    ("awaiting confirmation", Source.COMMISSIONER, 2),
    ("awaiting confirmation", Source.COUNTY_OFFICE, 1),
    ("open", Source.REPORT, 2),
    ("open", Source.COMMISSIONER, 2),
    ("open", Source.COUNTY_OFFICE, 1),
    ("open", Source.CITY_OFFICE, 1),
    ("county office", Source.REPORT, 1),
    ("county office", Source.COMMISSIONER, 1),
    ("county office", Source.COUNTY_OFFICE, 1),
    ("city office", Source.REPORT, 1),
    ("city office", Source.COUNTY_OFFICE, 1),
    ("city office", Source.CITY_OFFICE, 1),
    ("leader", Source.COUNTY_OFFICE, 1),
    ("leader", Source.CITY_OFFICE, 1),
    ("reopened", Source.COMMISSIONER, 1),
)
# The city office issues a supervision order for the first problem of these rows.
ORDERED = {("city office", Source.REPORT), ("leader", Source.COUNTY_OFFICE)}
