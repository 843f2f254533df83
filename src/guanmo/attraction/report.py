"""The attraction report of a period (`guanmo attraction-report`, the funnel page and the
bulletin's 招商 section): the funnel per unit (county and park) with the city's total, by
source, by source group and by industry, the time between stages, the warnings as of the
period's end, and the sentences. One `AttractionReport`, so a figure never differs between
its faces (report_output)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from guanmo.attraction.early_warnings import EarlyWarning, early_warnings
from guanmo.attraction.funnel import (
    Funnel,
    LeadFacts,
    Period,
    conversion_days,
    funnel,
    funnels_by,
)
from guanmo.attraction.origins import GROUPS
from guanmo.attraction.selectors import facts_of
from guanmo.attraction.sentences import funnel_sentences
from guanmo.attraction.stages import Stage
from guanmo.clock import today
from guanmo.regions.models import Region
from guanmo.regions.services import units_of

CITY_ROW = "全市"


@dataclass(frozen=True)
class AttractionReport:
    period: Period
    city: str
    funnel: list[tuple[str, Funnel]]  # 全市 first, then each unit in the bulletins' order
    by_source: list[tuple[str, Funnel]]
    by_source_group: list[tuple[str, Funnel]]
    by_industry: list[tuple[str, Funnel]]
    conversion_days: list[tuple[Stage, Stage, Decimal | None, int]]
    warnings: list[EarlyWarning]
    as_of: date  # the day the warnings are judged on
    sentences: list[str]


def build_report(city: Region, year: int, month: int) -> AttractionReport:
    """The city's report for the year up to `month` (ValueError for a month outside 1—12)."""
    return report_of(facts_of(city), Period(year, month), [u.name for u in units_of(city)])


def report_of(leads: list[LeadFacts], period: Period, units: list[str]) -> AttractionReport:
    """The report over plain facts; warnings are judged on the period's end, or today when the
    period has not ended yet."""
    whole = funnel(leads, period)
    by_unit = funnels_by(leads, period, lambda lead: lead.units, units)
    as_of = min(period.end, today())
    return AttractionReport(
        period=period,
        city=CITY_ROW,
        funnel=[(CITY_ROW, whole), *by_unit],
        by_source=funnels_by(leads, period, lambda lead: [lead.source or "未填"]),
        by_source_group=funnels_by(leads, period, lambda lead: lead.groups, list(GROUPS)),
        by_industry=funnels_by(leads, period, lambda lead: [lead.industry or "未填"]),
        conversion_days=conversion_days(leads, period),
        warnings=early_warnings(leads, as_of),
        as_of=as_of,
        sentences=funnel_sentences(whole, by_unit, period.label, CITY_ROW),
    )
