"""The attraction report of a period (`guanmo attraction-report`, the funnel page and the
bulletin's 招商 section): the funnel per unit (county and park) with the city's total, by
source, by source group and by industry, the time between stages, the warnings as of the
period's end, and the sentences. One `AttractionReport`, so a figure never differs between
its faces (report_output)."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet

from guanmo.attraction.early_warnings import EarlyWarning, early_warnings
from guanmo.attraction.funnel import (
    Funnel,
    LeadFacts,
    Period,
    conversion_days,
    funnel,
    funnels_by,
    host_of,
    last_funds_month,
)
from guanmo.attraction.industries import in_industry, industry_named
from guanmo.attraction.land import (
    IdleParcel,
    ParcelFacts,
    ParkLand,
    StandardCheck,
    against_standard,
    idle_parcels,
    is_supplied_by,
    park_land,
    start_checks,
    start_notes,
)
from guanmo.attraction.models import Lead
from guanmo.attraction.origins import GROUPS, source_named
from guanmo.attraction.parks import ParkFacts, ParkStanding, standings
from guanmo.attraction.phases import PhaseGap, first_phase_only
from guanmo.attraction.selectors import (
    facts,
    facts_of,
    in_unit,
    parcels_of,
    park_facts,
    park_standards,
)
from guanmo.attraction.sentences import funnel_sentences, open_month_sentences
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
    first_phase_only: list[PhaseGap] = field(default_factory=list)  # 一期建成未上后续项目
    # Notes for the office to check the data by (…请核对。): the page, the text and JSON say
    # them, the issued .docx never (tryout 28).
    checks: list[str] = field(default_factory=list)
    # How the data entered were read where a cell was blank (…未填实际动工日期，按…计。): the
    # page, the text and JSON say them under the sentences, the issued .docx and bulletin never
    # (tryout 32: 「…按未动工计」 in the official document's body).
    entry_notes: list[str] = field(default_factory=list)


def build_unit_report(city: Region, unit: Region, year: int, month: int) -> AttractionReport:
    """One county's or park's report: the leads and the parcels it hosts (selectors.host_unit,
    funnel.host_of), its own total and land, no rows of other units; a park's own figures with
    its ranks among the city's parks (tryout 16: a park's page had no land and no parks)."""
    parks = park_facts(city, year, month)
    return report_of(
        facts_of(city, [unit]),
        Period(year, month),
        [],
        parcels=[parcel for parcel in parcels_of(city) if in_unit(parcel, unit, city)],
        standards=_standards(city),
        whole_name=unit.name,
        parks=parks,
        parks_shown={unit.name},
    )


def _standards(city: Region) -> dict[str, Standard]:
    return {
        name: Standard(each.investment_intensity, each.min_plot_ratio)
        for name, each in park_standards(city).items()
    }


def build_report(city: Region, year: int, month: int) -> AttractionReport:
    """The city's report for the year up to `month` (ValueError for a month outside 1—12)."""
    standards = _standards(city)
    return report_of(
        facts_of(city),
        Period(year, month),
        [u.name for u in units_of(city)],
        parcels=parcels_of(city),
        standards=standards,
        whole_name=whole(city.name),
        parks=park_facts(city, year, month),
    )


@dataclass(frozen=True)
class Picked:
    """What a report is narrowed to (the funnel page's picker, the command's options): one of
    the city's units, a source (a group such as 长三角, a province or 境外) and a section or
    division of GB/T 4754 as tables print it ("C 制造业", "C36 汽车制造业"); each empty or None
    for all. `Picked.named` reads them as a user types them."""

    unit: Region | None = None
    source: str = ""
    industry: str = ""

    @classmethod
    def named(cls, unit: Region | None, source: str, industry: str) -> "Picked":
        """The pick of a source and an industry as typed (origins.source_named: 长三角, 江苏;
        industries.industry_named: C, C36, 制造业, "C 制造业"); ValueError naming the nearest
        for an unknown one, never a report of nothing (tryout 22)."""
        return cls(
            unit,
            source_named(source) if source.strip() else "",
            industry_named(industry).label if industry.strip() else "",
        )

    def takes(self, lead: LeadFacts) -> bool:
        """Whether the lead is of the picked source and industry (a section takes its
        divisions: industries.in_industry)."""
        from_source = not self.source or self.source in (lead.source, *lead.groups)
        if not self.industry:
            return from_source
        return from_source and in_industry(lead.industry_code, industry_named(self.industry))

    @property
    def words(self) -> str:
        """How the report's subject says the source and industry: （投资方来自京津冀、C 制造业）."""
        words = [f"投资方来自{self.source}" if self.source else "", self.industry]
        said = "、".join(word for word in words if word)
        return f"（{said}）" if said else ""


