"""Travel between a tour's places: whole minutes and kilometres, from coordinates or a sheet.

From coordinates, a leg is the great-circle distance times a road factor, driven at a set
speed. From a sheet, it is what the sheet says. The sheet (.xlsx, .xls, .ods, .csv…) is a
square table:

    观摩点位行车时间表（分钟）            ← title lines above the header are allowed
    出发地\\到达地 | 市政府 | 甲项目 | 乙项目   ← header: a corner cell, then the places
    市政府         |        |   25   |   40     ← one row per place: minutes from it to each
    甲项目         |   25   |        |   18
    乙项目         |   40   |   18   |

The header is the first row with at least two filled cells; its first cell is a free label.
Every place in the header has a row and every row's place is in the header. Cells hold whole
or decimal minutes (rounded up), not negative; a blank cell off the diagonal is a fault, the
diagonal may stay blank (0). The table need not be symmetric: one-way streets and turn-arounds
make A→B and B→A differ. Distances are optional: a sheet whose name contains 距离 or 公里,
laid out the same way, gives kilometres; the minutes are on the first other sheet.
Places are matched by name, ignoring white space and full-width/half-width differences.

The unit is the one the title or a line above the header states (guanmo.sheets.stated_units:
"（单位：小时）", "单位：分钟"), minutes when none does: hours become minutes exactly and are then
rounded half up to a whole minute, with a note (tryout 8, V02: 0.58 hours is 35 minutes, never 1).
A cell may carry its own unit ("25分钟", "1小时1分", "1.5小时"); a stated unit that is no time
(or, on the distance sheet, no distance) is refused naming its line.
"""

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cached_property
from os import PathLike
from typing import IO, Protocol

from django.conf import settings

from guanmo.regions.names import clean_text
from guanmo.sheets.faults import SheetFault
from guanmo.sheets.formats import Unreadable, open_workbook
from guanmo.sheets.stated_units import stated_units

Source = str | PathLike[str] | IO[bytes]  # a path, or a binary file object such as an upload

EARTH_RADIUS_KM = 6371.0088  # the IUGG mean radius
ROAD_FACTOR = Decimal("1.3")  # roads are longer than the straight line; 1.3 suits a city
SPEED_KMH = Decimal(40)
_TENTH = Decimal("0.1")
_MILLIONTH = Decimal("0.000001")
_MAX_KM = Decimal(5000)  # farther than any two places of one province
_HEADER_SEARCH_ROWS = 20
_DISTANCE_SHEET_WORDS = ("距离", "公里")
_UNITS = ("公里", "千米", "km")  # "12.5公里" is typed too
# A sheet's stated unit → minutes in one; kilometres in one.
_TIME_UNITS = {"分钟": 1, "分": 1, "min": 1, "小时": 60, "时": 60, "h": 60}
_DISTANCE_UNITS = {"公里": 1, "千米": 1, "km": 1}
# A time typed with its unit: "25分钟", "1小时1分", "1.5小时", "1小时".
_TYPED_TIME = re.compile(
    r"(?:(?P<hours>\d+(?:\.\d+)?)\s*(?:小时|h))?\s*(?:(?P<minutes>\d+(?:\.\d+)?)\s*(?:分钟|分|min))?"
)


@dataclass(frozen=True)
class Place:
    key: str
    name: str
    latitude: float  # WGS84 degrees
    longitude: float


class TravelTimes(Protocol):
    def minutes(self, a: str, b: str) -> int:
        """Minutes to drive from place `a` to place `b`, whole, rounded up."""
        ...

    def km(self, a: str, b: str) -> Decimal | None:
        """Kilometres from `a` to `b` to one decimal; None when the source gives no distances."""
        ...


