"""Warnings on a monthly entry that do not block saving: figures worth a second look."""

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from guanmo.ledger.sheets.cells import format_wan

SPIKE_FACTOR = 3
EARLY_MONTHS = 6  # "early in the year": a cumulative equal to the whole plan by June is suspect


@dataclass(frozen=True)
class EntryFigures:
    month: int
    completed_this_month: Decimal | None
    cumulative_completed: Decimal | None
    visible_progress: str
    earlier_months: Sequence[Decimal]  # completed in the project's earlier months (approved)
    annual_plan: Decimal | None


def entry_warnings(entry: EntryFigures) -> list[str]:
    """Chinese sentences for each suspicious figure; empty when all looks ordinary."""
    warnings = []
    this_month = entry.completed_this_month
    if this_month is not None and len(entry.earlier_months) >= 2:
        median = statistics.median(entry.earlier_months)
        if median > 0 and this_month > SPIKE_FACTOR * median:
            warnings.append(
                f"本月完成{format_wan(this_month)}万元，超过此前月度中位数"
                f"{format_wan(median)}万元的{SPIKE_FACTOR}倍，请核实"
            )
    if this_month and not entry.visible_progress.strip():
        warnings.append("本月有投资但未填写形象进度")
    if (
        entry.annual_plan
        and entry.cumulative_completed == entry.annual_plan
        and entry.month <= EARLY_MONTHS
    ):
        warnings.append(
            f"累计完成投资恰好等于年度计划{format_wan(entry.annual_plan)}万元，请核实是否照抄计划"
        )
    return warnings