def build_picked_report(city: Region, year: int, month: int, picked: Picked) -> AttractionReport:
    """The report narrowed to `picked`: a unit's own report (build_unit_report), the city's
    (build_report), or of those the source and industry take, with their units' rows but no
    land or parks (which have no source or industry). ValueError for a month outside 1—12."""
    if not picked.source and not picked.industry:
        if picked.unit is not None:
            return build_unit_report(city, picked.unit, year, month)
        return build_report(city, year, month)
    units = [picked.unit] if picked.unit is not None else None
    leads = [lead for lead in facts_of(city, units) if picked.takes(lead)]
    base = picked.unit.name if picked.unit is not None else whole(city.name)
    return report_of(
        leads,
        Period(year, month),
        [] if units else [unit.name for unit in units_of(city)],
        whole_name=f"{base}{picked.words}",
    )


def picked_leads(leads: QuerySet[Lead], picked: Picked) -> list[Lead]:
    """The given leads of the picked source and industry (`Picked.takes`, the rule the picked
    report counts by), for a page's list beside the report; the unit is cut by the caller."""
    if not picked.source and not picked.industry:
        return list(leads)
    read = leads.select_related("origin").prefetch_related("stages", "funds", "project__milestones")
    return [lead for lead in read if picked.takes(facts(lead))]


def pickable(city: Region, units: Sequence[Region] | None = None) -> tuple[list[str], list[str]]:
    """The sources (the groups, then each province or 境外 a lead comes from) and industries
    (sections) the city's leads give, for the picker; with `units`, the leads they host only
    (`selectors.facts_of`), so a county is offered its own."""
    leads = facts_of(city, units)
    sources = sorted({lead.source for lead in leads if lead.source})
    industries = sorted({lead.industry for lead in leads if lead.industry})
    return [*GROUPS, *sources], industries


def report_of(
    leads: list[LeadFacts],
    period: Period,
    units: list[str],
    *,
    parcels: Sequence[ParcelFacts] = (),
    standards: dict[str, Standard] | None = None,
    whole_name: str = CITY_ROW,
    parks: Sequence[ParkFacts] = (),
    parks_shown: set[str] | None = None,
) -> AttractionReport:
    """The report over plain facts; warnings and land are judged on the period's end, or today
    when the period has not ended yet. Each lead and parcel counts in one unit's row, its host
    (`funnel.host_of`), so the units' rows add up to the whole; without `units` (one unit's
    own report) there are no units' rows. Parks are ranked among all `parks`; `parks_shown`
    (names) keeps only those rows, None all."""
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
        sentences=[
            *funnel_sentences(whole, by_unit, period.label, whole_name, period.month),
            *open_month_sentences(period, as_of, last_funds_month(leads, as_of)),
        ],
        entry_notes=[f"{note}。" for note in start_notes(parcels)],
        checks=[f"{check}。" for check in start_checks(parcels)],
        land=_land(parcels, units, as_of, whole_name),
        idle_land=idle_parcels(parcels, as_of),
        first_phase_only=first_phase_only(parcels, as_of),
        below_standard=_below_standard(parcels, standards or {}, as_of),
        parks=[
            (park, standing)
            for park, standing in zip(parks, standings(parks), strict=True)
            if parks_shown is None or park.name in parks_shown
        ],
    )


def _land(
    parcels: Sequence[ParcelFacts], units: list[str], day: date, whole_name: str
) -> list[tuple[str, ParkLand]]:
    """The whole's land (全市, 全县), then each unit's that hosts any parcel (`funnel.host_of`:
    a parcel counts once), in the bulletins' order, then any other host found, by name; no
    units' rows without `units` (one unit's own report)."""
    if not parcels:
        return []
    rows = [(whole_name, park_land(parcels, day))]
    if not units:  # one unit's own report: its whole is its only row
        return rows
    hosts = {host_of(parcel) for parcel in parcels}
    for unit in [*units, *sorted(hosts - set(units))]:
        held = [parcel for parcel in parcels if host_of(parcel) == unit]
        if held:
            rows.append((unit, park_land(held, day)))
    return rows


def _below_standard(
    parcels: Sequence[ParcelFacts], standards: dict[str, Standard], day: date
) -> list[tuple[ParcelFacts, StandardCheck, Standard]]:
    """Each parcel supplied by `day` (`land.is_supplied_by`, as the land table counts) once
    per standard it falls short of: its county and park are one unit for a zone (所在县区 =
    所在园区 = 城乡一体化示范区), then one standard (tryout 22: listed twice)."""
    found = []
    for parcel in parcels:
        if not is_supplied_by(parcel, day):
            continue
        for unit in dict.fromkeys(parcel.units):
            standard = standards.get(unit)
            if standard is None:
                continue
            check = against_standard(parcel, standard.investment_intensity, standard.min_plot_ratio)
            if check.intensity_met is False or check.plot_ratio_met is False:
                found.append((parcel, check, standard))
    return found