def great_circle_km(a: Place, b: Place) -> float:
    """The haversine distance between two places on a sphere of the Earth's mean radius."""
    lat_a, lat_b = math.radians(a.latitude), math.radians(b.latitude)
    half_dlat = (lat_b - lat_a) / 2
    half_dlon = math.radians(b.longitude - a.longitude) / 2
    h = math.sin(half_dlat) ** 2 + math.cos(lat_a) * math.cos(lat_b) * math.sin(half_dlon) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class CoordinateTravel:
    """Travel estimated from coordinates: great-circle km × road factor, at a steady speed."""

    places: tuple[Place, ...]
    road_factor: Decimal = ROAD_FACTOR
    speed_kmh: Decimal = SPEED_KMH

    @cached_property
    def _by_key(self) -> dict[str, Place]:
        return {place.key: place for place in self.places}

    def road_km(self, a: str, b: str) -> Decimal:
        """The unrounded road distance, to the micrometre (float noise never reaches a minute)."""
        if a == b:
            return Decimal(0)
        straight = Decimal(repr(great_circle_km(self._by_key[a], self._by_key[b])))
        return (straight * self.road_factor).quantize(Decimal("0.000000001"))

    def minutes(self, a: str, b: str) -> int:
        hours = self.road_km(a, b) / self.speed_kmh
        return int((hours * 60).quantize(Decimal("0.000001")).to_integral_value(ROUND_CEILING))

    def km(self, a: str, b: str) -> Decimal:
        return self.road_km(a, b).quantize(_TENTH, ROUND_HALF_UP)


@dataclass(frozen=True)
class MatrixTravel:
    """Travel as an uploaded sheet gives it; places are looked up by name."""

    places: tuple[str, ...]  # the names as the sheet spells them, in its order
    travel_minutes: dict[tuple[str, str], int] = field(repr=False)  # by cleaned names
    distances_km: dict[tuple[str, str], Decimal] | None = field(default=None, repr=False)
    notes: tuple[str, ...] = ()  # what reading the sheet assumed or converted

    def minutes(self, a: str, b: str) -> int:
        if clean_text(a) == clean_text(b):
            return 0
        return self.travel_minutes[clean_text(a), clean_text(b)]

    def km(self, a: str, b: str) -> Decimal | None:
        if self.distances_km is None:
            return None
        if clean_text(a) == clean_text(b):
            return Decimal(0)
        return self.distances_km[clean_text(a), clean_text(b)]

    def knows(self, place: str) -> bool:
        return clean_text(place) in self._known

    @cached_property
    def _known(self) -> frozenset[str]:
        return frozenset(clean_text(name) for name in self.places)


def read_travel_matrix(source: Source) -> tuple[MatrixTravel | None, list[SheetFault]]:
    """The travel matrix in an uploaded workbook (any format guanmo.sheets reads), or None and
    the faults that stop it."""
    try:
        sheets = {sheet.name: sheet.rows for sheet in open_workbook(source)}
    except FileNotFoundError:
        return None, [SheetFault("", None, None, f"找不到文件：{source}")]
    except Unreadable as error:
        return None, [SheetFault("", None, None, error.message)]
    distance_titles = [t for t in sheets if any(w in t for w in _DISTANCE_SHEET_WORDS)]
    minute_titles = [t for t in sheets if t not in distance_titles]
    if not minute_titles:
        return None, [SheetFault("", None, None, "没有行车时间表：距离表之外还应有一张分钟表")]
    notes: list[str] = []
    tables = [title for title in minute_titles if _find_header(sheets[title]) is not None]
    if not tables:
        return None, [
            SheetFault(title, None, None, f"工作表「{title}」中没有找到行车时间表（{_NO_HEADER}）")
            for title in minute_titles
        ]
    minutes_sheet = tables[0]
    passed = minute_titles[: minute_titles.index(minutes_sheet)]
    notes += [f"工作表「{title}」不是行车时间表（{_NO_HEADER}），已跳过" for title in passed]
    places, minutes, faults = _read_table(
        minutes_sheet, sheets[minutes_sheet], _minutes, _TIME_UNITS, notes
    )
    distances = None
    if distance_titles:
        distance_sheet = distance_titles[0]
        km_places, distances, km_faults = _read_table(
            distance_sheet, sheets[distance_sheet], _kilometres, _DISTANCE_UNITS, notes
        )
        faults += km_faults
        if not faults and {clean_text(p) for p in km_places} != {clean_text(p) for p in places}:
            message = f"距离表的地点与「{minutes_sheet}」的地点不一致"
            faults.append(SheetFault(distance_sheet, None, None, message))
    if faults:
        return None, faults
    return MatrixTravel(tuple(places), minutes, distances, tuple(notes)), []


