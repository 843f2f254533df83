"""The attraction report of a period (`guanmo attraction-report`, the funnel page and the
bulletin's 招商 section): the funnel per unit (county and park) with the city's total, by
source, by source group and by industry, the time between stages, the warnings as of the
period's end, and the sentences. One `AttractionReport`, so a figure never differs between
its faces (report_output)."""

from collections.abc import Sequence
from dataclasses import dataclass, field
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
    host_of,
)
from guanmo.attraction.land import (
    IdleParcel,
    ParcelFacts,
    ParkLand,
    StandardCheck,
    against_standard,
    idle_parcels,
    park_land,
)
from guanmo.attraction.origins import GROUPS
from guanmo.attraction.parks import ParkFacts, ParkStanding, standings
from guanmo.attraction.selectors import facts_of, parcels_of, park_facts, park_standards
from guanmo.attraction.sentences import funnel_sentences
from guanmo.attraction.stages import Stage
from guanmo.clock import today
from guanmo.regions.models import Region
from guanmo.regions.names import whole
from guanmo.regions.services import units_of

CITY_ROW = "全市"  # the whole of a city; a county at the top says 全县 (`names.whole`)


@dataclass(frozen=True)
class Standard:
    """A park's land standard as the report reads it: 万元/亩 and the minimum plot ratio."""

    investment_intensity: Decimal | None
    min_plot_ratio: Decimal | None


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
    as_of: date  # the day the warnings and the land are judged on
    sentences: list[str]
    land: list[tuple[str, ParkLand]] = field(default_factory=list)  # 全市, then units with land
    idle_land: list[IdleParcel] = field(default_factory=list)
    # Parcels in a park with a standard that fall short of it: (parcel, check, standard).
    below_standard: list[tuple[ParcelFacts, StandardCheck, Standard]] = field(default_factory=list)
    parks: list[tuple[ParkFacts, ParkStanding]] = field(default_factory=list)


def build_unit_report(city: Region, unit: Region, year: int, month: int) -> AttractionReport:
    """One county's or park's report: the leads it hosts (selectors.host_unit), its own total,
    no rows of other units and no land."""
    return report_of(facts_of(city, [unit]), Period(year, month), [], whole_name=unit.name)


def build_report(city: Region, year: int, month: int) -> AttractionReport:
    """The city's report for the year up to `month` (ValueError for a month outside 1—12)."""
    standards = {
        name: Standard(each.investment_intensity, each.min_plot_ratio)
        for name, each in park_standards(city).items()
    }
    return report_of(
        facts_of(city),
        Period(year, month),
        [u.name for u in units_of(city)],
        parcels=parcels_of(city),
        standards=standards,
        whole_name=whole(city.name),
        parks=park_facts(city, year, month),
    )


def report_of(
    leads: list[LeadFacts],
    period: Period,
    units: list[str],
    *,
    parcels: Sequence[ParcelFacts] = (),
    standards: dict[str, Standard] | None = None,
    whole_name: str = CITY_ROW,
    parks: Sequence[ParkFacts] = (),
) -> AttractionReport:
    """The report over plain facts; warnings and land are judged on the period's end, or today
    when the period has not ended yet. Each lead and parcel counts in one unit's row, its host
    (`funnel.host_of`), so the units' rows add up to the whole; without `units` (one unit's
    own report) there are no units' rows."""
    whole = funnel(leads, period)
    by_unit = funnels_by(leads, period, lambda lead: [host_of(lead)], units) if units else []
    as_of = min(period.end, today())
    return AttractionReport(
        period=period,
        city=whole_name,
        funnel=[(whole_name, whole), *by_unit],
        by_source=funnels_by(leads, period, lambda lead: [lead.source or "未填"]),
        by_source_group=funnels_by(leads, period, lambda lead: lead.groups, list(GROUPS)),
        by_industry=funnels_by(leads, period, lambda lead: [lead.industry or "未填"]),
        conversion_days=conversion_days(leads, period),
        warnings=early_warnings(leads, as_of),
        as_of=as_of,
        sentences=funnel_sentences(whole, by_unit, period.label, whole_name),
        land=_land(parcels, units, as_of, whole_name),
        idle_land=idle_parcels(parcels, as_of),
        below_standard=_below_standard(parcels, standards or {}),
        parks=list(zip(parks, standings(parks), strict=True)),
    )


def _land(
    parcels: Sequence[ParcelFacts], units: list[str], day: date, whole_name: str
) -> list[tuple[str, ParkLand]]:
    """The whole's land (全市, 全县), then each unit's that hosts any parcel (`funnel.host_of`:
    a parcel counts once), in the bulletins' order, then any other host found, by name."""
    if not parcels:
        return []
    rows = [(whole_name, park_land(parcels, day))]
    hosts = {host_of(parcel) for parcel in parcels}
    for unit in [*units, *sorted(hosts - set(units))]:
        held = [parcel for parcel in parcels if host_of(parcel) == unit]
        if held:
            rows.append((unit, park_land(held, day)))
    return rows


def _below_standard(
    parcels: Sequence[ParcelFacts], standards: dict[str, Standard]
) -> list[tuple[ParcelFacts, StandardCheck, Standard]]:
    found = []
    for parcel in parcels:
        for unit in parcel.units:
            standard = standards.get(unit)
            if standard is None:
                continue
            check = against_standard(parcel, standard.investment_intensity, standard.min_plot_ratio)
            if check.intensity_met is False or check.plot_ratio_met is False:
                found.append((parcel, check, standard))
    return found
