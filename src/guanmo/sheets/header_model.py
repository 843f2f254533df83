"""What a header is once found: where it stands and what each column holds (`Header`), how each
column was understood (`ColumnReading`), and what the import expects of it (`Expected`)."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from guanmo.regions.names import Named
from guanmo.sheets.advice import Channel
from guanmo.sheets.cells import (
    WAN_PER_YI,
)
from guanmo.sheets.faults import REMEMBERED, USER_NAMED, column_named, row_place
from guanmo.sheets.header_words import (
    NO_COLUMNS,
    Catalogue,
)
from guanmo.sheets.parts import (
    Parts,
)
from guanmo.sheets.remembered import Remembered


@dataclass(frozen=True)
class Expected:
    """What an import expects of its sheets: the year (and month) it loads, and the columns the
    user has named (header text key → field, None to ignore the column)."""

    year: int | None = None
    month: int | None = None
    mapping: Mapping[str, StrEnum | None] = field(default_factory=dict)
    # header key → how a mapping came from an earlier import: "沿用上次导入的对应（2025年6月30日，
    # 王某）" for one applied, FORGOTTEN for one the user dropped now
    remembered: Mapping[str, str] = field(default_factory=dict)
    # header key → the earlier import's mapping, for those in `mapping` not typed now: applied
    # only where it fits (guanmo.sheets.remembered)
    earlier: Mapping[str, Remembered] = field(default_factory=dict)
    # The units (counties, zones) rows may lie in: a heading naming one of them, in any form,
    # gives the rows under it that unit (guanmo.sheets.table.heading_text).
    places: Sequence[Named] = ()
    # Where the import came from: how its messages advise naming a column (guanmo.sheets.advice)
    channel: Channel = Channel.COMMAND


@dataclass(frozen=True)
class ColumnReading:
    """How one header column was understood: what the column map shows."""

    index: int  # 0-based
    text: str  # the header text as shown: "项目业主单位／业主名称"
    key: str  # what a user's mapping of it is matched by
    field: StrEnum | None  # the field it is read as; None when it is not read
    why: str = ""  # why it is not read, or how it came to be read ("用户指定")
    mapped_by: str = ""  # the key of the user's mapping that named it, if one did

    @property
    def named_by_user(self) -> bool:
        """Whether a user named the column, now or in an earlier import of the city."""
        return self.why.startswith((USER_NAMED, REMEMBERED))


@dataclass
class Header:
    """Where the header stands and what each column holds."""

    rows: tuple[int, ...]  # the Excel row numbers it spans, top to bottom
    columns: dict[int, StrEnum]  # column index (0-based) → field
    units: dict[int, Decimal]  # money column index → multiplier into 万元
    # what its columns are read as (none for a header a domain builds by hand)
    catalogue: Catalogue = field(default_factory=lambda: NO_COLUMNS)
    unknown: list[str] = field(default_factory=list)  # labels not understood
    unknown_indexes: list[int] = field(default_factory=list)  # their columns (0-based)
    repeated: list[str] = field(default_factory=list)  # a second column for the same field
    readings: list[ColumnReading] = field(default_factory=list)  # every column, in sheet order
    faults: list[tuple[int | None, str | None, str]] = field(default_factory=list)  # row, cell, why
    notes: list[str] = field(default_factory=list)  # what was set aside or assumed
    # where the sheet states its unit ("第2行「单位：亿元」") → the unit it states
    unit_places: dict[str, Decimal] = field(default_factory=dict)
    sheet_unit_columns: set[int] = field(default_factory=set)  # columns in the sheet's unit
    # non-money column index → (the unit its figures are given in, where a units line states
    # it): converted into the catalogue's stored unit (guanmo.sheets.measures)
    measures: dict[int, tuple[str, str]] = field(default_factory=dict)
    month_columns: dict[int, int] = field(default_factory=dict)  # "6月" column index → 6
    # the import's month when the sheet is read month by month (one column per month): its
    # month's column is this month's figure, the columns before it sum to the year's
    report_month: int | None = None
    text: str = ""  # every column's text, in order (HEADER_JOIN between): what a mapping fits
    parts: list[Parts] = field(default_factory=list)  # figures split into columns
    # faults of split figures, by the figure they stop: an import not reading it goes on
    part_faults: list[tuple[StrEnum, tuple[int | None, str | None, str]]] = field(
        default_factory=list
    )
    part_notes: list[tuple[StrEnum, str]] = field(default_factory=list)  # the same, of notes

    @property
    def fields(self) -> set[StrEnum]:
        """The fields the sheet gives, from a column of their own or from their parts."""
        return set(self.columns.values()) | {parts.field for parts in self.parts}

    @property
    def figure_columns(self) -> set[int]:
        """Every column read as money: the money fields', a month-by-month sheet's months and
        the parts of split figures."""
        money = {i for i, name in self.columns.items() if name in self.catalogue.money}
        return money | set(self.month_columns) | {i for each in self.parts for i in each.indexes}

    def field_of(self, index: int) -> StrEnum | None:
        """The field a column gives: its own, or the split figure it is a part of."""
        if index in self.columns:
            return self.columns[index]
        return next((each.field for each in self.parts if index in each.indexes), None)

    @property
    def unit_assumed(self) -> list[int]:
        """The money columns read in 万元 because nothing wrote their unit (no title, units
        line, note or header word): the national ledgers' default, an assumption to report."""
        if self.unit_places:
            return []
        return sorted(index for index in self.sheet_unit_columns if index in self.units)

    @property
    def in_yi(self) -> list[StrEnum]:
        """The money columns given in 亿元, in sheet order."""
        return [
            self.columns[index]
            for index, unit in self.units.items()
            if unit == WAN_PER_YI and index in self.columns
        ]

    def text_of(self, index: int) -> str:
        """What a column is called in messages: its field's label, else its header text (a month
        column of a month-by-month sheet: "3月")."""
        return self.columns[index].value if index in self.columns else self.shown(index)

    def index_of(self, name: StrEnum) -> int | None:
        """The column giving field `name` itself, or None."""
        return next((index for index, each in self.columns.items() if each == name), None)

    def place(self, sheet: str, rows: int | str, name: StrEnum) -> str:
        """Where the cells of field `name` in `rows` stand, as notes name them:
        "工作表「台账」第4行列G「累计完成投资」" (`faults.cell_place`, with the header as the sheet
        has it); "工作表「台账」第4行「累计完成投资」" when no column of its own gives it."""
        return row_place(sheet, rows) + self.named(name)

    def named(self, name: StrEnum) -> str:
        """Field `name`'s column as notes name it: "列G「累计完成投资」" (its letter and header as
        the sheet has it), or "「累计完成投资」" when no column of its own gives it."""
        index = self.index_of(name)
        if index is None:
            return f"「{name.value}」"
        return column_named(index, self.shown(index) or name.value)

    def shown(self, index: int) -> str:
        """A column's header text as the sheet has it ("1—6月累计（万元）"), as the map shows it."""
        return next((each.text for each in self.readings if each.index == index), "")
