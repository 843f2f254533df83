"""How a sheet row finds its county and its project: the rules both imports share."""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from guanmo.ledger.columns import Field
from guanmo.ledger.models import Project
from guanmo.regions.models import Region
from guanmo.regions.names import (
    CODE,
    FULL_NAME,
    clean_text,
    level_character,
    naming,
    own_level,
    region_mentioned,
    region_named,
    regions_near,
    short_region_name,
    whole,
)
from guanmo.regions.services import divisions, is_top, units_of
from guanmo.sheets.cells import code_region
from guanmo.sheets.county_sources import CountyConflict, CountySource, SourceKind, agreed_county
from guanmo.sheets.faults import SheetFault
from guanmo.sheets.stated_units import without_stated_units
from guanmo.sheets.table import Row, Table

BATCH_SIZE = 1000
# What the report says of a county taken from a project code's region.
BY_CODE = "项目代码的区划代码"


def own_words(top: Region | str) -> frozenset[str]:
    """What a county cell says for a project of the top (a Region, or its name) itself: 全市,
    市直, 市本级, 市级, 本级; for a county at the top 全县, 县直, 县本级, 县级 (the character of
    `level_character`)."""
    name = top if isinstance(top, str) else top.name
    character = level_character(name)
    return frozenset(
        {f"全{character}", f"{character}直", own_level(name), f"{character}级", "本级"}
    )


def _own_heading(top: Region, *, whole_too: bool = True) -> re.Pattern:
    """A heading or a sheet's name for the top's own projects: "三、市直项目（1个）", "市本级";
    with `whole_too`, also "全市重点项目"."""
    words = own_words(top) - {"本级"} - (set() if whole_too else {whole(top.name)})
    words = "|".join(sorted(words))
    return re.compile(
        rf"(?:[一二三四五六七八九十]+|\d+)?[、.．)）]?(?:{words})(?:重点)?(?:项目)?"
        r"(?:[（(][^（）()]*[)）])?"
    )


# Between the counties of a project lying in several: 武陟县、温县; 解放区/温县.
_COUNTY_SEPARATORS = re.compile(r"[、,;/|+]+")
# A county's name with a note in brackets: 清丰县（经开区）.
_NOTED = re.compile(r"(?P<unit>[^（）()]+)[（(](?P<note>[^（）()]+)[)）]")


def name_key(name: str) -> str:
    """What two project names are compared by: NFKC, no white space."""
    return clean_text(name)


class BareNames:
    """The city's stored projects by their names without a leading county or city name
    ("获嘉县盛泰智能装备产业园" and "盛泰智能装备产业园" are one name in 获嘉县): a sheet that
    adds or drops the county in front of a name means the same project, never a second one
    (fresh-eyes tryout 4, L41). Only a name that stays two characters or longer is compared,
    and only within one county; a bare name two stored projects share finds neither."""

    def __init__(self, city: Region, projects: Sequence[Project]) -> None:
        """`projects`: the city's stored projects, each with its county loaded."""
        self.city_names = {city.name, short_region_name(city.name), *own_words(city)}
        found: dict[tuple[int, str], list[Project]] = {}
        for project in projects:
            key = self.bare(project.county, name_key(project.name))
            found.setdefault((project.county_id, key), []).append(project)
        self.found = {key: each[0] for key, each in found.items() if len(each) == 1}

    def bare(self, county: Region, key: str) -> str:
        """`key` without the county's or the city's name in front."""
        names = {county.name, short_region_name(county.name), *self.city_names}
        for prefix in sorted(map(clean_text, names), key=len, reverse=True):
            if key.startswith(prefix) and len(key) - len(prefix) >= 2:
                return key.removeprefix(prefix)
        return key

    def find(self, key: str, counties: Sequence[Region]) -> Project | None:
        """The one stored project of a county the row lies in whose bare name is the row's,
        or None."""
        for county in counties:
            if found := self.found.get((county.pk, self.bare(county, key))):
                return found
        return None


