"""Leads drawn in the tests as plain facts: `lead("甲", 签约="2025-03-10", 开工="2025-05-01")`."""

from datetime import date
from decimal import Decimal

from guanmo.attraction.funnel import FundsReport, LeadFacts
from guanmo.attraction.stages import Stage


def lead(
    name: str = "项目",
    *,
    units: tuple[str, ...] = ("武陟县",),
    investment: str | None = "10000",
    funds: tuple[tuple[int, int, str], ...] = (),
    register_year: int | None = None,
    dropped: str | None = None,
    **stages: str,
) -> LeadFacts:
    """A lead with the actual date of each stage named in Chinese (洽谈=…, 签约=…)."""
    return LeadFacts(
        name=name,
        units=units,
        contract_investment=None if investment is None else Decimal(investment),
        reached={Stage(word): date.fromisoformat(day) for word, day in stages.items()},
        register_year=register_year,
        dropped_on=date.fromisoformat(dropped) if dropped else None,
        funds=tuple(FundsReport(y, m, Decimal(amount)) for y, m, amount in funds),
    )
