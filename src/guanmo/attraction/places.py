"""Where a register row's project or parcel lies: the city's county (or park) and park a row
names, for both of the app's imports (the attraction register and the land sheet)."""

from collections.abc import Sequence
from enum import StrEnum

from guanmo.regions.models import Region
from guanmo.regions.names import naming, regions_near
from guanmo.sheets.faults import row_place
from guanmo.sheets.table import Row


def unit_named(
    row: Row,
    column: StrEnum,
    units: Sequence[Region],
    notes: list[str],
    *,
    parks_only: bool = False,
) -> Region | None:
    """The unit of the city (a park, with `parks_only`) the row's cell in `column` names;
    None for a blank cell, and a fault on the row for a name that is none of them. A unit named
    otherwise than by its full name is said in `notes` as the ledger says it: "工作表「用地」
    第3行「所在县区」“温”按简称识别为温县" (regions.names Naming.note; tryout 11)."""
    text = row.values.get(column)
    if not text:
        return None
    if parks_only:
        units = [unit for unit in units if unit.kind == Region.Kind.ZONE]
    named = naming(text, units)
    found = named.region if named else None
    if named is not None and named.note:
        notes.append(f"{row_place(row.sheet, row.number)}「{column.value}」{named.note}")
    if found is None:
        what = "本市的园区" if parks_only else "本市的县（市、区）或园区"
        near = "、".join(unit.name for unit in regions_near(text, units))
        asked = f"，是否为{near}？请填写全称" if near else ""
        row.fault(column, f"“{text}”不是{what}{asked}")
    return found