@dataclass(frozen=True)
class Placement:
    """Where a project lies: the unit that counts it (`lead`) and any other counties.

    `lead` is the city itself for a city-level project. `source` says where the county was
    found when the row's own county or location cell did not give it ("工作表名「温县」").
    """

    lead: Region
    others: tuple[Region, ...] = ()
    source: str = ""
    lead_named: bool = False  # a 牵头县区 cell chose the lead
    lead_kept: bool = False  # no 牵头县区 given: the ledger's stored lead stands

    @property
    def counties(self) -> tuple[Region, ...]:
        """Every county the project lies in, the lead first."""
        return (self.lead, *self.others)

    def led_by(self, lead: Region) -> "Placement":
        """The same counties with `lead` (one of them) counting the project, as the ledger
        already has it: a sheet without a 牵头县区 does not move the lead (issue 9 §6)."""
        others = tuple(county for county in self.counties if county != lead)
        return Placement(lead, others, self.source, lead_kept=True)


class CountyFinder:
    """The city's counties and zones by the names sheets give them, looked up once per name."""

    def __init__(self, city: Region) -> None:
        self.city = city
        self.units = units_of(city)
        self._own_words, self._own_heading = own_words(city), _own_heading(city)
        self._own_only = _own_heading(city, whole_too=False)
        self._found: dict[str, Region | None] = {}
        self._named: dict[str, Region | None] = {}
        self._by_code = {unit.code: unit for unit in self.units}
        # (sheet, column, what the report says) → rows whose county cell or location named
        # their unit otherwise than by its full name: by code, by a short name, by a town in it
        self._read_as: dict[tuple[str, Field, str], list[Row]] = {}

    def find(self, text: str) -> Region | None:
        """The unit a heading, sheet's name, title or location speaks of
        (`regions.names.region_mentioned`: by a whole name of it, never a part of one)."""
        if text not in self._found:
            self._found[text] = region_mentioned(text, self.units)
        return self._found[text]

    def named(self, text: str) -> Region | None:
        """The unit a county cell names by the one rule of `regions.names.naming`: its full
        name, its GB/T 2260 code (410825), a known short name (武陟, 温, 示范区); never a text
        containing a name (武陟县产业集聚区) nor a part of one (陟): `refusal` asks about those
        (issue 9 §7; tryout 7, L23, L24)."""
        if text not in self._named:
            self._named[text] = region_named(text, self.units)
        return self._named[text]

    def _note_reading(self, row: Row, column: Field, typed: str, unit: Region) -> None:
        """Keep for the report a county cell or location that named `unit` otherwise than by
        one of its names (`reading_notes`)."""
        named = naming(typed, [unit])
        if column == Field.LOCATION:
            said = f"「{typed}」在{unit.name}，按所在县区{unit.name}读取"
        elif named is None or named.rule == FULL_NAME:
            return
        elif named.rule == CODE:
            said = f"「{typed}」是{unit.name}的区划代码，按{unit.name}读取"
        else:
            said = named.note
        self._read_as.setdefault((row.sheet, column, said), []).append(row)

    def reading_notes(self) -> list[str]:
        """What the report says of county cells and locations read as a unit otherwise than by
        its full name, naming the rule: "工作表「台账」第3行列D「所在县区」“温”按简称识别为温县"."""
        return [
            rows[0].place(column, [row.number for row in rows]) + said
            for (_, column, said), rows in self._read_as.items()
        ]

    def _noted(self, text: str) -> Region | None:
        """The unit a county cell names, allowing a note in brackets after the unit's name that
        names no other unit nor the city: 清丰县（经开区） is 清丰县, 华龙区（濮阳经开区）
        is refused (source: issue 9, tryout five A18b)."""
        whole = _NOTED.fullmatch(clean_text(text))
        if whole is None:
            return self.named(text)
        unit, note = self.named(whole["unit"]), whole["note"]
        if unit is None or self.find(note) or self.city.short_name in note:
            return None
        return unit

    def refusal(self, text: str) -> str:
        """Why a county cell names no unit: the units a part of a name or a longer name may mean
        (`regions_near`), asked, never taken; the division a code of another city is; or else
        the city's units listed."""
        key = clean_text(text)
        near = regions_near(key, self.units)
        if len(near) > 1:
            names = "、".join(unit.name for unit in near)
            return f"「{text}」可以是{names}，无法确定是哪一个；请填写县区全称"
        if near:
            return (
                f"「{text}」不是{self.city.name}县区或园区的名称、简称或区划代码，"
                f"是否为{near[0].name}？请填写县区全称"
            )
        if division := divisions().get(key):
            parent = divisions().get(division.parent)
            where = f"{parent.name}{division.name}" if parent else division.name
            return f"「{text}」是{where}的区划代码，不是{self.city.name}的县区或园区"
        units = "、".join(unit.name for unit in self.units)
        return f"{text}不是{self.city.name}的县区或园区（{self.city.name}的县区：{units}）"

    def is_city(self, text: str) -> bool:
        """Whether a county cell names the city itself: 全市, 市直, 焦作市."""
        key = clean_text(text)
        return key in self._own_words or key in (self.city.name, self.city.short_name)

    def names_own(self, text: str) -> bool:
        """Whether a sheet's name stands for the city's own projects (市直, 市本级, 市级), not
        for the whole city (全市, 焦作市, which name no unit)."""
        return bool(self._own_only.fullmatch(clean_text(text)))

    def names_city(self, text: str) -> bool:
        """Whether a heading row or a sheet's name stands for the city's own projects: 市直,
        "三、市直项目（1个）", 市本级, 全市 (source: issue 9 §6, tryouts LA2 and LV)."""
        return self.is_city(text) or bool(self._own_heading.fullmatch(clean_text(text)))

    def placement_of(
        self, row: Row, table: Table, *, from_location: bool = True
    ) -> Placement | None:
        """Where a row's project lies, by the one rule of `guanmo.sheets.county_sources` over
        the sources `sources_of` finds; when there is none, the city itself in a sheet named for
        it (全市). `source` says where the county came from when not from the row's own cells.
        None when nothing places the row, or with a fault on it: a county named but not found,
        a code outside the city, sources naming different counties
        ("工作表名为温县，「所在县区」列为武陟县，不一致，未写入任何数据")."""
        found_before = len(row.faults)
        cell, sources = self.sources_of(row, table, from_location=from_location)
        if len(row.faults) > found_before:
            return None
        try:
            agreed = agreed_county(sources)
        except CountyConflict as conflict:
            row.faults.append(SheetFault(row.sheet, row.number, None, str(conflict)))
            return None
        location = row.values.get(Field.LOCATION, "") if from_location else ""
        if agreed is None:
            placement = self._city_by_layout(table)
            if placement is None and location:
                row.fault(Field.LOCATION, f"无法从「{location}」确定所在县区，请填写所在县区")
            return placement
        if agreed.kind in (SourceKind.COLUMN, SourceKind.LOCATION):
            return cell
        shown = agreed.text
        if agreed.kind == SourceKind.HEADING:  # the heading's whole cell (tryout 18 (6a))
            shown = dict(zip(row.headings, row.heading_cells, strict=False)).get(shown, shown)
        return Placement(agreed.places[0], source=_TAKEN_FROM[agreed.kind].format(shown))

    def located(self, row: Row) -> Placement | None:
        """The unit a row's location (建设地点) names, noted, or None when it names none or
        several: what tells namesakes apart in a progress sheet without a county column (tryout
        7 R07)."""
        location = row.values.get(Field.LOCATION, "")
        county = self.find(location) if location else None
        if county is None:
            return None
        self._note_reading(row, Field.LOCATION, location, county)
        return Placement(county)

    def sources_of(
        self, row: Row, table: Table, *, from_location: bool = True
    ) -> tuple[Placement | None, list[CountySource[Region]]]:
        """Where the row's own cells place it (its county cell: one county, several, or the city
        itself; else, when `from_location`, its location), and every source naming a unit, in
        the order `agreed_county` takes them: county cell or location, heading, sheet name,
        title, project code. Faults recorded on the row: a county named but not found, a code
        outside the city."""
        typed = row.values.get(Field.COUNTY, "")
        cell = self._typed(row, typed) if typed else None
        sources: list[CountySource[Region]] = []
        if cell is not None:
            where = _column(table, Field.COUNTY)
            sources.append(CountySource(SourceKind.COLUMN, where, typed, cell.counties))
        location = row.values.get(Field.LOCATION, "") if from_location else ""
        if not typed and location:
            county = self.city if self.is_city(location) else self.find(location)
            where = _column(table, Field.LOCATION)
            if county is not None:
                if county != self.city:
                    self._note_reading(row, Field.LOCATION, location, county)
                cell = Placement(county)
                sources.append(CountySource(SourceKind.LOCATION, where, location, (county,)))
            elif counties := self._names_only(location):
                if self._spaced(location):
                    self._note_spaced(row, Field.LOCATION, location, counties)
                cell = self._led(row, location, counties, Field.LOCATION)
                if cell is not None:
                    sources.append(
                        CountySource(SourceKind.LOCATION, where, location, cell.counties)
                    )
        lead_typed = row.values.get(Field.LEAD_COUNTY, "")
        if cell is None and lead_typed and not row.failed(Field.LOCATION):
            lead = self.named(lead_typed)
            if lead is None:
                row.fault(Field.LEAD_COUNTY, self.refusal(lead_typed))
                return None, []
            cell = Placement(lead, lead_named=True)
            where = _column(table, Field.LEAD_COUNTY)
            sources.append(CountySource(SourceKind.COLUMN, where, lead_typed, (lead,)))
        sources += self._layout_sources(row, table, city_too=not sources)
        code = self._code_source(row, table)
        return cell, [*sources, *([code] if code else [])]

    def _typed(self, row: Row, typed: str) -> Placement | None:
        if self.is_city(typed):
            return Placement(self.city)
        parts = [part for part in _COUNTY_SEPARATORS.split(clean_text(typed)) if part]
        # One name is looked up whole; several are split first, or "武陟县、郑东新区" would
        # find 武陟县 by containment and lose the unknown one.
        county = self._noted(typed) if len(parts) < 2 else None
        if county is not None:
            self._note_reading(row, Field.COUNTY, typed, county)
            return self._led(row, typed, [county], Field.COUNTY)
        spaced = self._spaced(typed) if len(parts) < 2 else []
        parts = spaced or parts
        found = [self.named(part) for part in parts]
        for part, each in zip(parts, found, strict=True):
            if each is not None:
                self._note_reading(row, Field.COUNTY, part, each)
        unknown = [part for part, county in zip(parts, found, strict=True) if county is None]
        if len(parts) < 2 or unknown:
            named = "、".join(unknown) if len(parts) > 1 and unknown else typed
            row.fault(Field.COUNTY, self.refusal(named))
            return None
        counties = list(dict.fromkeys(c for c in found if c is not None))
        if spaced:
            self._note_spaced(row, Field.COUNTY, typed, counties)
        return self._led(row, typed, counties, Field.COUNTY)

    def _note_spaced(self, row: Row, column: Field, typed: str, counties: list[Region]) -> None:
        """Keep for the report a county cell or location read as several units split at white
        space (`_spaced`): "「武陟县 温县」以空格分隔，按武陟县、温县读取（项目位于多个县区）"."""
        names = "、".join(county.name for county in counties)
        said = f"「{' '.join(typed.split())}」以空格分隔，按{names}读取（项目位于多个县区）"
        self._read_as.setdefault((row.sheet, column, said), []).append(row)

    def _spaced(self, typed: str) -> list[str]:
        """The parts of a county cell that names no unit whole but whose parts, split at white
        space, name one or more units ("武陟县 温县", "武陟　温县": a project shared, written
        with spaces for 、; tryout 18 (5)); [] otherwise, so a name spaced for alignment
        ("温  县", a whole name) is read whole and a cell naming no unit at all is refused as
        it is. Every part must then name a unit, or the unknown ones are refused by name."""
        pieces = [clean_text(piece) for piece in unicodedata.normalize("NFKC", typed).split()]
        pieces = [piece for piece in pieces if piece]
        if len(pieces) < 2 or not any(self.named(piece) for piece in pieces):
            return []
        return pieces

    def _names_only(self, location: str) -> list[Region]:
        """The units a location of two or more parts names when every part is a unit's name
        ("解放区/温县", or split at white space as a county cell is, "武陟县 温县": `_spaced`),
        first named first; [] otherwise: such a 所在地 says the counties as a county cell would
        (tryout 14 L7, where it was left to the heading above; issue 9 leftovers, where the
        spaced one was refused)."""
        parts = [part for part in _COUNTY_SEPARATORS.split(clean_text(location)) if part]
        parts = parts if len(parts) > 1 else self._spaced(location)
        found = [self.named(part) for part in parts]
        if len(parts) < 2 or None in found:
            return []
        return list(dict.fromkeys(c for c in found if c is not None))

    def _led(self, row: Row, typed: str, counties: list[Region], column: Field) -> Placement | None:
        """Several counties with the one that counts the project: the 牵头县区 cell's when
        given (a fault when it is not among them), else the first named (issue 9 §6)."""
        lead_typed = row.values.get(Field.LEAD_COUNTY, "")
        if not lead_typed:
            return Placement(counties[0], tuple(counties[1:]))
        lead = self.named(lead_typed)
        if lead not in counties:
            where = "所在县区" if column == Field.COUNTY else column.value
            row.fault(Field.LEAD_COUNTY, f"「{lead_typed}」不在{where}「{typed}」之中")
            return None
        return Placement(lead, tuple(c for c in counties if c != lead), lead_named=True)

    def _layout_sources(
        self, row: Row, table: Table, *, city_too: bool
    ) -> list[CountySource[Region]]:
        """The units the layout names for a row: the outermost heading above it naming one (a
        town's or park's heading under a county's keeps the county; a heading naming the city
        over counties' headings names none), its sheet's name, its sheet's title. With
        `city_too` (a row whose own cells name no county), a heading or a sheet's name standing
        for the city's own projects (三、市直项目, 市本级) names the city; a county cell under it
        says where such a project lies, and a sheet or title of the whole city (全市, 焦作市)
        names nothing."""
        sources = []
        heading = next((h for h in row.headings if self.find(h) is not None), "")
        if heading:
            county = self.find(heading)
            sources.append(CountySource(SourceKind.HEADING, "所在标题行", heading, (county,)))
        elif city_too and (heading := next(filter(self.names_city, row.headings), "")):
            sources.append(CountySource(SourceKind.HEADING, "所在标题行", heading, (self.city,)))
        if county := self.find(table.sheet):
            sources.append(CountySource(SourceKind.SHEET, "工作表名", table.sheet, (county,)))
        elif city_too and self.names_own(table.sheet):
            sources.append(CountySource(SourceKind.SHEET, "工作表名", table.sheet, (self.city,)))
        if table.title and (county := self.find(table.title)):
            title = without_stated_units(table.title)
            sources.append(CountySource(SourceKind.TITLE, "标题", title, (county,)))
        return sources

    def _code_source(self, row: Row, table: Table) -> CountySource[Region] | None:
        """The unit a project code's region names; None for a code coded by the city or the
        province (it says nothing of the county), with a fault for a region outside the city."""
        code = row.values.get(Field.CODE, "")
        if not code:
            return None
        region = code_region(code)
        if region in (self.city.code, getattr(self.city.parent, "code", None)):
            return None
        if county := self._by_code.get(region):
            return CountySource(
                SourceKind.CODE, _column(table, Field.CODE, "「{}」"), code, (county,)
            )
        division = divisions()[region]
        if division.parent == self.city.code:
            row.fault(
                Field.CODE, f"区划代码{region}是{division.name}，不是{self.city.name}的县区或园区"
            )
        else:
            row.fault(Field.CODE, f"区划代码{region}是{division.name}，不在{self.city.name}")
        return None

    def _city_by_layout(self, table: Table) -> Placement | None:
        """The city itself for a row whose sheet is named for the whole city (全市, 焦作市) when
        nothing else places it."""
        if self.names_city(table.sheet):
            return Placement(self.city, source=f"工作表名「{table.sheet}」")
        return None