def _text(value: object) -> str:
    """A cell as one line of text: a name typed across two lines becomes one."""
    return "".join(str(value).split("\n")).strip()


def _minutes(value: object, per: int = 1) -> int:
    """Whole minutes of a cell in a sheet whose unit is `per` minutes (60 for hours): decimal
    minutes round up; a time from hours rounds half up (0.5833… hours is 35 minutes, float noise
    of 35.000000000000004 aside: the minutes are taken to a millionth first). Raises ValueError
    saying why a cell cannot be read."""
    # A day's drive at most (settings): the route solver works in bounded integers.
    limit = settings.GUANMO_TRAVEL_MAX_MINUTES
    number, from_hours = _duration(value, per)
    if number > limit:
        raise ValueError(f"超过{limit}分钟的上限：{_text(value)}")
    if from_hours:  # to a millionth first, as from coordinates: float noise never decides
        return int(number.quantize(_MILLIONTH).to_integral_value(ROUND_HALF_UP))
    return int(number.to_integral_value(ROUND_CEILING))


def _duration(value: object, per: int) -> tuple[Decimal, bool]:
    """(minutes, whether from hours) of a cell: a number in the sheet's unit (`per` minutes),
    or a text carrying its own ("25分钟", "1小时1分", "1.5小时")."""
    text = unicodedata.normalize("NFKC", str(value)).strip() if isinstance(value, str) else ""
    typed = _TYPED_TIME.fullmatch(text) if text else None
    if typed is None or not (typed["hours"] or typed["minutes"]):
        return _number(value) * per, per != 1
    hours, minutes = Decimal(typed["hours"] or 0), Decimal(typed["minutes"] or 0)
    return hours * 60 + minutes, bool(typed["hours"])


def _kilometres(value: object, per: int = 1) -> Decimal:
    number = _number(value) * per
    if number > _MAX_KM:
        raise ValueError(f"超过{_MAX_KM}公里的上限：{_text(value)}")
    return number.quantize(_TENTH, ROUND_HALF_UP)


def _number(value: object) -> Decimal:
    if isinstance(value, bool):
        raise ValueError(f"不是数字：{value}")
    text = unicodedata.normalize("NFKC", str(value)).strip()
    for unit in _UNITS:
        text = text.removesuffix(unit).strip()
    try:
        number = Decimal(repr(value) if isinstance(value, float) else text)
    except InvalidOperation:
        raise ValueError(f"不是数字：{_text(value)}") from None
    if not number.is_finite():
        raise ValueError(f"不是数字：{_text(value)}")
    if number < 0:
        raise ValueError("不能为负数")
    return number


