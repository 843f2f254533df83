"""The column map an import report shows: 字段 ← 表头, with a sample value and the unit."""

import re
from collections.abc import Collection, Sequence
from dataclasses import replace
from decimal import Decimal
from enum import StrEnum

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
                    sample=_sample(rows, name, name in money) if name else "",
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


def _sample(rows: Sequence, name: StrEnum, money: bool) -> str:
    for row in rows:
        value = row.values.get(name)
        if value in (None, "", frozenset()):
            continue
        shown = _shown(value, money)
        return shown if _CODE.fullmatch(shown) else shown[:_SAMPLE_LENGTH]
    return ""


def _shown(value: object, money: bool) -> str:
    """A sample as the map shows it: money in 万元 (read in any unit), another figure as read
    (95.5, not "95.50万元": a rate or a count is no amount of money); a yes/no cell (一票否决)
    是 or 否, never Python's True/False (issue 13, tryout 23)."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return f"{format_wan(value)}万元" if money else f"{value.normalize():f}"
    if isinstance(value, tuple):
        return format_years(*value)
    if isinstance(value, frozenset | set):
        return "、".join(sorted(value))
    return str(value)
