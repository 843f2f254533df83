"""The firm register (企业亩均效益评价的底册): importing a year's figures, all or nothing, and
a year's inputs for the assessment engine with the example scheme's indicators.

Shapes: `import_firms(rows, year)` takes `firm_sheet.FirmRow`s; `firm_inputs(definition, year)`
gives `(Definition, Inputs, {unit: 亩均税收})` with benchmarks written as a multiple of last
year's mean resolved from the register's previous year.
"""

from collections.abc import Sequence
from decimal import Decimal

from django.db import transaction

from guanmo.assessment.definition import Definition, Inputs, resolve_benchmarks
from guanmo.assessment.firm_sheet import FirmRow
from guanmo.assessment.firms import TAX_PER_MU, FirmFigures, firm_indicators, rated
from guanmo.assessment.models import Firm, FirmYear


@transaction.atomic
def import_firms(rows: Sequence[FirmRow], year: int) -> tuple[int, int]:
    """Create or update each firm (by 统一社会信用代码) and its figures for `year`. Returns
    (firms created, firms updated). One transaction: everything or nothing."""
    created = updated = 0
    for row in rows:
        firm, new = Firm.objects.update_or_create(
            credit_code=row.credit_code,
            defaults={
                "name": row.name,
                "county": row.county,
                "park": row.park,
                "land_area": row.land_area,
            },
        )
        created += new
        updated += not new
        FirmYear.objects.update_or_create(
            firm=firm,
            year=year,
            defaults={
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


def _unit_names(firms: Sequence[Firm]) -> dict[int, str]:
    """Each firm's name as a unit, its code added where two firms share a name."""
    counts: dict[str, int] = {}
    for firm in firms:
        counts[firm.name] = counts.get(firm.name, 0) + 1
    return {f.pk: f.name if counts[f.name] == 1 else f"{f.name}（{f.credit_code}）" for f in firms}


def _year_values(year: int) -> dict[str, tuple[FirmFigures, dict[str, Decimal | None]]]:
    records = list(FirmYear.objects.filter(year=year).select_related("firm"))
    names = _unit_names([record.firm for record in records])
    values = {}
    for record in records:
        figures = FirmFigures(record.firm.land_area, record.tax, record.sales, record.energy)
        values[names[record.firm.pk]] = (figures, firm_indicators(figures))
    return values


def firm_inputs(
    definition: Definition, year: int, *, land_threshold: Decimal
) -> tuple[Definition, Inputs, dict[str, Decimal | None]]:
    """The year's inputs from the register: each firm a unit with the example scheme's
    indicators, firms on less land than `land_threshold` 亩 exempt (不参评); the definition
    with its 上年均值倍数 benchmarks resolved from year − 1; each unit's 亩均税收 (for the
    policies). Raises ValueError (in Chinese) when the year has no firm, or a rated firm
    lacks an indicator the scheme uses (energy use 0 gives no 单位能耗税收)."""
    current = _year_values(year)
    if not current:
        raise ValueError(f"企业底册中没有{year}年度的数据，请先用 guanmo import-firms 导入")
    names = definition.names
    unknown = [name for name in names if name not in next(iter(current.values()))[1]]
    if unknown:
        raise ValueError(f"企业底册不能提供指标“{'、'.join(unknown)}”")
    exempt = frozenset(
        u for u, (figures, _) in current.items() if not rated(figures, land_threshold)
    )
    for unit, (_, values) in current.items():
        missing = [name for name in names if values[name] is None]
        if missing and unit not in exempt:
            raise ValueError(f"{unit}的“{'、'.join(missing)}”无法计算（除数为0）")
    previous = {u: values for u, (_, values) in _year_values(year - 1).items()}
    resolved = resolve_benchmarks(definition, previous)
    inputs = Inputs(
        {u: {name: values[name] for name in names} for u, (_, values) in current.items()},
        exempt=exempt,
    )
    return resolved, inputs, {u: values[TAX_PER_MU] for u, (_, values) in current.items()}
