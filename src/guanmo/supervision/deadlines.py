"""Deadlines and escalation as plain date arithmetic (no database inside).

A problem raised on day R with D days allowed is due on R + D and overdue from the day after.
Open past its deadline, it climbs one level at a time: on the first overdue day to the county
office, and after each further `escalation_days` (E) one more level: the city project office on
day deadline + E + 1, the project's leader in charge on day deadline + 2E + 1. A project
without a leader in charge stops at the city office.
"""

from datetime import date, timedelta

DEFAULT_DAYS = {
    "land": 30,
    "funds": 20,
    "environment": 30,
    "planning": 20,
    "utilities": 15,
    "resettlement": 30,
    "other": 15,
}
DEFAULT_ESCALATION_DAYS = 7
TOP_LEVEL = 3  # the project's leader in charge
TOP_LEVEL_WITHOUT_LEADER = 2  # the city project office


def deadline_for(raised_on: date, days: int) -> date:
    """The last day allowed for a problem raised on `raised_on` with `days` to solve it."""
    return raised_on + timedelta(days=days)


def days_overdue(deadline: date, today: date) -> int:
    """Whole days past the deadline (0 on or before it)."""
    return max(0, (today - deadline).days)


def is_overdue(deadline: date, today: date) -> bool:
    return today > deadline


def due_level(deadline: date, today: date, escalation_days: int, *, has_leader: bool) -> int:
    """The level an open problem should have reached on `today`: 0 up to its deadline, then 1,
    2, 3 for each overdue period begun, never above the top level there is."""
    if escalation_days < 1:
        raise ValueError("逾期升级周期至少为1天")
    overdue = days_overdue(deadline, today)
    if not overdue:
        return 0
    top = TOP_LEVEL if has_leader else TOP_LEVEL_WITHOUT_LEADER
    return min(top, 1 + (overdue - 1) // escalation_days)


def level_due_on(deadline: date, level: int, escalation_days: int) -> date:
    """The first day on which an open problem reaches `level` (1 or more)."""
    if level < 1:
        raise ValueError("层级应为1及以上")
    return deadline + timedelta(days=1 + (level - 1) * escalation_days)


def solved_on_time(deadline: date, solved_on: date | None) -> bool:
    return solved_on is not None and solved_on <= deadline
