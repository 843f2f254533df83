"""Reading the rows below a sheet's header: cells parsed, project rows kept, the rest set aside.

Below the header a row is blank, a category heading ("一、先进制造业项目（120个）"), a totals
row ("合计", "小计"), a project row, or something else (a footnote, a column-number line).
Only project rows come out; a totals row whose figures differ from the sum of the rows it
covers is noted.
"""

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from guanmo.regions.names import clean_text
from guanmo.sheets import cells
from guanmo.sheets.faults import SheetFault
from guanmo.sheets.header import MONEY_FIELDS, PROSE_FIELDS, Field, Header

_PARSERS: dict[Field, Callable[[object], object]] = {
    Field.NAME: cells.parse_line,
    Field.CODE: cells.parse_project_code,
    Field.OWNER: cells.parse_line,
    Field.COUNTY: cells.parse_line,
    Field.LOCATION: cells.parse_line,
    Field.INDUSTRY: cells.parse_line,
    Field.STAGE: cells.parse_stage,
    Field.LEVELS: cells.parse_levels,
    Field.SCOPE: cells.parse_paragraph,
    Field.YEARS: cells.parse_years,
    Field.RESPONSIBLE_UNIT: cells.parse_line,
    Field.LEADER_IN_CHARGE: cells.parse_line,
    Field.SITE_COMMISSIONER: cells.parse_line,
    Field.VISIBLE_PROGRESS: cells.parse_paragraph,
    Field.PROBLEMS: cells.parse_paragraph,
}
# The fields whose presence makes a row a project row (a footnote has none of them).
_PROJECT_MARKS = frozenset({Field.NAME, Field.CODE, Field.COUNTY}) | MONEY_FIELDS

_TOTALS_WORDS = ("合计", "总计", "小计")
_TOTALS_CELL_LENGTH = 12  # "全市重点项目合计（492个）" fits; a sentence in a note does not
_ENUMERATED = re.compile(
    r"^(?:第?[一二三四五六七八九十百零〇]+[、.,]|\([一二三四五六七八九十百]+\))"
)
_BARE_NUMERAL = re.compile(r"^\(?[一二三四五六七八九十百]+\)?$")
_COUNTED = re.compile(r"\(?共?\d+个(?:项目)?\)?$")


@dataclass
class Row:
    """A project row: its place, its parsed cells, and the faults found in it so far."""

    sheet: str
    number: int
    values: dict[Field, Any]
    heading: str = ""  # the category heading it stands under, e.g. "先进制造业"
    section: int = 0  # counts the headings above it; a 小计 row covers one section
    faults: list[SheetFault] = field(default_factory=list)

    def fault(self, column: Field, message: str) -> None:
        self.faults.append(SheetFault(self.sheet, self.number, column.value, message))

    def failed(self, column: Field) -> bool:
        return any(fault.column == column.value for fault in self.faults)


@dataclass
class Table:
    sheet: str
    header: Header
    rows: list[Row]


@dataclass(frozen=True)
class _Figure:
    """A figure in a totals row, as typed: in the sheet's unit, to so many decimal places."""

    typed: Decimal
    unit: Decimal

    @property
    def amount(self) -> Decimal:
        return self.typed * self.unit

    def agrees(self, rows_sum: Decimal) -> bool:
        """Whether the sum of the rows, rounded as the figure was typed, is the figure.

        (1234.57 agrees with 1234.5678; a total typed as 4000 does not with 4000.5.)
        """
        quantum = Decimal(10) ** -cells.decimal_places(self.typed)
        return (rows_sum / self.unit).quantize(quantum, ROUND_HALF_UP) == self.typed


@dataclass
class _Totals:
    number: int
    section: int | None  # a 小计 covers its category; 合计 and 总计 the whole sheet
    figures: dict[Field, _Figure]


def read_table(
    sheet: str, header: Header, rows: Iterable[Sequence[object]], used: frozenset[Field]
) -> tuple[Table, list[str]]:
    """The project rows below a header (`rows` starts just below it) and the notes on the rest."""
    reader = _TableReader(sheet, header, used)
    for number, raw in enumerate(rows, start=header.rows[-1] + 1):
        reader.take(number, raw)
    return reader.table, _header_notes(sheet, header) + reader.notes()