# What the report says a county was taken from (`placement_notes`), by the source's kind.
_TAKEN_FROM = {
    SourceKind.HEADING: "标题行「{}」",
    SourceKind.SHEET: "工作表名「{}」",
    SourceKind.TITLE: "表头标题「{}」",
    SourceKind.CODE: BY_CODE,
}


def _column(table: Table, column: Field, form: str = "「{}」列") -> str:
    """How a message names a column: by its header as the sheet has it ("「县区」列")."""
    index = next((i for i, name in table.header.columns.items() if name == column), None)
    shown = table.header.shown(index).rsplit("／", 1)[-1] if index is not None else ""
    return form.format(shown or column.value)


def unread_heading_faults(
    table: Table, placed: Sequence[tuple[Row, Placement]]
) -> list[SheetFault]:
    """A row passed over as no project row whose text names one of the city's units (kept in
    `table.passed_over`), while project rows below it, under no later heading, take their
    county from a heading above it: it looks like a county heading in a form not read, and
    those rows would silently keep the county above. One fault per such row, naming it, the
    rows below and the heading they would take; never passed over in silence (tryout 6 of
    issue 9, the safety net of S1)."""
    faults = []
    for passed in table.passed_over:
        below = [
            (row, placement)
            for row, placement in placed
            if row.sheet == table.sheet
            and row.number > passed.number
            and row.section == passed.section
            and placement.source.startswith("标题行")
        ]
        if not below:
            continue
        numbers = "、".join(str(row.number) for row, _ in below[:10])
        more = f"等{len(below)}行" if len(below) > 10 else "行"
        faults.append(
            SheetFault(
                table.sheet,
                passed.number,
                None,
                f"「{passed.text}」像是县区标题，但未能识别；其下第{numbers}"
                f"{more}将取上方的{below[0][1].source}为所在县区，可能有误。请把该行写成"
                "「二、温县」「温县（3个）」这样只含一个县区名称的标题行，或增加「所在县区」列"
                "逐行填写后再导入",
            )
        )
    return faults


