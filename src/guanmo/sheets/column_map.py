"""The column map an import report shows: 字段 ← 表头, with a sample value and the unit."""

import re
from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from guanmo.figures.formatting import chinese_date
from guanmo.sheets.cells import UNIT_NAMES, format_wan, format_years
from guanmo.sheets.faults import ColumnUse
from guanmo.sheets.header import FORGET, Header
from guanmo.sheets.table import Table

_SAMPLE_LENGTH = 20
# A code (项目代码 2024-410823-48-01-123456, 统一社会信用代码): letters, digits and dashes, never
# cut, since a code cut short is another code or none (tryout 11); bounded all the same.
_CODE = re.compile(r"[0-9A-Za-z][0-9A-Za-z\-]{0,47}")


def column_map(
    headers: Sequence[tuple[str, Header]], tables: Sequence[Table], used: Collection[StrEnum]
) -> list[ColumnUse]:
    """Every column of every project header, in sheet order: what it is read as (or why not),
    the first value read from it (in 万元 for money) and the unit its figures were given in.
    A known column the import does not read (形象进度 in a ledger) is said to be left alone."""
    rows_of = {table.sheet: table.rows for table in tables}
    uses = []
    for sheet, header in headers:
        rows = rows_of.get(sheet, [])
        money = header.catalogue.money
        for reading in header.readings:
            name = reading.field
            if name is not None and name not in used:
                name, reading = None, replace(reading, why=f"本次导入不读取{reading.field.value}")
            unit = header.units.get(reading.index)
            unit_name = UNIT_NAMES.get(unit, "") if name in money and unit else ""
            if unit_name and reading.index in header.unit_assumed:
                unit_name += "（未写明，默认）"
            uses.append(
                ColumnUse(
                    sheet=sheet,
                    column=reading.index,
                    header=reading.text,
                    key=reading.key,
                    field=name.value if name else "",
                    sample=_sample(rows, name, (unit or Decimal(1)) if name in money else None)
                    if name
                    else "",
                    unit=unit_name,
                    note=reading.why,
                )
            )
    return uses


def remembered_notes(uses: Sequence[ColumnUse]) -> list[str]:
    """What the report says of columns read as an earlier import named them: which, and how to
    stop (a naming not typed now must not pass for one the user chose)."""
    remembered = list(dict.fromkeys((use.header, use.key) for use in uses if use.remembered))
    if not remembered:
        return []
    names = "".join(f"「{header}」" for header, _ in remembered)
    return [
        f"{names}沿用本市上次导入时指定的对应；如不再沿用，命令行加 --map "
        f"'{remembered[0][1]}={FORGET}'，导入页在“指定为”中选“{FORGET}（不再沿用）”"
    ]


def as_typed(stored: Decimal, *, into: Decimal, typed_unit: str, stored_unit: str) -> str:
    """A sample figure as the sheet has it: `stored` (in `stored_unit`) is the typed figure times
    `into`, shown in the `typed_unit` the sheet gives it, with the stored figure beside when
    the two units differ: "742601.5万元（折合74.26015亿元）", "5000万元" (issue 9: the column
    map never shows a figure in one unit labelled with another)."""
    typed = f"{format_wan(stored / into)}{typed_unit}"
    if into == 1:
        return typed
    return f"{typed}（折合{format_wan(stored)}{stored_unit}）"


def _sample(rows: Sequence, name: StrEnum, unit: Decimal | None) -> str:
    """The first value read from the column of `name`, as `_shown` says it; `unit` is the
    column's money unit (万元 per unit, `Header.units`), None for a column of no money."""
    for row in rows:
        value = row.values.get(name)
        if value in (None, "", frozenset()):
            continue
        shown = _shown(value, unit)
        # a figure is never cut: 74.26015亿元（折合742601.5万元） cut short says another figure
        whole = isinstance(value, Decimal) or _CODE.fullmatch(shown)
        return shown if whole else shown[:_SAMPLE_LENGTH]
    return ""


def _shown(value: object, unit: Decimal | None) -> str:
    """A sample as the map shows it: money (read in 万元) as the sheet has it, in the column's
    `unit` (万元 per unit), with the 万元 it is stored as beside any other unit ("74.26015亿元
    （折合742601.5万元）", never a figure in one unit labelled with another: issue 9); another
    figure as read (95.5, not "95.50万元": a rate or a count is no amount of money); a date as
    pages say it (2025年1月10日, never 2025-01-10: tryout 32); a yes/no
    cell (一票否决) 是 or 否, never Python's True/False (issue 13, tryout 23)."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        if unit is None:
            return f"{value.normalize():f}"
        return as_typed(value, into=unit, typed_unit=UNIT_NAMES[unit], stored_unit="万元")
    if isinstance(value, date):
        return chinese_date(value)  # 2025年1月10日, as every page says a date (tryout 32)
    if isinstance(value, tuple):
        return format_years(*value)
    if isinstance(value, frozenset | set):
        return "、".join(sorted(value))
    return str(value)
