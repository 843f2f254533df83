"""Which assessment results and firms a user may see, cut by his scope (`guanmo.accounts.scope`),
and the firm register's lines as its pages show them."""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, QuerySet

from guanmo.accounts.scope import Scope
from guanmo.assessment.firm_register import year_figures
from guanmo.assessment.firms import TAX_PER_MU, firm_indicators, policies
from guanmo.assessment.models import Firm, FirmYear, Objection, RatedFirm, Result
from guanmo.assessment.values_sheet import UnitRoll
from guanmo.regions.models import Region
from guanmo.regions.services import units_of


def city_roll(city: Region) -> UnitRoll:
    """The units `city` assesses (its counties, parks and zones, `units_of`), for checking the
    units a cycle's sheets name."""
    return UnitRoll(city.name, tuple(unit.name for unit in units_of(city)))


def results_for(scope: Scope) -> QuerySet[Result]:
    """The city's results for those who see its ranking: the city office, the leader, and the
    county offices (the units a result ranks, to whom it is published); no one else. A firm
    result (亩均效益评价) ranks every county's firms: a county office reaches its own firms'
    lines through `firms_for`, not the whole result."""
    results = Result.objects.filter(scheme__city=scope.city).select_related("scheme")
    if scope.sees_city_totals:
        return results
    if scope.county is not None:
        return results.filter(scheme__firm_year__isnull=True)
    return results.none()


def objections_for(scope: Scope) -> QuerySet[Objection]:
    """The objections he may see, with their attachments: all of the city's for those who see
    its totals (the city office deciding them, the leader); a county office only its own
    unit's and those it filed for its firms (`filed_by` "<county>项目办"); none for anyone
    else, another county included."""
    objections = Objection.objects.filter(result__scheme__city=scope.city)
    if scope.sees_city_totals:
        return objections
    if scope.county is not None:
        name = scope.county.name
        return objections.filter(Q(unit=name) | Q(filed_by=f"{name}项目办"))
    return objections.none()


def firms_for(scope: Scope) -> QuerySet[Firm]:
    """The register's firms he may see: all of the city's for those who see its totals (the
    city office, the leader), a county office's own county's, none for anyone else."""
    firms = Firm.objects.filter(city=scope.city).select_related("county")
    if scope.sees_city_totals:
        return firms
    if scope.county is not None:
        return firms.filter(county=scope.county)
    return firms.none()


def firm_result(city, year: int) -> Result | None:
    """The standing 亩均效益评价 result of the city's `year` (the latest issued not corrected
    since), or None when none was issued."""
    return (
        Result.objects.filter(scheme__city=city, scheme__firm_year=year)
        .exclude(status=Result.Status.SUPERSEDED)
        .select_related("scheme")
        .order_by("-issued_at", "-pk")
        .first()
    )


@dataclass(frozen=True)
class FirmLine:
    """A firm's year as its pages show it: the register's figures (land in 亩, money in 万元),
    its per-亩 indicators computed from them, and, when the year's result rated it, its line
    of the result (score, rank, class, as issued) and the policies of its class."""

    firm: Firm
    year: FirmYear
    indicators: dict[str, Decimal | None]
    line: dict | None
    policies: list[str]
    tied: bool = False  # another firm shares its rank (并列)
    exempt_reason: str = ""  # why the result did not rate it (用地面积2亩，低于3亩，不参评)
    # indicator → its value from the register's figures, where an accepted objection had
    # the result use another (`indicators` then holds the one used, 经异议更正)
    corrected: dict[str, Decimal | None] = field(default_factory=dict)

    @property
    def grade(self) -> str | None:
        return None if self.line is None else self.line["class"]

    @property
    def place(self) -> str:
        """Its rank as the firm page says it: 第3位, 并列第1位; "" when not ranked."""
        if self.line is None or self.line["rank"] is None:
            return ""
        return f"{'并列' if self.tied else ''}第{self.line['rank']}位"


def accepted_corrections(result: Result) -> dict[str, set[str]]:
    """unit → the indicators whose value `result` uses as corrected by an accepted objection
    (on it or on any result it replaced, back along `supersedes`)."""
    chain, earlier = [], result
    while earlier is not None:
        chain.append(earlier.pk)
        earlier = earlier.supersedes
    corrected: dict[str, set[str]] = {}
    accepted = Objection.objects.filter(
        corrected_result__in=chain, status=Objection.Status.ACCEPTED
    ).values_list("unit", "indicator")
    for unit, indicator in accepted:
        corrected.setdefault(unit, set()).add(indicator)
    return corrected


def firm_lines(firms: QuerySet[Firm], year: int, result: Result | None) -> list[FirmLine]:
    """Each firm's line for `year` (firms without figures that year left out), with its line
    of `result` when the result rated it. The policies follow the class and the 亩均税收 the
    result froze (the register's own when no result rated it)."""
    records = FirmYear.objects.filter(firm__in=firms, year=year).select_related(
        "firm", "firm__county"
    )
    units: dict[int, str] = {}
    lines_by_unit: dict[str, dict] = {}
    frozen: dict[str, dict] = {}
    corrections: dict[str, set[str]] = {}
    reasons: dict[str, str] = {}
    if result is not None:
        reasons = result.inputs.get("exempt_reasons", {})
        units = dict(RatedFirm.objects.filter(scheme=result.scheme).values_list("firm_id", "unit"))
        lines_by_unit = {line["unit"]: line for line in result.output["units"]}
        frozen = result.inputs["values"]
        corrections = accepted_corrections(result)
    shared = Counter(line["rank"] for line in lines_by_unit.values() if line["rank"] is not None)
    lines = []
    for record in records:
        indicators = firm_indicators(year_figures(record))
        unit = units.get(record.firm_id)
        line = lines_by_unit.get(unit) if unit else None
        corrected = {}
        for name in corrections.get(unit, set()) if unit else ():
            if name in indicators and frozen[unit].get(name) is not None:
                corrected[name] = indicators[name]
                indicators[name] = Decimal(frozen[unit][name])
        tax_per_mu = indicators[TAX_PER_MU]
        if unit in frozen and frozen[unit].get(TAX_PER_MU) is not None:
            tax_per_mu = Decimal(frozen[unit][TAX_PER_MU])
        grade = None if line is None else line["class"]
        tied = line is not None and shared[line["rank"]] > 1
        lines.append(
            FirmLine(
                record.firm,
                record,
                indicators,
                line,
                policies(grade, tax_per_mu),
                tied=tied,
                exempt_reason=reasons.get(unit, "") if unit else "",
                corrected=corrected,
            )
        )
    return lines
