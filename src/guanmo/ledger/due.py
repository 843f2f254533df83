"""Which months a project is due to report: the one rule for a project that entered the ledger
during the year (a ledger import or upload of a later month, a started lead).

A project is due to report from the month containing `Project.entered_on`, the day it entered
the key list: one entered on 10 June reports June, not May. Without that day it is due every
month of the year (source: issue 14, the project office's decision of round 14). The period's
lines, the count of projects filled in, the lists of projects not reported, the warnings and
the units' totals (a project and its annual plan count from that month: progress.selectors.
region_totals) all ask here.
"""

from datetime import date

from django.db.models import Q

from guanmo.ledger.key_lists import first_day


def due_to_report(entered_on: date | None, year: int, month: int) -> bool:
    """Whether a project that entered the ledger on `entered_on` (None: always in it) reports
    month `month` of `year`."""
    return entered_on is None or entered_on < first_day(year, month + 1)


def due_in(year: int, month: int, *, prefix: str = "") -> Q:
    """`due_to_report` as a filter on projects (`prefix` reaches them through a relation,
    such as "entries__project__")."""
    return Q(**{f"{prefix}entered_on__isnull": True}) | Q(
        **{f"{prefix}entered_on__lt": first_day(year, month + 1)}
    )