def _read_table(
    sheet: str,
    rows: Sequence[tuple],
    parse,
    units: dict[str, int],
    notes: list[str],
) -> tuple[list[str], dict, list]:
    """Places, the figure for each ordered pair (by cleaned names), and faults; `parse` reads a
    cell in the unit stated above the header (`units`: word → the first unit it makes; the
    first is assumed when none is stated). A note says a unit converted."""
    faults: list[SheetFault] = []
    found = _find_header(rows)
    if found is None:
        return [], {}, [SheetFault(sheet, None, None, f"未找到表头：{_NO_HEADER}")]
    header_at, label = found
    header_row = header_at + 1  # Excel's numbering
    per, stated_faults = _stated_unit(sheet, rows[:header_at], units, notes)
    if stated_faults:
        return [], {}, stated_faults
    columns: dict[int, str] = {}  # column position → place name
    seen: set[str] = set()  # cleaned names met so far: one look-up per cell, not per pair
    for position, value in enumerate(rows[header_at][label + 1 :], start=label + 1):
        if _blank(value):
            continue
        name = _text(value)
        if clean_text(name) in seen:
            faults.append(SheetFault(sheet, header_row, name, "地点在表头中重复"))
        seen.add(clean_text(name))
        columns[position] = name
    lines: list[tuple[int, str, tuple]] = []  # Excel row number, place, the row
    seen = set()
    for offset, row in enumerate(rows[header_at + 1 :], start=header_row + 1):
        if len(row) <= label or _blank(row[label]):
            if any(not _blank(value) for value in row[label:]):
                faults.append(SheetFault(sheet, offset, None, "第一列缺少地点名称"))
            continue
        name = _text(row[label])
        if clean_text(name) in seen:
            faults.append(SheetFault(sheet, offset, None, f"「{name}」的行重复"))
            continue
        seen.add(clean_text(name))
        lines.append((offset, name, row))
    by_clean_column = {clean_text(name): name for name in columns.values()}
    row_names = {clean_text(name) for _, name, _ in lines}
    for number, name, _ in lines:
        if clean_text(name) not in by_clean_column:
            faults.append(SheetFault(sheet, number, None, f"「{name}」不在表头中"))
    for name in columns.values():
        if clean_text(name) not in row_names:
            faults.append(SheetFault(sheet, header_row, name, f"表头中的「{name}」没有对应的行"))
    figures = {}
    for number, origin, row in lines:
        for position, destination in columns.items():
            value = row[position] if position < len(row) else None
            same = clean_text(origin) == clean_text(destination)
            if _blank(value):
                if not same and clean_text(origin) in by_clean_column:
                    message = f"缺少从「{origin}」到「{destination}」的数值"
                    faults.append(SheetFault(sheet, number, destination, message))
                continue
            try:
                figures[clean_text(origin), clean_text(destination)] = parse(value, per)
            except ValueError as error:
                message = f"从「{origin}」到「{destination}」的数值{error}"
                faults.append(SheetFault(sheet, number, destination, message))
    if not faults and len(columns) < 2:
        faults.append(SheetFault(sheet, header_row, None, "至少要有两个地点"))
    return [name for _, name, _ in lines], figures, faults


_NO_HEADER = f"前{_HEADER_SEARCH_ROWS}行中没有列出地点名称的一行"
_SERIAL_WORDS = frozenset({"序号", "编号", "序"})


def _find_header(rows: Sequence[tuple]) -> tuple[int, int] | None:
    """Where the square table's header is: (its row index, the column of the places' names),
    or None when no row of the first 20 has two filled cells. The header is the first row
    naming at least two places that rows name too (a title line with a second cell,
    "制表日期：…", is not it), else the first with two filled cells; a 序号/编号 column before the
    places' names is passed over (tryout 8 V04, V05)."""
    first = None
    names: dict[int, set[str]] = {}  # column → every name in it, cleaned once

    def named_in(label: int) -> set[str]:
        if label not in names:
            names[label] = {
                clean_text(_text(line[label]))
                for line in rows
                if len(line) > label and not _blank(line[label])
            }
        return names[label]

    for at, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        if sum(not _blank(value) for value in row) < 2:
            continue
        label = int(bool(row) and not _blank(row[0]) and clean_text(_text(row[0])) in _SERIAL_WORDS)
        first = first or (at, label)
        heads = {clean_text(_text(value)) for value in row[label + 1 :] if not _blank(value)}
        if len(heads & named_in(label)) >= 2:
            return at, label
    return first


def _stated_unit(
    sheet: str, rows_above: Sequence[tuple], units: dict[str, int], notes: list[str]
) -> tuple[int, list[SheetFault]]:
    """The sheet's unit as so many of `units`' first (60 for 小时 on a minutes sheet) and the
    faults of a stated unit that is none of `units`."""
    base = next(iter(units))
    time_sheet = "分钟" in units
    for stated in stated_units(rows_above):
        word = stated.words[0]
        if word.lower() in units:
            per = units[word.lower()]
            if per != 1:
                notes.append(
                    f"工作表「{sheet}」以{word}填报（{stated.place}写明），已换算为{base}，"
                    "四舍五入到整分钟"
                )
            return per, []
        kind = (
            "时间单位；行车时间表应以分钟或小时填报"
            if time_sheet
            else "距离单位；距离表应以公里填报"
        )
        return 1, [SheetFault(sheet, stated.row, None, f"「{stated.text}」不是{kind}")]
    return 1, []


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
