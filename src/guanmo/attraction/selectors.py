"""Reading the attraction register into the funnel's plain facts (`LeadFacts`)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import F, Q, QuerySet

from guanmo.attraction.funnel import FundsReport, LeadFacts, host_of
from guanmo.attraction.industries import industries, section_of
from guanmo.attraction.land import (
    PARCEL_STATES,
    ParcelFacts,
    ParkLand,
    parcel_state,
    park_land,
    per_mu,
    takes_project_start,
)
from guanmo.attraction.models import (
    PREPARATORY,
    FundsInPlace,
    Lead,
    Parcel,
    ParkFigures,
    ParkStandard,
)
from guanmo.attraction.origins import ABROAD, groups_of, province_of
from guanmo.attraction.parks import ParkFacts
from guanmo.attraction.stages import STAGES, Stage
from guanmo.figures.formatting import mu_text
from guanmo.ledger.milestones import MilestoneDates
from guanmo.ledger.models import MilestoneKind
from guanmo.regions.models import Region
from guanmo.regions.services import county_parks, served_cities, units_of

# A stage's (planned, actual) dates, either None when unknown.
StageDates = tuple[date | None, date | None]


def leads_of(city: Region) -> QuerySet[Lead]:
    """The city's leads with what the funnel reads of them, in one round of queries."""
    return (
        Lead.objects.filter(city=city)
        .select_related("county", "park", "origin")
        .prefetch_related("stages", "funds", "project__milestones")
    )


def stage_dates(lead: Lead) -> dict[Stage, StageDates]:
    """The lead's stages with their dates. Once the lead is a ledger project, its 开工 is the
    project's 开工 milestone, the one place that date is kept (`services.link_to_ledger`), so
    the lead and the project can never disagree."""
    dates = {Stage(each.stage): (each.planned, each.reached) for each in lead.stages.all()}
    if lead.project_id is not None:
        dates.pop(Stage.STARTED, None)
        for milestone in lead.project.milestones.all():
            if milestone.kind == MilestoneKind.STARTED:
                dates[Stage.STARTED] = (milestone.planned, milestone.reached)
    return dates


def source_of(lead: Lead) -> str:
    """The province the investor comes from (北京市, 浙江省), 境外, or "" when not given."""
    if lead.abroad:
        return ABROAD
    if lead.origin is None:
        return ""
    province = province_of(lead.origin.code)
    return province.name if province else lead.origin.name


def industry_section(lead: Lead) -> str:
    """The lead's section of GB/T 4754 as tables print it ("C 制造业"), "" when not given."""
    if lead.industry_code not in industries():
        return ""
    return section_of(lead.industry_code).label


def host_unit(place: Lead | Parcel) -> Region:
    """The one unit among the city's that counts a lead or a parcel: its park when the park
    is one of the city's units (示范区, 高新区 rank beside the counties), else its county. The
    ledger's rule for a project in a zone (ledger.models.Project.county, the unit that counts
    it), so the units' rows of every table add up to the city's."""
    if place.park is not None and place.park.parent_id == place.city_id:
        return place.park
    return place.county


def placement(place: Lead | Parcel) -> str:
    """Where a lead or parcel lies, as lists and its page name it: the unit that counts it
    (`host_unit`) first, the other of its county and park in brackets when there is one
    ("城乡一体化示范区（武陟县）", "武陟县（某产业园）"), a unit never twice ("城乡一体化示范区").
    """
    host = host_unit(place)
    other = place.park if host == place.county else place.county
    if other is None or other == host:
        return host.name
    return f"{host.name}（{other.name}）"


def hosted_by(units: Sequence[Region]) -> Q:
    """Leads or parcels whose host unit (`host_unit`) is one of `units`, or whose park is one
    of them: a county's park picked on its own (`report_units`) takes what lies in it, though
    its county counts it (tryout 32)."""
    in_city_park = Q(park__parent=F("city"))
    return Q(park__in=units) | (Q(county__in=units) & (Q(park__isnull=True) | ~in_city_park))


def preparatory_dates(lead: Lead) -> list[MilestoneDates]:
    """The lead's 前期 approvals (立项 to 施工许可) in order with their dates (None: not known):
    its own (`LeadMilestone`) until it is a ledger project, then its project's milestones, the
    one place they are kept from then on (`services.link_to_ledger`)."""
    rows = lead.project.milestones.all() if lead.project_id else lead.milestones.all()
    found = {
        MilestoneKind(row.kind): MilestoneDates(MilestoneKind(row.kind), row.planned, row.reached)
        for row in rows
    }
    return [found.get(kind, MilestoneDates(kind)) for kind in PREPARATORY]


