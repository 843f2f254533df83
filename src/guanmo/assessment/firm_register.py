"""The firm register (企业亩均效益评价的底册): importing a year's figures, all or nothing, a year's
inputs for the assessment engine with the example scheme's indicators, and issuing the year's
result as a frozen, published result like the units' (objections, finalising, the bulletin).

Shapes: `import_firms(rows, year, city=…)` takes `firm_sheet.FirmRow`s (each county the name
of one of the city's units); `firm_inputs(definition, year, city=…)` gives a `FirmCycle` with
benchmarks written as a multiple of last year's mean resolved from the register's previous
year; `issue_firm_result` keeps the scheme (its year and the firms it rated) and publishes.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from guanmo.assessment.definition import Definition, Inputs, resolve_benchmarks
from guanmo.assessment.firm_sheet import FirmRow
from guanmo.assessment.firms import (
    TAX_PER_MU,
    FirmFigures,
    firm_indicators,
    rated,
    unrated_reason,
)
from guanmo.assessment.models import Firm, FirmYear, RatedFirm, Result, Scheme
from guanmo.assessment.objections import DEFAULT_PUBLICATION_DAYS, publish_result
from guanmo.assessment.services import save_scheme
from guanmo.regions.models import Region
from guanmo.regions.services import units_of

FIRM_SCHEME_NAME = "亩均效益评价"


@transaction.atomic
def import_firms(rows: Sequence[FirmRow], year: int, *, city: Region) -> tuple[int, int]:
    """Create or update each firm (by 统一社会信用代码) in `city` and its figures for `year`,
    its land among them (earlier years keep theirs). Returns (firms created, firms updated).
    One transaction: everything or nothing. Raises ValueError for a county that is not one
    of the city's units, a firm the register keeps in another city, or a year whose result
    was issued: its figures are frozen with it (issue 13 "a result can always be recomputed
    exactly as issued"), and a firm's page shows them beside its issued score, so a figure
    found wrong is corrected through an objection, never by importing the year again."""
    issued = Scheme.objects.filter(city=city, firm_year=year, results__isnull=False).first()
    if issued is not None:
        raise ValueError(
            f"{issued}已发布结果，企业底册{year}年度数据随结果冻结，不能重新导入；"
            "数值有误的，请在公示期内通过异议更正"
        )
    units = {unit.name: unit for unit in units_of(city)}
    created = updated = 0
    for row in rows:
        if row.county not in units:
            raise ValueError(f"{row.name}的县区“{row.county}”不是本市的县（市、区）或园区")
        known = Firm.objects.filter(credit_code=row.credit_code).exclude(city=city).first()
        if known is not None:
            raise ValueError(f"{row.name}（{row.credit_code}）已在{known.city.name}的企业底册中")
        firm, new = Firm.objects.update_or_create(
            credit_code=row.credit_code,
            defaults={
                "city": city,
                "name": row.name,
                "county": units[row.county],
                "park": row.park,
            },
        )
        created += new
        updated += not new
        FirmYear.objects.update_or_create(
            firm=firm,
            year=year,
            defaults={
                "land_area": row.land_area,
                "tax": row.tax,
                "sales": row.sales,
                "value_added": row.value_added,
                "energy": row.energy,
                "emissions": row.emissions,
                "rd_spending": row.rd_spending,
                "employees": row.employees,
            },
        )
    return created, updated


def unit_names(firms: Sequence[Firm]) -> dict[int, str]:
    """Each firm's name as a unit, its code added where two firms share a name."""
    counts: dict[str, int] = {}
    for firm in firms:
        counts[firm.name] = counts.get(firm.name, 0) + 1
    return {f.pk: f.name if counts[f.name] == 1 else f"{f.name}（{f.credit_code}）" for f in firms}


def year_figures(record: FirmYear) -> FirmFigures:
    """A register year's figures as the indicators take them (the year's own land)."""
    return FirmFigures(record.land_area, record.tax, record.sales, record.energy)


@dataclass(frozen=True)
class _Year:
    firm: Firm
    figures: FirmFigures
    values: dict[str, Decimal | None]


def _year_values(city: Region, year: int) -> dict[str, _Year]:
    records = list(FirmYear.objects.filter(firm__city=city, year=year).select_related("firm"))
    names = unit_names([record.firm for record in records])
    values = {}
    for record in records:
        figures = year_figures(record)
        values[names[record.firm.pk]] = _Year(record.firm, figures, firm_indicators(figures))
    return values


@dataclass(frozen=True)
class FirmCycle:
    """A year of the register as the engine takes it: the definition with its benchmarks
    resolved, the inputs (each firm a unit), each unit's 亩均税收 (万元/亩, for the policies)
    and its firm's id."""

    definition: Definition
    inputs: Inputs
    tax_per_mu: dict[str, Decimal | None]
    firms: dict[str, int]


def firm_inputs(
    definition: Definition, year: int, *, city: Region, land_threshold: Decimal
) -> FirmCycle:
    """The year's inputs from the city's register: each firm a unit with the example scheme's
    indicators, firms on less land than `land_threshold` 亩 that year exempt (不参评); the
    definition with its 上年均值倍数 benchmarks resolved from year − 1. Raises ValueError (in
    Chinese) when the year has no firm, or a rated firm lacks an indicator the scheme uses
    (energy use 0 gives no 单位能耗税收)."""
    current = _year_values(city, year)
    if not current:
        raise ValueError(f"企业底册中没有{year}年度的数据，请先用 guanmo import-firms 导入")
    names = definition.names
    unknown = [name for name in names if name not in next(iter(current.values())).values]
    if unknown:
        raise ValueError(f"企业底册不能提供指标“{'、'.join(unknown)}”")
    exempt = frozenset(u for u, each in current.items() if not rated(each.figures, land_threshold))
    for unit, each in current.items():
        missing = [name for name in names if each.values[name] is None]
        if missing and unit not in exempt:
            raise ValueError(f"{unit}的“{'、'.join(missing)}”无法计算（除数为0）")
    previous = {u: each.values for u, each in _year_values(city, year - 1).items()}
    resolved = resolve_benchmarks(definition, previous)
    inputs = Inputs(
        {u: {name: each.values[name] for name in names} for u, each in current.items()},
        exempt=exempt,
        exempt_reasons={
            unit: unrated_reason(each.figures, land_threshold)
            for unit, each in current.items()
            if unit in exempt
        },
        figures={u: each.figures.named() for u, each in current.items()},
        land_threshold=land_threshold,
    )
    return FirmCycle(
        resolved,
        inputs,
        {u: each.values[TAX_PER_MU] for u, each in current.items()},
        {u: each.firm.pk for u, each in current.items()},
    )


@transaction.atomic
def issue_firm_result(
    city: Region,
    year: int,
    definition: Definition,
    *,
    land_threshold: Decimal,
    days: int = DEFAULT_PUBLICATION_DAYS,
    document_number: str = "",
    **options,
) -> Result:
    """Issue and publish the year's 亩均效益评价 of the city's firms (`publish_result`, same
    options): the scheme kept with its year, its 文号 `document_number` ("" for none; the
    bulletin's opening cites it, `bulletin.opening_sentence`), its benchmarks resolved and
    the firms it rates, so the result is recomputed exactly and each county reaches only its
    own firms' lines.
    Raises ValueError (in Chinese) as `firm_inputs`, ResultError or ObjectionError."""
    cycle = firm_inputs(definition, year, city=city, land_threshold=land_threshold)
    scheme = save_scheme(
        city,
        f"{year}年度",
        FIRM_SCHEME_NAME,
        cycle.definition,
        list(cycle.inputs.values),
        firm_year=year,
        document_number=document_number,
    )
    scheme.rated_firms.all().delete()
    RatedFirm.objects.bulk_create(
        RatedFirm(scheme=scheme, firm_id=firm, unit=unit) for unit, firm in cycle.firms.items()
    )
    return publish_result(scheme, cycle.inputs, days=days, **options)
