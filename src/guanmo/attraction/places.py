"""Where a register row's project or parcel lies: the city's county (or park) and park a row
names, for both of the app's imports (the attraction register and the land sheet)."""

from collections.abc import Sequence
from enum import StrEnum

from guanmo.regions.models import Region
from guanmo.regions.names import naming, regions_near
from guanmo.regions.services import county_parks
from guanmo.sheets.faults import row_place
from guanmo.sheets.table import Row


def unit_named(
    row: Row,
    column: StrEnum,
    units: Sequence[Region],
    notes: list[str],
    *,
    parks_only: bool = False,
    county: Region | None = None,
) -> Region | None:
    """The unit of the city (a park, with `parks_only`) the row's cell in `column` names;
    None for a blank cell, and a fault on the row for a name that is none of them. A unit named
    otherwise than by its full name is said in `notes` as the ledger says it: "工作表「用地」
    第3行「所在县区」“温”按简称识别为温县" (regions.names Naming.note; tryout 11).

    With `parks_only`, the parks are the city's own (ranked beside its counties) and, when the
    row's `county` is given, the parks added under it (regions.services.add_park);
    a name of neither is refused listing the city's parks and saying how to add it (tryout
    28: a county's 产业集聚区 was refused with no list and no way to add it)."""
    text = row.values.get(column)
    if not text:
        return None
    if parks_only:
        own = [unit for unit in units if unit.kind == Region.Kind.ZONE]
        units = own + (county_parks([county]) if county is not None else [])
    named = naming(text, units)
    found = named.region if named else None
    if named is not None and named.note:
        notes.append(f"{row_place(row.sheet, row.number)}「{column.value}」{named.note}")
    if found is None:
        what = "本市的园区" if parks_only else "本市的县（市、区）或园区"
        near = "、".join(unit.name for unit in regions_near(text, units))
        asked = f"，是否为{near}？请填写全称" if near else ""
        added = _how_to_add(text, units, county) if parks_only else ""
        row.fault(column, f"“{text}”不是{what}{asked}{added}")
    return found


def _how_to_add(text: str, parks: Sequence[Region], county: Region | None) -> str:
    """The city's parks, and the command that adds the one named, as a refusal ends: under
    the row's `county` (`add-park`), else beside the counties (`init-city --zone`), the
    README's ways."""
    listed = "、".join(park.name for park in parks) or "无"
    if county is not None and county.kind == Region.Kind.COUNTY:
        how = f"县（市、区）的园区请先用 guanmo add-park {county.name} {text} 添加"
    else:
        how = f"与县区并列的园区请先用 guanmo init-city {parks_city(parks)} --zone {text} 添加"
    return f"（本市的园区：{listed}；{how}）"


def parks_city(parks: Sequence[Region]) -> str:
    """The code of the city the parks are of, as init-city takes it ("" for none)."""
    return next((park.parent.code for park in parks if park.parent.kind == Region.Kind.CITY), "")
