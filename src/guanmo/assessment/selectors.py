"""Which assessment results and firms a user may see, cut by his scope (`guanmo.accounts.scope`),
and the firm register's lines as its pages show them."""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils.timezone import localdate

from guanmo.accounts.scope import Scope
from guanmo.assessment.firm_register import year_figures
from guanmo.assessment.firms import (
    POLICIES,
    TAX_PER_MU,
    firm_indicators,
    policies,
    shown_figure,
)
from guanmo.assessment.models import ClassPolicy, Firm, FirmYear, Objection, RatedFirm, Result
from guanmo.assessment.values_sheet import UnitRoll
from guanmo.documents.official import chinese_date
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


def class_policies(city: Region) -> dict[str, tuple[str, ...]]:
    """The city's 差别化政策 by class (A–D), as it edits them (`ClassPolicy`), each class it has
    no lines for as shipped (`firms.POLICIES`)."""
    own: dict[str, list[str]] = {}
    for grade, text in ClassPolicy.objects.filter(city=city).values_list("grade", "text"):
        own.setdefault(grade, []).append(text)
    return {grade: tuple(own.get(grade, shipped)) for grade, shipped in POLICIES.items()}


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
class Correction:
    """An input of a firm's score its result used otherwise than the register gives it: a
    figure (税收) or value an accepted objection claimed, or a value computed again from such a
    figure (亩均税收…): the register's (`was`), the result's (`now`), and the objection that
    made it (who decided, when; None for a value computed again)."""

    name: str
    was: Decimal | None
    now: Decimal | None
    objection: Objection | None = None

    @property
    def text(self) -> str:
        """税收：登记为10万元，采纳异议更正为200万元（张三，2025年12月3日）; a value computed
        again: 亩均税收：登记数据计算为2.00万元/亩，按更正后的数据计算为40.00万元/亩."""
        was, now = shown_figure(self.name, self.was), shown_figure(self.name, self.now)
        if self.objection is None:
            return f"{self.name}：登记数据计算为{was}，按更正后的数据计算为{now}"
        decided = self.objection.decided_at
        who = [str(self.objection.decided_by or ""), chinese_date(localdate(decided))]
        by = "，".join(part for part in who if part)
        return f"{self.name}：登记为{was}，采纳异议更正为{now}（{by}）"


@dataclass(frozen=True)
class FirmLine:
    """A firm's year as its pages show it: the register's figures (land in 亩, money in 万元)
    as the result used them, its per-亩 indicators computed from them, and, when the year's
    result rated it, its line of the result (score, rank, class, as issued) and the policies
    of its class."""

    firm: Firm
    year: FirmYear
    indicators: dict[str, Decimal | None]
    line: dict | None
    policies: list[str]
    tied: bool = False  # another firm shares its rank (并列)
    exempt_reason: str = ""  # why the result did not rate it (用地面积2亩，低于3亩，不参评)
    # {用地面积: 亩, 税收: 万元…} as the result used them (the register's when none did)
    figures: dict[str, Decimal] = field(default_factory=dict)
    # each figure and indicator the result used otherwise than the register gives it
    corrections: tuple[Correction, ...] = ()

    @property
    def corrected(self) -> dict[str, Decimal | None]:
        """Name → the register's value, of each figure or indicator corrected (经异议更正)."""
        return {each.name: each.was for each in self.corrections}

    @property
    def grade(self) -> str | None:
        return None if self.line is None else self.line["class"]

    @property
    def place(self) -> str:
        """Its rank as the firm page says it: 第3位, 并列第1位; "" when not ranked."""
        if self.line is None or self.line["rank"] is None:
            return ""
        return f"{'并列' if self.tied else ''}第{self.line['rank']}位"


def accepted_corrections(result: Result) -> dict[str, dict[str, Objection]]:
    """unit → {input: the accepted objection} of each input `result` uses as corrected by an
    accepted objection (on it or on any result it replaced, back along `supersedes`), the
    latest for an input corrected twice."""
    chain, earlier = [], result
    while earlier is not None:
        chain.append(earlier.pk)
        earlier = earlier.supersedes
    corrected: dict[str, dict[str, Objection]] = {}
    accepted = Objection.objects.filter(
        corrected_result__in=chain, status=Objection.Status.ACCEPTED
    ).select_related("decided_by")
    for objection in accepted.order_by("decided_at", "pk"):
        corrected.setdefault(objection.unit, {})[objection.indicator] = objection
    return corrected


def _used(frozen: dict, name: str) -> Decimal | None:
    return None if frozen.get(name) is None else Decimal(frozen[name])


def firm_lines(firms: QuerySet[Firm], year: int, result: Result | None) -> list[FirmLine]:
    """Each firm's line for `year` (firms without figures that year left out), with its line
    of `result` when the result rated it, ordered as the result ranks them (by rank, then
    unrated, then firms the result did not rate, by name). Its figures and indicators are
    those the result used (a figure or value an accepted objection corrected, and the values
    computed again from it, said as `corrections`), the register's where it used none. The
    policies follow the class and the 亩均税收 the result froze."""
    records = FirmYear.objects.filter(firm__in=firms, year=year).select_related(
        "firm", "firm__county", "firm__city"
    )
    units: dict[int, str] = {}
    lines_by_unit: dict[str, dict] = {}
    inputs: dict = {"values": {}, "figures": {}}
    objections: dict[str, dict[str, Objection]] = {}
    reasons: dict[str, str] = {}
    if result is not None:
        reasons = result.inputs.get("exempt_reasons", {})
        units = dict(RatedFirm.objects.filter(scheme=result.scheme).values_list("firm_id", "unit"))
        lines_by_unit = {line["unit"]: line for line in result.output["units"]}
        inputs = {"values": result.inputs["values"], "figures": result.inputs.get("figures", {})}
        objections = accepted_corrections(result)
    shared = Counter(line["rank"] for line in lines_by_unit.values() if line["rank"] is not None)
    by_class: dict[int, dict[str, tuple[str, ...]]] = {}  # city → its policies
    lines = []
    for record in records:
        city = record.firm.city_id
        if city not in by_class:
            by_class[city] = class_policies(record.firm.city)
        register = year_figures(record)
        figures, indicators = register.named(), firm_indicators(register)
        unit = units.get(record.firm_id)
        corrections = []
        for kind, own in (("figures", figures), ("values", indicators)):
            frozen = inputs[kind].get(unit, {}) if unit else {}
            for name in own:
                if name in frozen and _used(frozen, name) != own[name]:
                    objection = objections.get(unit, {}).get(name)
                    corrections.append(Correction(name, own[name], _used(frozen, name), objection))
                    own[name] = _used(frozen, name)
        line = lines_by_unit.get(unit) if unit else None
        grade = None if line is None else line["class"]
        lines.append(
            FirmLine(
                record.firm,
                record,
                indicators,
                line,
                policies(grade, indicators[TAX_PER_MU], by_class[city]),
                tied=line is not None and shared[line["rank"]] > 1,
                exempt_reason=reasons.get(unit, "") if unit else "",
                figures=figures,
                corrections=tuple(corrections),
            )
        )
    return sorted(lines, key=_ranked_first)


def _ranked_first(line: FirmLine) -> tuple:
    """The firm list's order (issue 13: by score, not by county): ranked firms by rank, then
    unrated (不参评) firms, then firms no result rated; by name within each."""
    rank = None if line.line is None else line.line["rank"]
    return (rank is None, line.line is None, rank or 0, line.firm.name)