class _TableReader:
    """Sorts the rows below a header one at a time, remembering the headings and totals seen."""

    def __init__(self, sheet: str, header: Header, used: frozenset[Field]) -> None:
        self.table = Table(sheet, header, [])
        self.columns = [(i, name) for i, name in header.columns.items() if name in used]
        self.money = [(i, name) for i, name in self.columns if name in MONEY_FIELDS]
        self.width = max(header.columns) + 1
        # Where a totals label may stand: any column but the prose ones, named or not.
        self.label_columns = [
            i for i in range(self.width) if header.columns.get(i) not in PROSE_FIELDS
        ]
        self.headings: dict[int, str] = {}  # level → text of the headings above
        self.section = 0
        self.totals: list[_Totals] = []
        self.passed_over: list[int] = []

    def take(self, number: int, raw: Sequence[object]) -> None:
        if len(raw) < self.width:
            raw = (*raw, *(None,) * (self.width - len(raw)))
        if all(value is None or value == "" for value in raw):
            return
        if self._is_totals(raw):
            self.totals.append(self._totals(number, raw))
        elif number == self.table.header.rows[-1] + 1 and _is_column_numbers(raw):
            return
        elif heading := _heading(raw):
            level, text = heading
            self.headings = {k: v for k, v in self.headings.items() if k < level}
            self.headings[level] = text
            self.section += 1
        else:
            row = self._row(number, raw)
            if row.faults or any(row.values.get(mark) for mark in _PROJECT_MARKS):
                self.table.rows.append(row)
            else:
                self.passed_over.append(number)

    def _row(self, number: int, raw: Sequence[object]) -> Row:
        heading = self.headings.get(1) or self.headings.get(2, "")
        row = Row(self.table.sheet, number, {}, heading, self.section)
        units = self.table.header.units
        for index, name in self.columns:
            value = raw[index]
            if value is None:
                continue
            try:
                if name in MONEY_FIELDS:
                    row.values[name] = cells.parse_money(value, units[index])
                else:
                    row.values[name] = _PARSERS[name](value)
            except cells.CellError as error:
                row.fault(name, str(error))
        return row

    def _is_totals(self, raw: Sequence[object]) -> bool:
        for index in self.label_columns:
            value = raw[index]
            # Every totals word has 计: one cheap test before the real one.
            if (
                isinstance(value, str)
                and "计" in value
                and len(value) <= _TOTALS_CELL_LENGTH
                and any(word in value for word in _TOTALS_WORDS)
            ):
                return True
        return False

    def _totals(self, number: int, raw: Sequence[object]) -> _Totals:
        subtotal = any(isinstance(raw[i], str) and "小计" in raw[i] for i in self.label_columns)
        figures = {}
        for index, name in self.money:
            try:
                typed = cells.parse_money(raw[index])
            except cells.CellError:
                continue  # an unreadable total is no reason to stop; the rows are what counts
            if typed is not None:
                figures[name] = _Figure(typed, self.table.header.units[index])
        return _Totals(number, self.section if subtotal else None, figures)

    def notes(self) -> list[str]:
        sheet = self.table.sheet
        notes = _totals_notes(sheet, self.table.rows, self.totals, [name for _, name in self.money])
        if self.passed_over:
            shown = "、".join(str(n) for n in self.passed_over[:10])
            more = f"等{len(self.passed_over)}行" if len(self.passed_over) > 10 else "行"
            notes.append(
                f"工作表「{sheet}」第{shown}{more}不是项目行（无项目名称、县区和金额），已跳过"
            )
        return notes


def _header_notes(sheet: str, header: Header) -> list[str]:
    notes = []
    if header.unknown:
        notes.append(f"工作表「{sheet}」有未识别的列，已忽略：{'、'.join(header.unknown)}")
    if header.repeated:
        notes.append(f"工作表「{sheet}」有重复的列，只读第一列：{'、'.join(header.repeated)}")
    if header.in_yi:
        names = "、".join(f"「{name.value}」" for name in header.in_yi)
        notes.append(f"工作表「{sheet}」{names}以亿元填报，已换算为万元")
    return notes


def _heading(raw: Sequence[object]) -> tuple[int, str] | None:
    """(level, text) of a category heading row: "一、…" is level 1, "（一）…" level 2."""
    filled = [value for value in raw if value is not None and value != ""]
    first = filled[0]
    if not isinstance(first, str):
        return None
    text = cells.normalise(first)
    if _BARE_NUMERAL.match(text) and len(filled) > 1 and isinstance(filled[1], str):
        level, text = (2 if text.startswith("(") else 1), cells.normalise(filled[1])
    elif match := _ENUMERATED.match(text):
        level, text = (2 if text.startswith("(") else 1), text[match.end() :]
    elif len(filled) == 1 and _COUNTED.search(clean_text(text)):
        level = 1
    else:
        return None
    text = _COUNTED.sub("", clean_text(text)).removesuffix("项目")
    return level, text


def _is_column_numbers(raw: Sequence[object]) -> bool:
    """A line under the header numbering its columns: 1 2 3 … or A B C …"""
    filled = [cells.normalise(value) for value in raw if value is not None and value != ""]
    return len(filled) >= 3 and all(
        text.isdigit() or (len(text) == 1 and text.isascii() and text.isalpha()) for text in filled
    )


def _totals_notes(
    sheet: str, rows: list[Row], totals: list[_Totals], money: list[Field]
) -> list[str]:
    sums: dict[int | None, dict[Field, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for row in rows:
        for name in money:
            amount = row.values.get(name)
            if isinstance(amount, Decimal):
                sums[None][name] += amount
                sums[row.section][name] += amount
    notes = []
    for total in totals:
        covered = (
            sums[total.section] if total.section is not None and total.section > 0 else sums[None]
        )
        differences = [
            f"「{name.value}」合计{cells.format_wan(figure.amount)}万元，"
            f"各项目之和{cells.format_wan(covered[name])}万元"
            for name, figure in total.figures.items()
            if not figure.agrees(covered[name])
        ]
        if differences:
            notes.append(
                f"工作表「{sheet}」第{total.number}行合计与各项目之和不符：{'；'.join(differences)}"
            )
    return notes
