"""A workbook's summary sheet: one sheet whose rows are exactly the rows of the other sheets.

Offices often send a 汇总 sheet beside one sheet per county. Its rows are the same projects as
the county sheets', not more projects: read as well, every project would be twice. A sheet is
that summary when its projects (by name or code) are exactly those of all the other sheets
together, and the others are two or more or its name says it sums them (汇总, 总表, 合计…).
Then it is left out with a note; a figure or county it gives otherwise than its county sheet
stops the import naming both cells, never one of the two taken silently (tryout 10, L11/P10;
issue 9 §4, §8). A county sheet's rows need no county column: the county the summary gives is
checked against the one its sheet's name or title names, as the import places the row (tryout
14, L11/P9: every such workbook was refused for a "blank" county).
"""

from collections import Counter
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from guanmo.regions.names import Named, clean_text, region_mentioned, region_named
from guanmo.sheets.cells import CellError, decimal_places, format_wan, parse_line, parse_money
from guanmo.sheets.faults import SheetFault
from guanmo.sheets.header_model import Header
from guanmo.sheets.header_words import Catalogue
from guanmo.sheets.table import Row, Table

_SUMMARY_NAME = ("汇总", "总表", "合计", "总计", "全市", "全部")


def summary_sheet(
    tables: Sequence[Table],
    catalogue: Catalogue,
    used: frozenset[StrEnum],
    places: Sequence[Named] = (),
) -> tuple[Table, list[SheetFault]] | None:
    """The summary table among `tables` and the faults of its disagreements with the others
    (an empty list when it agrees with them all), or None when no sheet is one. `places` are
    the units rows may lie in: a county sheet's row with a blank county lies in the one its
    sheet's name, else its title, names."""
    kept = catalogue.money | set(catalogue.places)
    compared = [name for name in catalogue.fields if name in kept and name in used]
    for table in tables:
        others = [other for other in tables if other is not table and other.rows]
        if not table.rows or not others:
            continue
        named = any(word in table.sheet for word in _SUMMARY_NAME)
        if len(others) < 2 and not named:
            continue
        theirs = {}
        for other in others:
            for row in other.rows:
                theirs.setdefault(_key(row, catalogue), []).append(row)
        if Counter(_key(row, catalogue) for row in table.rows) != Counter(
            {key: len(rows) for key, rows in theirs.items()}
        ):
            continue
        faults = [
            fault
            for row in table.rows
            if len(theirs[_key(row, catalogue)]) == 1
            for fault in _disagreements(
                row, theirs[_key(row, catalogue)][0], compared, _Places(catalogue, places, tables)
            )
        ]
        return table, faults
    return None


def summary_note(table: Table) -> str:
    """The note of a summary sheet left out: "工作表「汇总」为各县工作表的汇总，已与各县工作表
    逐项核对（2个项目，一致），未重复导入"."""
    return (
        f"工作表「{table.sheet}」为各县工作表的汇总，已与各县工作表逐项核对"
        f"（{len(table.rows)}个项目，一致），未重复导入"
    )


class _Places:
    """The county a county sheet's row lies in where its own cell is blank: the unit its sheet's
    name names, else its title (the rule of `guanmo.sheets.county_sources`)."""

    def __init__(self, catalogue: Catalogue, places: Sequence[Named], tables: Sequence[Table]):
        self.fields = set(catalogue.places[:1])  # the county's; not 建设地点
        self.places = list(places)
        self.by_sheet: dict[str, tuple[Named, str]] = {}
        for table in tables:
            if found := region_mentioned(table.sheet, self.places):
                self.by_sheet[table.sheet] = found, "工作表名"
            elif table.title and (found := region_mentioned(table.title, self.places)):
                self.by_sheet[table.sheet] = found, f"标题「{table.title}」"

    def agree(self, name: StrEnum, own: object, theirs: Row) -> tuple[bool, str]:
        """Whether the summary's `own` place agrees with the place `theirs` lies in by its
        sheet, and how that place is shown; (False, "") when its sheet names none."""
        if name not in self.fields or theirs.values.get(name) not in (None, ""):
            return False, ""
        found = self.by_sheet.get(theirs.sheet)
        if found is None:
            return False, ""
        region, where = found
        return region_named(own, self.places) is region, f"{region.name}（取自{where}）"


