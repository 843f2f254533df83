"""Warnings on a monthly entry that do not block saving: figures worth a second look."""

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from guanmo.sheets.cells import format_wan

SPIKE_FACTOR = 3
MIN_EARLIER_MONTHS = 2  # a median of one month says nothing about what is usual
EARLY_MONTHS = 6  # "early in the year": a cumulative equal to the whole plan by June is suspect


@dataclass(frozen=True)
class EntryFigures:
    """One project's entry for a month, with what the checks compare it to (万元)."""

    month: int
    completed_this_month: Decimal | None
    cumulative_completed: Decimal | None
    visible_progress: str
    earlier_months: Sequence[Decimal]  # completed in the project's earlier months (approved)
    annual_plan: Decimal | None


def entry_warnings(entry: EntryFigures) -> list[str]:
    """A Chinese sentence for each suspicious figure, in the order of the checks below;
    empty when all looks ordinary or the figures are missing."""
    warnings = [
        _spike(entry),
        _progress_missing(entry),
        _plan_copied(entry),
    ]
    return [warning for warning in warnings if warning is not None]


def _spike(entry: EntryFigures) -> str | None:
    """This month's investment more than three times the median of the earlier months."""
    this_month = entry.completed_this_month
    if this_month is None or len(entry.earlier_months) < MIN_EARLIER_MONTHS:
        return None
    median = statistics.median(entry.earlier_months)
    if median <= 0 or this_month <= SPIKE_FACTOR * median:
        return None
    return (
        f"本月完成{format_wan(this_month)}万元，超过此前月度中位数"
        f"{format_wan(median)}万元的{SPIKE_FACTOR}倍，请核实"
    )


def _progress_missing(entry: EntryFigures) -> str | None:
    this_month = entry.completed_this_month
    if this_month is None or this_month <= 0 or entry.visible_progress.strip():
        return None
    return "本月有投资但未填写形象进度"


def _plan_copied(entry: EntryFigures) -> str | None:
    """A cumulative equal to the whole annual plan early in the year (a plan of zero is no
    plan: nothing to have copied)."""
    plan = entry.annual_plan
    if not plan or entry.month > EARLY_MONTHS or entry.cumulative_completed != plan:
        return None
    return f"累计完成投资恰好等于年度计划{format_wan(plan)}万元，请核实是否照抄计划"