def facts(lead: Lead) -> LeadFacts:
    """One lead as the funnel and the warnings read it."""
    dates = stage_dates(lead)
    return LeadFacts(
        name=lead.name,
        units=tuple(unit.name for unit in (lead.county, lead.park) if unit is not None),
        host=host_unit(lead).name,
        source=source_of(lead),
        groups=tuple(groups_of(lead.origin.code)) if lead.origin and not lead.abroad else (),
        industry=industry_section(lead),
        industry_code=lead.industry_code,
        contract_investment=lead.contract_investment,
        reached={stage: reached for stage, (_, reached) in dates.items() if reached},
        planned={stage: planned for stage, (planned, _) in dates.items() if planned},
        register_year=lead.register_year,
        dropped_on=lead.dropped_on,
        funds=tuple(FundsReport(f.year, f.month, f.cumulative) for f in lead.funds.all()),
    )


def facts_of(city: Region, units: Sequence[Region] | None = None) -> list[LeadFacts]:
    """The city's leads as facts; with `units`, only those one of them hosts (`host_unit`)."""
    leads = leads_of(city)
    if units is not None:
        leads = leads.filter(hosted_by(units))
    return [facts(lead) for lead in leads]


def _in_use_on(parcel: Parcel):
    """The day the parcel's lead began producing (投产, else 达产), None when it has not."""
    if parcel.lead is None:
        return None
    reached = {each.stage: each.reached for each in parcel.lead.stages.all() if each.reached}
    return reached.get(Stage.PRODUCING) or reached.get(Stage.AT_CAPACITY)


def _project_started_on(parcel: Parcel) -> date | None:
    """The actual 开工 of the project the parcel serves: its lead's (`stage_dates`, the ledger
    project's milestone once linked), else its ledger project's 开工 milestone; None if none."""
    if parcel.lead is not None:
        return stage_dates(parcel.lead).get(Stage.STARTED, (None, None))[1]
    if parcel.project is not None:
        for milestone in parcel.project.milestones.all():
            if milestone.kind == MilestoneKind.STARTED:
                return milestone.reached
    return None


def parcel_facts(parcel: Parcel) -> ParcelFacts:
    """A parcel as the land figures read it; a blank 实际动工日期 is taken from its project's
    开工 when the project's 开工 can stand for this parcel (`land.takes_project_start`: not a
    later phase's), said (`land.start_notes`)."""
    project_started = _project_started_on(parcel)
    from_project = (
        parcel.started_on is None
        and project_started is not None
        and takes_project_start(parcel.phase)
    )
    return ParcelFacts(
        name=parcel.name,
        area=parcel.area,
        units=tuple(unit.name for unit in (parcel.county, parcel.park) if unit is not None),
        host=host_unit(parcel).name,
        holder=parcel.holder,
        supplied_on=parcel.supplied_on,
        agreed_start_on=parcel.agreed_start_on,
        started_on=project_started if from_project else parcel.started_on,
        investment=parcel.investment,
        tax=parcel.tax,
        plot_ratio=parcel.plot_ratio,
        in_use_on=_in_use_on(parcel),
        phase=parcel.phase,
        completed_on=parcel.completed_on,
        venture=_venture(parcel),
        project_started_on=project_started,
        started_from_project=from_project,
    )


def _venture(parcel: Parcel) -> str:
    """The project a parcel serves, for its phases: its lead, else its ledger project, else
    its holder (a firm's own land)."""
    if parcel.lead_id:
        return f"lead:{parcel.lead_id}"
    if parcel.project_id:
        return f"project:{parcel.project_id}"
    return f"holder:{parcel.holder}" if parcel.holder else ""


def parcels_of(city: Region) -> list[ParcelFacts]:
    return [parcel_facts(parcel) for parcel in parcels_with_leads(Parcel.objects.filter(city=city))]


def parcels_with_leads(parcels: QuerySet[Parcel]) -> QuerySet[Parcel]:
    """Parcels with what their facts read (units, the lead's stages), in one round of queries."""
    return parcels.select_related("county", "park", "lead__project", "project").prefetch_related(
        "lead__stages", "lead__project__milestones", "project__milestones"
    )


def park_standards(city: Region) -> dict[str, ParkStandard]:
    """The land standards of the city's parks (`parks_of`: its own and its counties'), by the
    park's name (tryout 32: a county's park's standard was ignored)."""
    standards = ParkStandard.objects.filter(park__in=parks_of(city)).select_related("park")
    return {standard.park.name: standard for standard in standards}