def taken_from_notes(placed: Sequence[tuple[Row, Placement]]) -> list[str]:
    """What the report says of counties taken from the layout, not the row's own cells:
    "工作表「温县」第3、4行未填所在县区，取自工作表名「温县」"."""
    notes = []
    by_source: dict[tuple[str, str], list[int]] = {}
    for row, placement in placed:
        if placement.source:
            by_source.setdefault((row.sheet, placement.source), []).append(row.number)
    for (sheet, source), numbers in by_source.items():
        shown = "、".join(str(number) for number in numbers[:10])
        more = f"等{len(numbers)}行" if len(numbers) > 10 else "行"
        notes.append(f"工作表「{sheet}」第{shown}{more}未填所在县区，取自{source}")
    return notes


def placement_notes(placed: Sequence[tuple[Row, Placement]]) -> list[str]:
    """What the report says of where projects were placed: counties taken from the layout
    (`taken_from_notes`), projects lying in several counties, and projects of the city itself."""
    notes = taken_from_notes(placed)
    for row, placement in placed:
        name = row.values.get(Field.NAME, "")
        if placement.others:
            where = "、".join(c.name for c in placement.counties)
            why = "首个填写的县区"
            if placement.lead_named:
                why = "牵头县区"
            elif placement.lead_kept:
                why = "台账中已有的牵头县区，表中未填牵头县区"
            notes.append(
                f"工作表「{row.sheet}」第{row.number}行「{name}」位于{where}，"
                f"由{placement.lead.name}（{why}）计入县区排名"
            )
        elif is_top(placement.lead):
            typed = (
                placement.source
                or row.values.get(Field.COUNTY)
                or row.values.get(Field.LOCATION, "")
            )
            notes.append(
                f"工作表「{row.sheet}」第{row.number}行「{name}」为"
                f"{level_character(placement.lead.name)}级项目（{typed}），"
                f"计入{whole(placement.lead.name)}合计，不参加县区排名"
            )
    return notes


def place(row: Row, other: Row) -> str:
    """How a fault names another row: "第12行", or with its sheet when that differs."""
    sheet = f"工作表「{other.sheet}」" if other.sheet != row.sheet else ""
    return f"{sheet}第{other.number}行"