def _key(row: Row, catalogue: Catalogue) -> tuple[str, ...]:
    return tuple(clean_text(str(row.values.get(name) or "")) for name in catalogue.identity)


def _disagreements(
    row: Row, theirs: Row, compared: list[StrEnum], places: _Places
) -> list[SheetFault]:
    faults = []
    for name in compared:
        own, other = row.values.get(name), theirs.values.get(name)
        agrees, by_sheet = places.agree(name, own, theirs)
        if agrees or (not by_sheet and _same(own, other)):
            continue
        if own in (None, "") and name in places.fields:
            continue  # a summary not giving the county contradicts no sheet
        faults.append(
            SheetFault(
                row.sheet,
                row.number,
                name.value,
                f"本表是各县工作表的汇总，本行为{_shown(own)}，"
                f"而工作表「{theirs.sheet}」第{theirs.number}行为"
                f"{by_sheet or _shown(other)}，不一致；"
                "请核对后再导入（或删去汇总工作表）",
            )
        )
    return faults


def _same(own: object, other: object) -> bool:
    if isinstance(own, str) or isinstance(other, str):
        return clean_text(str(own or "")) == clean_text(str(other or ""))
    return own == other


def _shown(value: object) -> str:
    if value is None or value == "":
        return "空白"
    if isinstance(value, Decimal):
        return f"{format_wan(value)}万元"
    return f"「{value}」"


def county_totals_notes(
    sheet: str,
    header: Header,
    rows: Sequence[Sequence[object]],
    tables: Sequence[Table],
    catalogue: Catalogue,
    used: frozenset[StrEnum],
    places: Sequence[Named],
) -> list[str] | None:
    """The notes on a 汇总 sheet of one line per county (县区 | 项目个数 | 总投资…, no project
    names) beside the county sheets: each county's money checked against the sum of its
    projects there, one note if all agree, else one per figure that does not ("…16000万元，与
    工作表「解放区」各项目之和15000万元不符"). The sheet is never imported, so a disagreement is
    said, not a fault: the projects come from the county sheets. None when the sheet is no such
    summary (no line names a county of the tables with a figure). Source: tryout 14 L11/P9."""
    county = catalogue.places[0] if catalogue.places else None
    columns = [(i, name) for i, name in header.columns.items() if name in catalogue.money & used]
    place_column = next((i for i, name in header.columns.items() if name == county), None)
    if county is None or place_column is None or not columns:
        return None
    where = _Places(catalogue, places, tables)
    found: dict[int, tuple[Named, list[Row]]] = {}
    for table in tables:
        for row in table.rows:
            region = region_named(row.values.get(county), places)
            if region is None and (by_sheet := where.by_sheet.get(row.sheet)):
                region = by_sheet[0]
            if region is not None:
                found.setdefault(id(region), (region, []))[1].append(row)
    checked, notes = 0, []
    for number, raw in enumerate(rows[header.rows[-1] :], start=header.rows[-1] + 1):
        region = region_named(_at(raw, place_column), places)
        if region is None or id(region) not in found:
            continue
        _, own = found[id(region)]
        checked += 1
        sheets = "、".join(f"工作表「{name}」" for name in dict.fromkeys(row.sheet for row in own))
        for index, name in columns:
            unit = header.units.get(index, Decimal(1))
            try:
                amount = parse_money(_at(raw, index), unit)
            except CellError:
                continue
            if amount is None:
                continue
            total = sum(
                (r.values[name] for r in own if isinstance(r.values.get(name), Decimal)), Decimal(0)
            )
            typed = (amount / unit).normalize()
            quantum = Decimal(10) ** -decimal_places(typed)
            if (total / unit).quantize(quantum, ROUND_HALF_UP) == typed:
                continue
            notes.append(
                f"工作表「{sheet}」第{number}行「{parse_line(_at(raw, place_column))}」"
                f"「{name.value}」{format_wan(amount)}万元，与{sheets}各项目之和"
                f"{format_wan(total)}万元不符；汇总表未导入，各项目按各县工作表导入，请核对汇总表"
            )
    if not checked:
        return None
    return notes or [
        f"工作表「{sheet}」为各县合计，已与各县工作表核对（{checked}个县区，一致），未导入"
    ]


def _at(row: Sequence[object], index: int) -> object:
    return row[index] if index < len(row) else None