def park_figures_facts(row: ParkFigures) -> ParkFacts:
    """A park's stored figures of a period as the plain facts the park rules read."""
    return ParkFacts(
        name=row.park.name,
        revenue=row.revenue,
        leading_revenue=row.leading_revenue,
        enterprises_above_size=row.enterprises_above_size,
        high_tech_enterprises=row.high_tech_enterprises,
        service_platforms=row.service_platforms,
        employees=row.employees,
        planned_area=row.planned_area,
        built_area=row.built_area,
        leading_industries=row.leading_industries,
        target=row.leading_share_target,
    )


def park_facts(city: Region, year: int, month: int) -> list[ParkFacts]:
    """The city's parks' figures of the period, in the bulletins' order of the parks."""
    rows = ParkFigures.objects.filter(park__parent=city, year=year, month=month).select_related(
        "park"
    )
    return [park_figures_facts(row) for row in rows.order_by("park__sort_order", "park__code")]


def park_lands(city: Region, day: date) -> dict[str, ParkLand]:
    """Each of the city's parks' land on `day` (attraction.land.park_land), by its name; a
    park without parcels has none supplied."""
    parcels = parcels_of(city)
    return {
        park.name: park_land([parcel for parcel in parcels if park.name in parcel.units], day)
        for park in parks_of(city)
    }


def report_units(city: Region) -> list[Region]:
    """The units a report or page may be narrowed to: the city's units (`units_of`), then the
    parks added under its counties (`parks_of`: tryout 32, `--unit 武陟县产业集聚区` was none)."""
    units = units_of(city)
    return units + county_parks(units)


def in_unit(place: ParcelFacts, unit: Region, city: Region) -> bool:
    """Whether a parcel lies in `unit` as its own report counts: the unit that hosts it
    (`funnel.host_of`), or its park when `unit` is a county's park (`report_units`)."""
    if unit.parent_id != city.pk and unit.kind == Region.Kind.ZONE:
        return unit.name in place.units
    return host_of(place) == unit.name


def parks_of(city: Region) -> list[Region]:
    """Every park of the city, in the tree's order: its parks and zones ranked beside its
    counties, then the parks added under its counties (regions.services.add_park) — the one
    list of the city's parks (tryout 32: a county's park was no park for the standards, the
    reports, the parks' page or the figures' import)."""
    units = units_of(city)
    return [unit for unit in units if unit.kind == Region.Kind.ZONE] + county_parks(units)


def served_parks() -> list[Region]:
    """The parks of every top Guanmo serves (`parks_of`), never a zone kept only to compare
    with (雄安新区 under 河北省, a lead's source)."""
    return [park for top in served_cities() for park in parks_of(top)]


@dataclass(frozen=True)
class ParcelLine:
    """A parcel as a project's page lists it: its facts, its state on the day (the legend's
    words, attraction.land.PARCEL_STATES) and its investment per 亩 (万元/亩)."""

    facts: ParcelFacts
    state: str
    intensity: Decimal | None

    @property
    def area(self) -> str:
        """12.5亩, as the map of parcels says it."""
        return mu_text(self.facts.area)


def project_land(project_id: int, day: date) -> list[ParcelLine]:
    """The parcels a ledger project holds, directly or through the lead it came from, by name."""
    parcels = parcels_with_leads(
        Parcel.objects.filter(Q(project_id=project_id) | Q(lead__project_id=project_id))
    ).order_by("name", "pk")
    lines = []
    for parcel in parcels:
        held = parcel_facts(parcel)
        lines.append(
            ParcelLine(
                held,
                PARCEL_STATES[parcel_state(held, day)],
                per_mu(held.investment, held.area),
            )
        )
    return lines


@dataclass(frozen=True)
class ProjectLead:
    """The 招商 side of a ledger project that came from a lead: the lead, every stage's
    (planned, actual) dates in the funnel's order (开工 as the project's milestone keeps it),
    its contract investment and its latest funds in place (万元, with the month, or None)."""

    lead: Lead
    stages: list[tuple[str, date | None, date | None]]
    contract_investment: Decimal | None
    funds: FundsInPlace | None


def project_lead(project_id: int) -> ProjectLead | None:
    """The lead a ledger project came from (`services.link_to_ledger`), None for a project
    with none."""
    lead = (
        Lead.objects.filter(project_id=project_id)
        .select_related("project")
        .prefetch_related("stages", "project__milestones")
        .first()
    )
    if lead is None:
        return None
    dates = stage_dates(lead)
    return ProjectLead(
        lead=lead,
        stages=[(stage.label, *dates.get(stage, (None, None))) for stage in STAGES],
        contract_investment=lead.contract_investment,
        funds=lead.funds.order_by("-year", "-month").first(),
    )
