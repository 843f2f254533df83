"""Guanmo's own ledger template: the columns `import-ledger` reads back to the same data."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook

from guanmo.documents.xlsx import MONEY_FORMAT, TEXT_FORMAT, Column, write_table
from guanmo.ledger.cells import format_levels
from guanmo.ledger.columns import Field
from guanmo.ledger.models import Project
from guanmo.regions.names import own_level
from guanmo.sheets.cells import format_years


@dataclass(frozen=True)
class LedgerLine:
    """One project as the ledger sheet shows it for a year."""

    project: Project  # with its county loaded
    levels: frozenset[str]
    annual_plan: Decimal | None
    previous_year_end: Decimal | None = None  # 截至上年底累计完成投资, as the ledger stores it


@dataclass(frozen=True)
class _LedgerColumn:
    label: Field
    value: Callable[[LedgerLine], object]
    width: float = 12
    number_format: str | None = None
    wrap: bool = False


_COLUMNS = [
    _LedgerColumn(Field.NAME, lambda line: line.project.name, 30, wrap=True),
    _LedgerColumn(Field.CODE, lambda line: line.project.code, 25, TEXT_FORMAT),
    _LedgerColumn(Field.COUNTY, lambda line: _counties(line.project), 12),
    _LedgerColumn(Field.OWNER, lambda line: line.project.owner, 24, wrap=True),
    _LedgerColumn(Field.INDUSTRY, lambda line: line.project.industry, 12),
    _LedgerColumn(Field.CATEGORY, lambda line: line.project.category, 10),
    _LedgerColumn(Field.STAGE, lambda line: line.project.stage, 9),
    _LedgerColumn(Field.NATURE, lambda line: line.project.construction_nature, 9),
    _LedgerColumn(Field.LEVELS, lambda line: format_levels(line.levels), 9),
    _LedgerColumn(Field.SCOPE, lambda line: line.project.scope, 40, wrap=True),
    _LedgerColumn(
        Field.YEARS,
        lambda line: format_years(line.project.start_year, line.project.end_year),
        12,
        TEXT_FORMAT,
    ),
    _LedgerColumn(
        Field.TOTAL_INVESTMENT, lambda line: line.project.total_investment, 14, MONEY_FORMAT
    ),
    _LedgerColumn(Field.ANNUAL_PLAN, lambda line: line.annual_plan, 14, MONEY_FORMAT),
    _LedgerColumn(Field.PREVIOUS_YEAR_END, lambda line: line.previous_year_end, 16, MONEY_FORMAT),
    _LedgerColumn(
        Field.RESPONSIBLE_UNIT, lambda line: line.project.responsible_unit, 20, wrap=True
    ),
    _LedgerColumn(Field.LEADER_IN_CHARGE, lambda line: line.project.leader_in_charge, 10),
    _LedgerColumn(Field.SITE_COMMISSIONER, lambda line: line.project.site_commissioner, 10),
    _LedgerColumn(Field.LOCATION, lambda line: line.project.location, 20, wrap=True),
]


def _counties(project: Project) -> str:
    """The county cell as import-ledger reads it back: 市本级 (县本级 for a county at the top;
    a top's own project lies in the top, so its county is the top), 温县, 武陟县、温县."""
    return own_level(project.county.name) if project.is_city_level else project.counties_named()


def ledger_workbook(title: str, year: int, lines: Sequence[LedgerLine]) -> Workbook:
    """A workbook of one sheet: title, "单位：万元", frozen header, a totals row, the projects."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"{year}年重点项目"
    columns = [Column(Field.SERIAL.value, 6)] + [
        Column(_header(column, year), column.width, column.number_format, column.wrap)
        for column in _COLUMNS
    ]
    write_table(
        sheet,
        title=title,
        units="单位：万元",
        columns=columns,
        rows=[_totals(lines), *_rows(lines)],
        freeze_columns=2,  # 序号 and 项目名称 stay in view while scrolling right
    )
    return workbook


def _header(column: _LedgerColumn, year: int) -> str:
    """The column's label, with 万元 for money: "总投资（万元）", "2025年计划投资（万元）",
    "截至2024年底累计完成投资（万元）"."""
    label = {
        Field.ANNUAL_PLAN: f"{year}年计划投资",
        Field.PREVIOUS_YEAR_END: f"截至{year - 1}年底累计完成投资",
    }.get(column.label, column.label.value)
    return f"{label}（万元）" if column.number_format == MONEY_FORMAT else label


def _rows(lines: Iterable[LedgerLine]) -> Iterable[list[object]]:
    for serial, line in enumerate(lines, start=1):
        yield [serial, *(column.value(line) for column in _COLUMNS)]


def _totals(lines: Sequence[LedgerLine]) -> list[object]:
    """The 合计 row that leads official ledgers; importers check it against the rows."""
    sums: dict[Field, Decimal] = {
        Field.TOTAL_INVESTMENT: sum((line.project.total_investment for line in lines), Decimal(0)),
        Field.ANNUAL_PLAN: sum((line.annual_plan or Decimal(0) for line in lines), Decimal(0)),
        Field.PREVIOUS_YEAR_END: sum(
            (line.previous_year_end or Decimal(0) for line in lines), Decimal(0)
        ),
    }
    first = f"合计（{len(lines)}个）"
    return [None, first, *(sums.get(column.label) for column in _COLUMNS[1:])]
