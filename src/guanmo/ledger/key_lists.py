"""Which month a key-list entry counts in: the one rule for a project taken off a key list
(调出重点项目名录).

A project taken off a list on any day of month M is still on it for month M (the bulletin of
that month names it); from month M + 1 it is not: not ranked, not asked to report, not in the
count of projects. But both its annual plan and what it completed by the end of month M stay
in its unit's year totals (plan and cumulative), and in the city's: a unit's completion rate
is judged against the whole plan it took on for the year, so taking a lagging project off
cannot raise it (source: issue 14, "Projects taken off a key list … keep their history and
the reason"; the project office's decision for the months after, stated in the README).
"""

from datetime import date

from django.db.models import Q


def first_day(year: int, month: int) -> date:
    """The first day of a month; month 13 is January of the next year."""
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def last_month_counted(removed_on: date) -> int:
    """The last month of its year an entry taken off on `removed_on` counts in: its own."""
    return removed_on.month


def entries_listed_in(year: int, month: int) -> Q:
    """Entries of `year` that count in `month`: never taken off, or taken off on or after its
    first day (so `last_month_counted` is on or after `month`). Month 13 (January next) leaves
    only the entries never taken off."""
    return Q(year=year) & (Q(removed_on__isnull=True) | Q(removed_on__gte=first_day(year, month)))
