"""Reading the rows below a sheet's header: cells parsed, project rows kept, the rest set aside.

Below the header a row is blank, a heading ("一、武陟县", "（一）先进制造业", "温县（2个）"), a
breakdown ("其中：新开工项目（3个）"), a totals row ("合计", "小计", "武陟县小计"), a project row,
or something else (a footnote, a column-number line). Only project rows come out; every other
row read is listed as left out, with why.

A row is a heading, breakdown or totals row by its place and its shape, never by a word inside
a project's name: its label stands alone (no code, owner, stage, years or other project cell),
and a totals label ends in 合计/总计/小计 ("融合计算中心" is a project) or, with figures, names
the whole list alone ("全市（12个）"). Every figure a heading or
totals row carries (in the money columns the import reads) is checked against the rows it
covers, a figure that cannot be read is a fault naming its cell, and only a real disagreement
is noted: a heading's against its block, a 小计 against the rows between it and the nearest
heading or total (above it, else below it), a named 小计 ("武陟县小计") first against the rows
of that name, a 合计 against all rows (source: issue 9 §4).

A bundled project (打捆项目) may be followed by its sub-items: numbered under its number (1-1,
1-2 or （1）, （2） under 1), unnumbered rows named "其中：…" or "子项目：…", or the N rows of
"（打捆N个）" that carry no number of their own. A bundle is counted once, never beside its
parts: with figures of its own it is the project and its sub-items are left out, their sums
checked against it; without, it is left out and its sub-items are the projects (source:
tryout 4 L21).

A figure the header splits into columns (总投资 over its years, a plan over its quarters) is
read from its parts, row by row (guanmo.sheets.parts), and a totals row's sum of them is
checked as any figure of it is.
"""

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from guanmo.regions.names import (
    Named,
    clean_text,
    county_parts,
    region_mentioned,
    region_named,
    short_region_name,
    spoken_names,
)
from guanmo.sheets import cells
from guanmo.sheets.faults import (
    LeftOut,
    SheetFault,
    column_named,
    numbers_shown,
    quoted,
    row_place,
)
from guanmo.sheets.header import NOTE_LINE, Header, column_letter, note_text
from guanmo.sheets.measures import convert_noted, measure_notes
from guanmo.sheets.parts import Parts, read_parts
from guanmo.sheets.totals import (
    SUBTOTAL_WORD,
    TOTAL_WORDS,
    WHOLE_WORDS,
    block_sum,
    sums_to,
)

# The words are sheets.totals' (one rule for every sheet's totals rows).
_TOTALS_LABEL = re.compile(
    rf"^(?P<prefix>.{{0,16}}?)(?P<word>{'|'.join((*TOTAL_WORDS, SUBTOTAL_WORD))})[:]?"
    r"(?P<count>\(?共?\d+个(?:项目)?\)?)?$"
)
_GRAND_PREFIX = re.compile(rf"^(?:{'|'.join(WHOLE_WORDS)}|总)|重点项目$|^$")
# A label naming the whole list ("全市（12个）", "全县"): with figures, the list's total.
_WHOLE = re.compile(rf"^(?:{'|'.join(WHOLE_WORDS)})$")
_BREAKDOWN = re.compile(r"^其中[:、]?")
# A kind of project a breakdown line counts: "续建项目（3个）" under "其中：新开工项目（2个）".
_KIND_OF_PROJECT = re.compile(
    r"^(?:计划|拟)?(?:新开工|新建|续建|竣工|投产|前期|预备|储备|在建|谋划|完工|开工)"
)
_ENUMERATED = re.compile(
    r"^(?:第?[一二三四五六七八九十百零〇]+[、.,]|\([一二三四五六七八九十百]+\)[、.,]?)"
)
# A line of a project's funds broken down: "专项债券资金", "银行贷款", "企业自筹".
_FUNDS = re.compile(r"(?:资金|债券|专项债|贷款|自筹|补助|拨款)$")
_INDENTS = (" ", "\u3000", "\t")
# A serial alone in its cell, "一", "(一)" or "一、" (tryout 24 F2: 「一、」 beside 武陟县).
_BARE_NUMERAL = re.compile(r"^\(?[一二三四五六七八九十百]+\)?[、.,]?$")
_COUNTED = re.compile(r"\(?共?\d+个(?:项目)?\)?$")
# The unit a header states after a column's name: 规上企业（家） → 家, 从业人员(万人) → 万人.
_HEADER_UNIT = re.compile(r"\((?:单位:?)?([^()\d%]{1,6})\)$")
_KIND_WORDS = {"heading": "标题行", "subtotal": "小计行", "total": "合计行"}
# A heading row carrying figures ("一、新开工项目 | | 12345"): checked against its group as a
# subtotal is, never called 合计 (tryout 14).
HEADING_WITH_FIGURES = "分组标题（带小计）"
# A sign-off line under the table: "填表人：王芳 | 审核人：刘洋 | 联系电话： | 139…" (tryout 4 L04).
_SIGN_OFF = re.compile(
    r"^(?:(?:单位|统计|科室)?负责人|(?:填表|填报|审核|审批|制表|统计|经办)人?|分管领导|主要领导"
    r"|联系人|联系电话|电话|手机|(?:填报|填表|制表|报送)?日期|(?:填报|报送)单位)"
    r"(?:\((?:签字|签章|盖章)\)|签字|盖章)?(?::|\s|$)"
)
# Beside a sign-off label: a person's name ("李强") or a phone number ("0391-8888888").
_SIGNER = re.compile(r"^[\u4e00-\u9fff·]{2,4}$|^[\d\-() ]{7,}$")
# What a heading may carry around the place it names (tryout 6 of issue 9, H_a–H_e, L05, L32):
# a bullet, then an ordinal in Chinese numerals or digits followed by 、 . , : or a space, or
# inside brackets ("★", "2、", "二 ", "(二)", "(2)", "11、", "第三、"); after it a colon, a count
# ("(5个)", "共5个项目") or the word 项目/重点项目. Texts are NFKC-normalised first, so
# full-width brackets, points and digits are the half-width ones.
_ORDINAL = r"(?:第?[一二三四五六七八九十百零〇]+|\d{1,3})"
_HEADING_LEAD = re.compile(
    r"^[★☆●○■□◆◇※▲△▶►•·◎]*\s*"
    rf"(?:\(\s*{_ORDINAL}\s*\)\s*[、.,]?|{_ORDINAL}\s*[、.,。:]|{_ORDINAL}\s+)?"
)
_HEADING_TAIL = re.compile(
    r"(?:[:;]|\(\s*共?\s*\d+\s*个(?:项目)?\s*\)|共?\d+个(?:项目)?|(?:重点)?项目)\s*$"
)
_SUB_SERIAL = re.compile(r"^(?P<parent>\d+)[-—–.](?P<part>\d+)$|^\(\d+\)$")
_SUB_NAME = re.compile(r"^(?:其中|子项目)\d*[:、]")
_BUNDLED = re.compile(r"打捆(?P<count>\d+)个")


@dataclass
class Row:
    """A project row: its place, its parsed cells, and the faults found in it so far."""

    sheet: str
    number: int
    values: dict[StrEnum, Any]
    heading: str = ""  # the outermost heading it stands under, e.g. "武陟县" or "先进制造业"
    section: int = 0  # counts the headings above it
    headings: tuple[str, ...] = ()  # every heading it stands under, outermost first
    # the cells of those headings as typed (bounded, `faults.quoted`): what notes quote
    heading_cells: tuple[str, ...] = ()
    pending: dict[StrEnum, str] = field(default_factory=dict)  # money typed as 待定/暂无
    # money typed as a blank mark ("—", "/", "无"): read as blank, kept so a report can say so
    blank_marks: dict[StrEnum, str] = field(default_factory=dict)
    # money written beyond its digits ("(120)", "'50,000"): as typed, how it was read, and the
    # figure read in the column's unit ("-120")
    spellings: dict[StrEnum, tuple[str, str, str]] = field(default_factory=dict)
    faults: list[SheetFault] = field(default_factory=list)
    header: Header | None = None  # the header it was read under: what names its cells

    def fault(self, column: StrEnum, message: str) -> None:
        self.faults.append(SheetFault(self.sheet, self.number, column.value, message))

    def place(self, name: StrEnum, numbers: list[int] | None = None) -> str:
        """Where its cell of field `name` stands, as every note names it:
        "工作表「台账」第4行列G「累计完成投资」" (`Header.place`); with `numbers`, the cells of
        those rows of its sheet in the same column ("第4、6行列G「累计完成投资」")."""
        rows = numbers_shown(numbers) if numbers else self.number
        if self.header is None:
            return f"{row_place(self.sheet, rows)}「{name.value}」"
        return self.header.place(self.sheet, rows, name)

    def failed(self, column: StrEnum) -> bool:
        return any(fault.column == column.value for fault in self.faults)


@dataclass(frozen=True)
class PassedOver:
    """A row passed over as no project row whose text names one of the places the import
    knows ("以下为温县项目", "温县、孟州市"): where it stands among the headings (`section`, as
    `Row.section` counts them), so that an import whose rows below take their county from a
    heading above it can refuse it rather than let that heading carry on."""

    number: int
    text: str
    section: int


@dataclass
class Table:
    sheet: str
    header: Header
    rows: list[Row]
    title: str = ""  # the lines above the header, joined: "武陟县2025年市重点项目台账"
    left_out: list[LeftOut] = field(default_factory=list)
    faults: list[SheetFault] = field(default_factory=list)  # of the rows that are no project
    passed_over: list[PassedOver] = field(default_factory=list)  # those naming a place
    # rows labelled by a place's name alone whose figures are the sum of the rows above them:
    # subtotals of those rows, never headings of the rows below (tryout 10, L16)
    place_subtotals: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class _Figure:
    """A figure in a totals row, as typed: in the sheet's unit, to so many decimal places."""

    typed: Decimal
    unit: Decimal

    @property
    def amount(self) -> Decimal:
        return self.typed * self.unit

    def agrees(self, rows_sum: Decimal) -> bool:
        """Whether the sum of the rows, rounded as the figure was typed, is the figure
        (`sheets.totals.sums_to`)."""
        return sums_to(self.typed, rows_sum, self.unit)


@dataclass
class _Totals:
    """A row carrying figures for a block of project rows, and where it stands among them."""

    number: int
    kind: str  # "heading", "subtotal" or "total"
    position: int  # how many project rows stand above it
    figures: dict[StrEnum, _Figure]
    level: int = 0  # a heading's level
    name: str = ""  # what a named subtotal or a heading names: "武陟县"
    label: str = ""  # the row's own text, as typed: "温县小计"


def read_table(
    sheet: str,
    header: Header,
    rows: Iterable[Sequence[object]],
    used: frozenset[StrEnum],
    title: str = "",
    places: Sequence[Named] = (),
    hidden: Mapping[int, Sequence[object]] | None = None,
) -> tuple[Table, list[str]]:
    """The project rows below a header (`rows` starts just below it) and the notes on the rest.

    `places` are the units rows may lie in (a city's counties and zones): a row whose only
    label, once its numbering, bullet and tail are taken off (`heading_text`), names exactly
    one of them is a heading, in whatever form it is typed; a row passed over that names one
    is kept in `Table.passed_over`. `hidden` gives the cells of hidden rows left out (filled
    while `rows` is read): a total that disagrees by exactly one of them says so."""
    reader = _TableReader(sheet, header, used, places)
    reader.hidden = hidden if hidden is not None else {}
    reader.table.title = title
    for number, raw in enumerate(rows, start=header.rows[-1] + 1):
        reader.take(number, raw)
    reader.finish()
    return reader.table, _header_notes(sheet, header) + reader.notes()


class _TableReader:
    """Sorts the rows below a header one at a time, remembering the headings and totals seen."""

    def __init__(
        self, sheet: str, header: Header, used: frozenset[StrEnum], places: Sequence[Named] = ()
    ) -> None:
        self.table = Table(sheet, header, [])
        self.places = list(places)
        self.place_level: int | None = None  # the level place headings have stood at
        self.catalogue = catalogue = header.catalogue
        self.columns = [(i, name) for i, name in header.columns.items() if name in used]
        self.money = [(i, name) for i, name in header.columns.items() if name in catalogue.money]
        # The figures a heading or totals row is checked by: those the import reads.
        self.checked = [(i, name) for i, name in self.money if name in used]
        self.width = max(header.columns.keys() | header.figure_columns) + 1
        self.parts = [parts for parts in header.parts if parts.field in used]
        self.part_notes: list[str] = []
        # Cells whose filling shows a row is a project of its own (a code, an owner, a stage…);
        # not figures (家, 人, 亩): a totals row adds those up as it adds up money (tryout 8 P07).
        self.own_columns = [
            i
            for i, name in header.columns.items()
            if name not in catalogue.labels | catalogue.money | catalogue.measures.keys()
            and catalogue.parsers.get(name) is not cells.parse_figure
        ]
        self.money_columns = {i for i, _ in self.money}
        self.place_columns = {i for i, name in header.columns.items() if name in catalogue.places}
        self.headings: dict[int, str] = {}  # level → text of the headings above
        # level → (text, its cell as typed, whether numbered or counted: "一、…", "…（2个）")
        self.heading_cells: dict[int, tuple[str, str, bool]] = {}
        self.heading_notes: list[str] = []  # a place heading in other words inside a group
        self.section = 0
        self.totals: list[_Totals] = []
        self.hidden: Mapping[int, Sequence[object]] = {}
        self.place_figures: list[_Totals] = []  # place-name rows with figures, to check below
        self.passed_over: list[int] = []
        self.noted_figures: list[int] = []  # note rows holding more than their text
        self.breakdown_after: int | None = None  # project rows read when a 其中 line came
        self.serial_column = next(
            (i for i, name in header.columns.items() if name == catalogue.serial), None
        )
        self.bundle: _Bundle | None = None  # the numbered project row sub-items may follow
        self.bundles: list[_Bundle] = []
        self.unlabelled: list[tuple[int, str, str]] = []  # (row, rows it sums, 合计行/小计行)

    def take(self, number: int, raw: Sequence[object]) -> None:
        if len(raw) < self.width:
            raw = (*raw, *(None,) * (self.width - len(raw)))
        if all(value is None or value == "" for value in raw):
            return
        if number == self.table.header.rows[-1] + 1 and _is_column_numbers(raw):
            self._leave_out(number, "列序号行")
            return
        if note_text(raw) is not None:
            self._leave_out(number, "注释行")
            return
        if _is_note(raw):  # "注：本月全市完成投资 | | 12.5 | 亿元" (tryout 6 of issue 9, P26)
            self._leave_out(number, "注释行")
            self.noted_figures.append(number)
            return
        if _is_sign_off(raw):
            self._leave_out(number, "表尾签署行")
            return
        if self._repeats_header(raw):
            self._leave_out(number, "重复的表头行")
            return
        labels = self._labels(raw)
        if labels == [] and self._unlabelled(number, raw):
            return
        if labels is not None and self._layout_row(number, raw, labels):
            return
        row = self._row(number, raw)
        if row.faults or any(row.values.get(mark) for mark in self.catalogue.marks):
            self._take_row(row, raw)
        else:
            self.passed_over.append(number)
            self._leave_out(number, "非项目行")
            text = " ".join(cells.normalise(v) for v in raw if isinstance(v, str) and v.strip())
            if self._names_a_place(text):
                self.table.passed_over.append(PassedOver(number, text, self.section))

    def _names_a_place(self, text: str) -> bool:
        """Whether a text mentions one of the places by any of its names."""
        key = clean_text(text)
        return any(
            name in key for place in self.places for name in spoken_names(clean_text(place.name))
        )

    def _place(self, label: str, heading: tuple[int, str] | None) -> str:
        """What a label names as a heading of a place, or "": once its numbering, bullet and
        tail are taken off (`heading_text`) it is one place's name, or (a heading already by
        its form, "一、武陟县产业项目") it speaks of exactly one place (`region_mentioned`: by a
        whole name of it, never a part of one)."""
        named = heading_text(label)
        if named and region_named(named, self.places):
            return named
        if heading is not None and region_mentioned(heading[1], self.places):
            return heading[1]
        return ""

    def _take_row(self, row: Row, raw: Sequence[object]) -> None:
        """Keep a project row, unless it is a sub-item of the bundle above it (see the module)."""
        serial = "" if self.serial_column is None else cells.parse_line(raw[self.serial_column])
        serial = cells.normalise(serial)
        bundle = self.bundle
        name = cells.normalise(row.values.get(self.catalogue.name, ""))
        if bundle is None or not bundle.takes(serial, name):
            self.table.rows.append(row)
            self.bundle = _Bundle(row, serial, name) if serial.isdigit() else None
            return
        if not bundle.parts:
            self.bundles.append(bundle)
            if not bundle.has_figures(self.checked):
                self.table.rows.remove(bundle.row)
                self._leave_out(bundle.row.number, "打捆项目行（其子项目逐个导入）")
        bundle.parts.append(row)
        if bundle.has_figures(self.checked):
            self._leave_out(row.number, f"子项目行（第{bundle.row.number}行打捆项目的组成部分）")
        else:
            self.table.rows.append(row)

    def _repeats_header(self, raw: Sequence[object]) -> bool:
        """Whether the row is the header again, as a printed list repeats it on every page
        (fresh-eyes tryout 4, L30): every text in a read column is that column's header text
        or label, in two columns at least, and no cell holds a number."""
        header = self.table.header
        texts = {each.index: clean_text(each.text) for each in header.readings}
        same = 0
        for index, name in header.columns.items():
            value = raw[index] if index < len(raw) else None
            if value is None:
                continue
            if not isinstance(value, str):
                return False
            typed = clean_text(value)
            shown = texts.get(index, "")
            if typed not in (shown, shown.rsplit("／", 1)[-1], clean_text(name.value)):
                return False
            same += 1
        return same >= 2

    def _labels(self, raw: Sequence[object]) -> list[tuple[int, str]] | None:
        """(column, text) of a row that has no project cell of its own (None when it has one).

        Numbers outside the money columns are serial numbers and are not among them.
        """
        if any(raw[i] not in (None, "") for i in self.own_columns if i < len(raw)):
            return None
        return [
            (index, cells.normalise(value))
            for index, value in enumerate(raw)
            if index not in self.money_columns and isinstance(value, str) and value.strip()
        ]

    def _layout_row(
        self, number: int, raw: Sequence[object], labels: list[tuple[int, str]]
    ) -> bool:
        """Take a heading, breakdown or totals row; False when the row is none of them.

        Its label is its one text outside the serial and place columns; a place typed beside
        it names the block ("小计" | "武陟县"), or is the heading itself ("一" | "武陟县"). Alone,
        a place cell may hold the label itself ("合计", "一、温县" in a 县区 column standing
        before the names).
        """
        numerals = [text for _, text in labels if _BARE_NUMERAL.match(text)]
        places = [text for i, text in labels if i in self.place_columns]
        shown = [text for i, text in labels if i not in self.place_columns and not _is_serial(text)]
        alone = clean_text(places[0]) if len(places) == 1 else ""
        # "其中：新开工项目" in the 县区 column is a breakdown as in the name column (tryout 24 F4)
        if not shown and alone and (_is_label(alone) or _BREAKDOWN.match(alone)):
            shown, places = places, []
        if len(shown) > 1 or len(places) > 1 or not (shown or (numerals and places)):
            return False
        label = shown[0] if shown else places[0]
        text = clean_text(shown[0]) if shown else ""
        places = [clean_text(place) for place in places]
        indented = any(
            isinstance(raw[i], str) and raw[i][:1] in _INDENTS for i, typed in labels if typed
        )
        if _BREAKDOWN.match(text) or self._continues_breakdown(text, numerals, indented):
            self.breakdown_after = len(self.table.rows)
            self._leave_out(number, "其中行")
            return True
        self.bundle = None
        if match := _TOTALS_LABEL.match(text):
            named = match["prefix"] or (places[0] if places else "")
            grand = match["word"] != "小计" and bool(_GRAND_PREFIX.search(named))
            kind = "total" if grand else "subtotal"
            total = self._figure_row(number, raw, kind, name="" if grand else named)
            if not grand and self._closes_block(total):
                self._close_place(named)
            self._leave_out(number, "合计行" if grand else "小计行")
            return True
        whole = _COUNTED.sub("", clean_text(label)).rstrip(":")
        if not numerals and _WHOLE.match(whole) and self._has_figures(raw):
            # "全市（12个）" alone with figures: the whole list's total (tryout 6 of issue 9, L29)
            self._figure_row(number, raw, "total", name="")
            self._leave_out(number, "合计行")
            return True
        heading = _heading([*numerals, text or places[0]])
        place = self._place(label, heading)
        if heading is None and not place:
            return False
        if heading is None and self._has_figures(raw):
            self._place_with_figures(number, raw, place)
            return True
        level, name = heading or (1, place)
        if place:  # a place's heading stands beside the place headings before it, whatever
            level = self.place_level or level  # its form: "(二)温县" after "一、武陟县"
            self.place_level = level
        cell = quoted(next((raw[i] for i, typed in labels if typed == label), label))
        marked = heading is not None or _is_marked(label)
        if place:
            self._note_other_form(number, cell, place, marked)
        self.headings = {k: v for k, v in self.headings.items() if k < level}
        self.headings[level] = name
        self.heading_cells[level] = (name, cell, marked)
        self.section += 1
        heading_row = self._figure_row(number, raw, "heading", name=name, level=level)
        self._leave_out(number, HEADING_WITH_FIGURES if heading_row.figures else "标题行")
        return True

    def _unlabelled(self, number: int, raw: Sequence[object]) -> bool:
        """Take a row of figures only (no name, label or project cell; a serial number at most)
        below project rows: the 合计 of every row above when its figures are their sum, else
        the 小计 of its block (the rows since the last heading or total) when they are that
        block's, noted either way; otherwise a fault naming the row and both sums, for it may be
        a project whose name was left out (tryout 14 L5b; issue 9 §4: totals are known by
        their position and figures, never guessed). False (read on as a project row) when no
        project row is above or a figure cannot be read. Under a heading, a row that is its
        block's sum is the block's 小计 and closes it."""
        if not self.table.rows or not self._has_figures(raw):
            return False
        units = self.table.header.units
        try:
            for index, name in self.checked:
                cells.parse_money(raw[index], units[index], signed=name in self.catalogue.signed)
        except cells.CellError:
            return False
        total = self._figure_row(number, raw, "total", name="")
        block = _above(self.table.rows, self.totals, total)
        if self.headings and self._closes_block(total):
            kind = total.kind = "subtotal"  # under a heading: its block's, which it closes
            self.headings = {k: v for k, v in self.headings.items() if k < max(self.headings)}
        elif total.figures and _agrees(total, self.table.rows):
            kind, block = "total", self.table.rows
        elif self._closes_block(total):
            kind = total.kind = "subtotal"
        else:
            self.totals.remove(total)
            block = self.table.rows
            sums = "；".join(
                f"「{name.value}」本行{cells.format_wan(figure.amount)}万元，"
                f"{_span(block)}之和{cells.format_wan(_sum(block, name))}万元"
                for name, figure in total.figures.items()
            )
            self.table.faults.append(
                SheetFault(
                    self.table.sheet,
                    number,
                    self.catalogue.name.value if self.catalogue.name else None,
                    f"本行未填项目名称，所填金额也不等于上方各项目之和（{sums}），不知是合计行"
                    "还是漏填名称的项目；是项目的请填写项目名称，是合计行的请在名称栏写“合计”"
                    "后再导入",
                )
            )
            self._leave_out(number, "未填名称的行")
            return True
        self.unlabelled.append((number, _span(block), _KIND_WORDS[kind]))
        self._leave_out(number, _KIND_WORDS[kind])
        return True

    def _note_other_form(self, number: int, cell: str, place: str, numbered: bool) -> None:
        """Say a place heading written otherwise than the place heading whose group it stands
        in (`numbered` or not, `_is_marked`: "温县重点项目" under "一、武陟县"; "二、温县" and
        "2、温县" are numbered alike): a heading is a heading, so it starts the group of
        the place it names, and the report says so by its row, naming both places (tryout 18
        (6e): read with no word, its rows silently another county's than the heading above)."""
        level = self.place_level or 1
        current, before, was_numbered = self.heading_cells.get(level, ("", "", numbered))
        if self.headings.get(level) != current or was_numbered == numbered:
            return
        new, old = region_mentioned(place, self.places), region_mentioned(current, self.places)
        if new is None or old is None or new == old:
            return
        self.heading_notes.append(
            f"{row_place(self.table.sheet, number)}「{cell}」在「{before}」之下，写法不同但只含"
            f"{new.name}，按新的县区标题读取：其下各行属{new.name}，不属{old.name}"
        )

    def _place_with_figures(self, number: int, raw: Sequence[object], place: str) -> None:
        """A row labelled by a place's name alone ("武陟县 | 30000 | 10000") that carries money:
        the subtotal of the rows above it when its figures are their sum (it closes their
        block, so the place's heading above does not carry on to the rows after it), else the
        heading of the rows below it, checked against them once they are read (`finish`): a
        row with figures is a heading only when they are the sum of its block (tryout 10,
        L16, L14, P11; issue 9 §4)."""
        total = self._figure_row(number, raw, "subtotal", name=place)
        self.place_figures.append(total)
        if self._closes_block(total):
            self._close_place(place)
            self.table.place_subtotals.append(number)
            self._leave_out(number, "小计行")
            return
        level = self.place_level or 1
        self.place_level = level
        self.headings = {k: v for k, v in self.headings.items() if k < level}
        self.headings[level] = place
        self.section += 1
        total.kind, total.level = "heading", level
        self._leave_out(number, HEADING_WITH_FIGURES)

    def _closes_block(self, total: _Totals) -> bool:
        """Whether a totals row's figures are the sum of the project rows right above it (its
        block: those since the last heading or total)."""
        block = _above(self.table.rows, self.totals, total)
        return bool(block and total.figures) and _agrees(total, block)

    def _close_place(self, name: str) -> None:
        """End the block of the place heading `name` names: rows after its subtotal stand under
        no heading of that place."""
        key = short_region_name(clean_text(name))
        level = next(
            (
                level
                for level, text in sorted(self.headings.items())
                if short_region_name(clean_text(text)) == key
            ),
            None,
        )
        if level is not None:
            self.headings = {k: v for k, v in self.headings.items() if k < level}

    def finish(self) -> None:
        """Check each place-name row with figures against the block it was not read for: one
        whose figures are the sum of neither the rows above nor those below cannot be told a
        subtotal from a heading, and one that is the sum of both could be either; a fault
        naming the row and both readings, never a county guessed."""
        rows = self.table.rows
        for total in self.place_figures:
            above = _above(rows, self.totals, total)
            if total.kind == "heading":
                below = _blocks(rows, self.totals, total, None)[0]
            else:
                below = _below(rows, self.totals, total)
            fits_above = bool(above) and _agrees(total, above)
            fits_below = bool(below) and _agrees(total, below)
            if fits_above != fits_below or not above:
                continue
            self.table.faults.append(
                SheetFault(
                    self.table.sheet,
                    total.number,
                    next(iter(total.figures)).value,
                    _ambiguous_place(total, above, below, fits_above),
                )
            )
            total.figures = {}  # the fault says it; no note of a disagreement besides

    def _hidden_figures(self) -> dict[int, dict[StrEnum, Decimal]]:
        """The checked figures of each hidden row, in 万元 (those that read)."""
        found: dict[int, dict[StrEnum, Decimal]] = {}
        units = self.table.header.units
        for number, raw in self.hidden.items():
            for index, name in self.checked:
                value = raw[index] if index < len(raw) else None
                try:
                    amount = cells.parse_money(value, units[index], signed=True)
                except cells.CellError:
                    continue
                if amount is not None:
                    found.setdefault(number, {})[name] = amount
        return found

    def _has_figures(self, raw: Sequence[object]) -> bool:
        return any(raw[index] not in (None, "") for index, _ in self.checked)

    def _continues_breakdown(self, text: str, numerals: list[str], indented: bool) -> bool:
        """Whether a line right under a 其中 line (no project between) is the breakdown's next
        part: unnumbered and naming a kind of project, "续建项目（3个）" after "其中：新开工项目
        （2个）", it counts part of the total above, not all rows (tryout L2); or indented like
        the parts of a project's funds ("    专项债券资金" under "其中：中央预算内资金", fresh-eyes
        tryout 4, L27), or naming a source of funds."""
        return (
            self.breakdown_after == len(self.table.rows)
            and not numerals
            and not _ENUMERATED.match(text)
            and bool(indented or _KIND_OF_PROJECT.match(text) or _FUNDS.search(text))
        )

    def _figure_row(self, number: int, raw: Sequence[object], kind: str, **where: Any) -> _Totals:
        figures = {}
        for index, name in self.checked:
            unit = self.table.header.units[index]
            try:
                amount = cells.parse_money(raw[index], unit, signed=name in self.catalogue.signed)
            except cells.CellError:
                self._unreadable_figure(number, index, name, kind, raw[index])
                continue
            if amount is not None:  # as typed, in the sheet's unit, to the places typed
                figures[name] = _Figure((amount / unit).normalize(), unit)
        for parts in self.parts:  # a figure summed from its parts is checked as its sum
            if parts.whole is not None:
                continue
            read = read_parts(parts, raw, self.table.header.units, number, None)
            for index, message in read.faults:
                self.table.faults.append(
                    SheetFault(
                        self.table.sheet,
                        number,
                        self.table.header.shown(index),
                        f"{_KIND_WORDS[kind]}的{message}",
                    )
                )
            if read.value is not None:
                figures[parts.field] = _Figure(read.value.normalize(), Decimal(1))
        # Recorded even without figures: a heading or total bounds the blocks around it.
        label = next((cells.parse_line(v) for v in raw if isinstance(v, str) and v.strip()), "")
        total = _Totals(number, kind, len(self.table.rows), figures, label=label, **where)
        self.totals.append(total)
        return total

    def _unreadable_figure(
        self, number: int, index: int, name: StrEnum, kind: str, typed: object
    ) -> None:
        """A figure of a heading or totals row that cannot be read leaves the check of its rows
        nothing to compare: a fault naming the cell, never a figure passed over."""
        text = cells.parse_line(typed)
        what = f"是错误值 {text}" if text in cells.ERROR_VALUES else f"「{text}」不是数字"
        row = _KIND_WORDS[kind]
        self.table.faults.append(
            SheetFault(
                self.table.sheet,
                number,
                name.value,
                f"{row}的单元格{column_letter(index)}{number}{what}，无法与各项目之和核对；"
                "请改正后再导入",
            )
        )

    def _leave_out(self, number: int, reason: str) -> None:
        self.table.left_out.append(LeftOut(self.table.sheet, number, reason))

    def _heading_cell(self, level: int) -> str:
        """The cell of the heading at `level` as typed (`quoted`), or its text when that heading
        came otherwise (a place row with figures)."""
        text, cell, _ = self.heading_cells.get(level, ("", "", False))
        return cell if text == self.headings[level] and cell else self.headings[level]

    def _row(self, number: int, raw: Sequence[object]) -> Row:
        levels = sorted(self.headings)
        row = Row(
            self.table.sheet,
            number,
            {},
            heading=self.headings[levels[0]] if levels else "",
            section=self.section,
            headings=tuple(self.headings[level] for level in levels),
            heading_cells=tuple(self._heading_cell(level) for level in levels),
            header=self.table.header,
        )
        units, measures = self.table.header.units, self.table.header.measures
        for index, name in self.columns:
            value = raw[index]
            if value is None:
                continue
            try:
                cells.check_not_error(value)
                if name in self.catalogue.money:
                    row.values[name] = cells.parse_money(
                        value, units[index], signed=name in self.catalogue.signed
                    )
                    if isinstance(value, str) and clean_text(value) in cells.BLANK_MARKS - {""}:
                        row.blank_marks[name] = cells.parse_line(value)
                    amount = row.values[name]
                    spelling = cells.money_spelling(value, units[index])
                    if amount is not None and spelling:
                        read = cells.format_wan(amount / units[index])
                        row.spellings[name] = (cells.parse_line(value), spelling, read)
                else:
                    parsed = self._figure(index, name, value)
                    if measures.get(index, ("", ""))[0] and isinstance(parsed, Decimal):
                        parsed, kept = convert_noted(
                            parsed,
                            measures[index][0],
                            self.catalogue.measures[name],
                            self.catalogue.measure_places.get(name),
                        )
                        if kept:
                            self.part_notes.append(row.place(name) + kept)
                    row.values[name] = parsed
            except cells.PendingValue as error:
                if name not in self.catalogue.pending:
                    row.fault(name, str(error))
                else:
                    row.pending[name] = cells.parse_line(value)
            except cells.AccountingNegative as error:
                row.fault(name, f"{error}{self._signed_only()}")
            except cells.FinerThanOneYuan as error:
                row.fault(name, f"单元格{column_letter(index)}{number}为{error}")
            except cells.AmbiguousWan as error:
                row.fault(name, f"单元格{column_letter(index)}{number}{error}")
            except cells.UnreadCell as error:
                # The cell by its letter and the sheet's own header, as every note names a
                # cell (`faults.column_named`; tryout 20 F5: #REF! named by field alone).
                shown = self.table.header.shown(index) or name.value
                row.fault(name, f"{column_named(index, shown)}{error}")
            except cells.CellError as error:
                row.fault(name, str(error))
        for parts in self.parts:
            self._parts(row, raw, parts)
        if self.table.header.report_month:
            self._by_month(row, raw)
        return row

    def _figure(self, index: int, name: StrEnum, value: object) -> object:
        """A cell read by its column's parser; a figure typed with the unit its header states
        ("86家" under 规上企业（家）, "2.3万人" under 从业人员（万人）) is read as the number
        (tryout 8 P08). Raises CellError for any other text."""
        parser = self.catalogue.parsers[name]
        try:
            return parser(value)
        except cells.CellError:
            unit = _HEADER_UNIT.search(clean_text(self.table.header.shown(index)))
            text = clean_text(value) if isinstance(value, str) else ""
            if parser is not cells.parse_figure or not unit or not text.endswith(unit[1]):
                raise
            return parser(text.removesuffix(unit[1]))

    def _signed_only(self) -> str:
        """Why a column may not hold a negative: "（只有「本月完成投资」可以填负数）"."""
        signed = [name for name in self.catalogue.fields if name in self.catalogue.signed]
        if not signed:
            return ""
        return f"（只有{'、'.join(f'「{name.value}」' for name in signed)}可以填负数）"

    def _parts(self, row: Row, raw: Sequence[object], parts: Parts) -> None:
        """A split figure of the row (guanmo.sheets.parts): its sum, or its whole checked."""
        header = self.table.header
        read = read_parts(
            parts,
            raw,
            header.units,
            row.number,
            row.values.get(parts.field),
            signed=parts.field in self.catalogue.signed,
        )
        for index, message in read.faults:
            column = parts.field.value if index == parts.whole else header.shown(index)
            row.faults.append(SheetFault(row.sheet, row.number, column, message))
        if read.value is not None:
            row.values[parts.field] = read.value
        if read.note:
            self.part_notes.append(f"工作表「{row.sheet}」{read.note}")

    def _by_month(self, row: Row, raw: Sequence[object]) -> None:
        """A month-by-month row's figures (fresh-eyes tryout fault 4): the import month's column
        is this month's (read as any column), the months before it sum to the cumulative before
        it (a blank month is 0, as the sheet's note says), and 1—M月 is that plus this month's
        unless the sheet has its own total (then checked against it by the import). A figure in
        a later month is another period's: a fault naming its cell, never left out silently."""
        header, periods = self.table.header, self.catalogue.periods
        month = header.report_month
        before = Decimal(0)
        for index, number in sorted(header.month_columns.items(), key=lambda item: item[1]):
            if index in header.columns or raw[index] is None:
                continue
            label = header.text_of(index)
            try:
                amount = cells.parse_money(
                    raw[index],
                    header.units[index],
                    signed=periods.this_month in self.catalogue.signed,
                )
            except cells.CellError as error:
                row.faults.append(SheetFault(row.sheet, row.number, label, str(error)))
                continue
            if amount is None:
                continue
            if number > month:
                row.faults.append(
                    SheetFault(
                        row.sheet,
                        row.number,
                        label,
                        f"单元格{column_letter(index)}{row.number}填有{number}月的完成投资，"
                        f"晚于本次导入的{month}月，是另一时期的数，未导入",
                    )
                )
            else:
                before += amount
        if month > 1 and periods.previous:
            row.values[periods.previous] = before
        this_month = row.values.get(periods.this_month)
        if periods.year_to_date not in header.fields and this_month is not None:
            row.values[periods.year_to_date] = before + this_month

    def notes(self) -> list[str]:
        sheet = self.table.sheet
        place = self.catalogue.places[0] if self.catalogue.places else None
        notes = [parts.note(sheet) for parts in self.parts]
        notes += _totals_notes(self.table, self.totals, place, self._hidden_figures())
        notes += self.part_notes + self.heading_notes
        notes += [
            f"工作表「{sheet}」第{number}行未填名称，金额等于{span}各项目之和，按{kind}核对，未导入"
            for number, span, kind in self.unlabelled
        ]
        notes += _spelling_notes(sheet, self.table.header, self.table.rows)
        notes += [note for bundle in self.bundles if (note := bundle.note(sheet, self.checked))]
        if self.noted_figures:
            shown = "、".join(str(n) for n in self.noted_figures)
            notes.append(
                f"工作表「{sheet}」第{shown}行以「注：」「说明：」等开头，是注释行，"
                "其中的数字未导入"
            )
        if self.passed_over:
            shown = "、".join(str(n) for n in self.passed_over[:10])
            more = f"等{len(self.passed_over)}行" if len(self.passed_over) > 10 else "行"
            notes.append(
                f"工作表「{sheet}」第{shown}{more}不是{self.catalogue.row_word}行"
                f"（无{self.catalogue.row_marks}），已跳过"
            )
        return notes


@dataclass
class _Bundle:
    """A numbered project row and the sub-items found under it (see the module's doc)."""

    row: Row
    serial: str
    name: str
    parts: list[Row] = field(default_factory=list)

    def takes(self, serial: str, name: str) -> bool:
        """Whether a row numbered `serial` (maybe blank) and named `name` right below is one of
        its sub-items: numbered under it, named "其中：…"/"子项目…", or one of its 打捆N个."""
        if match := _SUB_SERIAL.match(serial):
            return match["parent"] in (None, self.serial)
        if not serial and _SUB_NAME.match(name):
            return True
        counted = _BUNDLED.search(self.name)
        return not serial and bool(counted) and len(self.parts) < int(counted["count"])

    def has_figures(self, checked: list[tuple[int, StrEnum]]) -> bool:
        return any(self.row.values.get(name) is not None for _, name in checked)

    def note(self, sheet: str, checked: list[tuple[int, StrEnum]]) -> str:
        """The figures of a bundle kept as the project that its sub-items do not add up to."""
        if not self.has_figures(checked):
            return ""
        differences = []
        for _, name in checked:
            own = self.row.values.get(name)
            given = [part.values[name] for part in self.parts if part.values.get(name) is not None]
            parts_sum = sum(given, Decimal(0))
            if isinstance(own, Decimal) and given and parts_sum != own:
                differences.append(
                    f"「{name.value}」{cells.format_wan(own)}万元，"
                    f"子项目之和{cells.format_wan(parts_sum)}万元"
                )
        if not differences:
            return ""
        return f"工作表「{sheet}」第{self.row.number}行打捆项目与其子项目之和不符：" + "；".join(
            differences
        )


def _spelling_notes(sheet: str, header: Header, rows: list[Row]) -> list[str]:
    """Figures written beyond their digits, read as Excel shows them, said once per column and
    way: "工作表「台账」第2、3行「本月完成投资」括号表示负数，按负数读取（如「(120)」读作-120）"
    (tryout 7 of issue 9: '50,000 and (120) were refused as no numbers)."""
    found: dict[tuple[StrEnum, str], list[Row]] = {}
    for row in rows:
        for name, (_, spelling, _) in row.spellings.items():
            found.setdefault((name, spelling), []).append(row)
    notes = []
    for (name, spelling), spelled in found.items():
        typed, _, read = spelled[0].spellings[name]
        place = header.place(sheet, numbers_shown([row.number for row in spelled]), name)
        notes.append(f"{place}{spelling}（如「{typed}」读作{read}）")
    return notes


def _header_notes(sheet: str, header: Header) -> list[str]:
    notes = []
    if header.unknown:
        notes.append(f"工作表「{sheet}」有未识别的列，已忽略：{'、'.join(header.unknown)}")
    if header.repeated:
        notes.append(f"工作表「{sheet}」有重复的列，只读第一列：{'、'.join(header.repeated)}")
    for unit, unit_name in cells.UNIT_NAMES.items():
        given = [index for index, each in header.units.items() if each == unit]
        if given and unit != 1:
            names = "、".join(f"「{header.text_of(index)}」" for index in given)
            notes.append(f"工作表「{sheet}」{names}以{unit_name}填报，已换算为万元")
    stored = header.catalogue.measures
    notes += measure_notes(
        sheet,
        {
            header.text_of(index): (word, stored[header.columns[index]], place)
            for index, (word, place) in header.measures.items()
        },
    )
    if header.report_month:
        notes.append(_by_month_note(sheet, header))
    if header.unit_assumed:
        names = "、".join(f"「{header.text_of(index)}」" for index in header.unit_assumed)
        notes.append(
            f"工作表「{sheet}」表中未写明金额单位，按万元读取（{names}）；如不是万元，请在表头写明单位"
        )
    return notes


def _by_month_note(sheet: str, header: Header) -> str:
    """How a month-by-month sheet is read, with its assumption (a blank month is 0)."""
    month, periods = header.report_month, header.catalogue.periods
    own = next(index for index, name in header.columns.items() if name == periods.this_month)
    total = next(
        (index for index, name in header.columns.items() if name == periods.year_to_date), None
    )
    checked = "" if total is None else f"，并与「{header.shown(total)}」列核对"
    return (
        f"工作表「{sheet}」是逐月填报的表：本月完成投资取「{header.shown(own)}」列，"
        f"1—{month}月累计为1月至{month}月各列之和（空白的月份按0计）{checked}"
    )


def _is_sign_off(raw: Sequence[object]) -> bool:
    """Whether a row is the sheet's sign-off: its first text starts with who signs, files or
    answers for it ("填表人：", "联系电话：", "单位负责人（签字）：", "审核人"), and every other
    text too or is a name or phone number beside it; numbers beside them are phone numbers and
    dates, never figures."""
    texts = [cells.normalise(value) for value in raw if isinstance(value, str) and value.strip()]
    return bool(texts and _SIGN_OFF.match(texts[0])) and all(
        _SIGN_OFF.match(text) or _SIGNER.match(text) for text in texts[1:]
    )


def _is_note(raw: Sequence[object]) -> bool:
    """Whether a row's first text starts as a note does (注：, 说明：, 备注：): the row is a note
    whatever figures stand beside it, never a project's (tryout 6 of issue 9, P26)."""
    first = next((value for value in raw if isinstance(value, str) and value.strip()), None)
    return first is not None and bool(NOTE_LINE.match(clean_text(first)))


def _is_label(text: str) -> bool:
    """Whether a text is a totals label or a numbered or counted heading, not a place."""
    return bool(_TOTALS_LABEL.match(text) or _ENUMERATED.match(text) or _COUNTED.search(text))


def _is_serial(text: str) -> bool:
    return text.isdigit() or bool(_BARE_NUMERAL.match(text))


def _heading(labels: Sequence[str]) -> tuple[int, str] | None:
    """(level, text) of a heading row: "一、…" is level 1, "（一）…" level 2; "温县（2个）" 1."""
    first = labels[0]
    if _BARE_NUMERAL.match(first) and len(labels) > 1:
        level, text = (2 if first.startswith("(") else 1), labels[1]
    elif match := _ENUMERATED.match(first):
        level, text = (2 if first.startswith("(") else 1), first[match.end() :]
    elif _COUNTED.search(clean_text(first)) and not first[0].isdigit():
        level, text = 1, first
    else:
        return None
    text = _COUNTED.sub("", clean_text(text)).removesuffix("项目")
    return (level, text) if text else None


def _is_marked(text: object) -> bool:
    """Whether a heading is numbered, bulleted or counted ("一、武陟县", "2、温县", "★温县",
    "温县（2个）"), as opposed to a place's name in words alone ("温县重点项目", "温县")."""
    shown = unicodedata.normalize("NFKC", str(text or "")).strip()
    lead = _HEADING_LEAD.match(shown)
    return bool(lead and lead.end()) or bool(_COUNTED.search(clean_text(shown)))


def heading_text(text: object) -> str:
    """What a heading names once its bullet, numbering and tail are taken off (see
    _HEADING_LEAD): "2、温县", "二 温县", "温县：", "★温县", "(二)温县", "1.武陟县（2个）",
    "※ 温县重点项目" all give 温县; NFKC, without white space."""
    shown = _HEADING_LEAD.sub("", unicodedata.normalize("NFKC", str(text or "")).strip(), count=1)
    while (trimmed := _HEADING_TAIL.sub("", shown).strip()) != shown:
        shown = trimmed
    return clean_text(shown)


def _is_column_numbers(raw: Sequence[object]) -> bool:
    """A line under the header numbering its columns: 1 2 3 … or A B C …"""
    filled = [cells.normalise(value) for value in raw if value is not None and value != ""]
    return len(filled) >= 3 and all(
        text.isdigit() or (len(text) == 1 and text.isascii() and text.isalpha()) for text in filled
    )


def _blocks(
    rows: list[Row], totals: list[_Totals], total: _Totals, place: StrEnum | None
) -> list[list[Row]]:
    """The blocks of rows a figure row may cover, the likeliest first (see the module's doc)."""
    if total.kind == "total":
        return [rows, _above(rows, totals, total)]
    if total.kind == "heading":
        ends = [
            other.position
            for other in totals
            if other.number > total.number
            and (other.kind == "total" or (other.kind == "heading" and other.level <= total.level))
        ]
        end = min(ends, default=len(rows))
        return [rows[total.position : end]]
    blocks = []
    above, below = _above(rows, totals, total), _below(rows, totals, total)
    if total.name:
        key = clean_text(total.name)
        near = {id(row) for row in above + below}
        blocks.append([row for row in rows if _names(row, key, place, id(row) in near)])
    blocks += [above, below]
    return [block for block in blocks if block]


def _names(row: Row, key: str, place: StrEnum | None, near: bool) -> bool:
    """Whether a row belongs to the place `key` names: one of its headings names it, or its
    county cell does — by the lead county, the first named ("武陟县、温县" is 武陟县's, as the
    totals count it, `ledger.services.matching`), or by any county named when the row sits
    in the total's own block (`near`). Tryout 25 [2]: 沁河生态廊道（武陟县、温县） was left out
    of 武陟县小计's block, so a right plan column was reported wrong."""
    counties = county_parts(row.values.get(place, "") if place else "")
    named = counties if near else counties[:1]
    texts = [*named, *(text for text in row.headings if text)]
    return any(short_region_name(clean_text(text)) == short_region_name(key) for text in texts)


def _above(rows: list[Row], totals: list[_Totals], total: _Totals) -> list[Row]:
    starts = [other.position for other in totals if other.number < total.number]
    return rows[max(starts, default=0) : total.position]


def _below(rows: list[Row], totals: list[_Totals], total: _Totals) -> list[Row]:
    ends = [other.position for other in totals if other.number > total.number]
    return rows[total.position : min(ends, default=len(rows))]


def _sum(rows: list[Row], name: StrEnum) -> Decimal:
    return block_sum(row.values.get(name) for row in rows)


def _heading_fault(table: Table, total: _Totals, block: list[Row]) -> SheetFault:
    """A heading whose figures are not the sum of its group stops the import, naming the row
    and each figure: whether the heading or a project below is wrong only the office can say
    (tryout 14: such a row was called 合计 in a note)."""
    differences = [
        f"{table.header.named(name)}小计{cells.format_wan(figure.amount)}万元，"
        f"各项目之和{cells.format_wan(_sum(block, name))}万元{_blanks(block, name)}"
        for name, figure in total.figures.items()
        if not figure.agrees(_sum(block, name))
    ]
    group = f"其下{_span(block)}" if block else "其下没有项目行，"
    return SheetFault(
        table.sheet,
        total.number,
        None,
        f"「{total.label}」为{HEADING_WITH_FIGURES}，其金额与{group}各项目之和不符："
        f"{'；'.join(differences)}；请核对标题行中的金额或其下的项目后再导入"
        "（标题行中的金额只用于核对，也可删去）",
    )


def _blanks(block: list[Row], name: StrEnum) -> str:
    """ "（第5、7行未填，未计入各项目之和）": the rows of a block whose figure is blank."""
    blank = [row.number for row in block if not isinstance(row.values.get(name), Decimal)]
    return f"（第{numbers_shown(blank)}行未填，未计入各项目之和）" if blank else ""


def _hidden_difference(
    total: _Totals, block: list[Row], hidden: Mapping[int, Mapping[StrEnum, Decimal]]
) -> str:
    """ "；差额等于第7行（隐藏行）": a total whose every difference from its block is the
    figure of one hidden row among or next to the block's rows (an Excel SUM spans hidden rows;
    tryout 10, L09), or ""."""
    if not block:
        return ""
    low, high = min(block[0].number, total.number), max(block[-1].number, total.number)
    for number, figures in sorted(hidden.items()):
        if low <= number <= high and all(
            figures.get(name) == figure.amount - _sum(block, name)
            for name, figure in total.figures.items()
        ):
            return f"；差额等于第{number}行（隐藏行）的金额，该行未导入"
    return ""


def _agrees(total: _Totals, block: list[Row]) -> bool:
    return all(figure.agrees(_sum(block, name)) for name, figure in total.figures.items())


def _span(block: list[Row]) -> str:
    first, last = block[0].number, block[-1].number
    return f"第{first}行" if first == last else f"第{first}—{last}行"


def _ambiguous_place(total: _Totals, above: list[Row], below: list[Row], both: bool) -> str:
    """Why a place-name row with figures stops the import, with both readings of it:
    "只写「武陟县」并填有金额：若是其上方第4—5行的小计，各项目之和为…；若是其下方
    第7行的标题行，各项目之和为…；…"."""

    def sums(block: list[Row]) -> str:
        return "、".join(
            f"「{name.value}」{cells.format_wan(_sum(block, name))}万元" for name in total.figures
        )

    typed = "、".join(
        f"「{name.value}」{cells.format_wan(figure.amount)}万元"
        for name, figure in total.figures.items()
    )
    below_text = (
        f"若是其下方{_span(below)}的标题行，各项目之和为{sums(below)}"
        if below
        else "若是标题行，其下方没有项目行"
    )
    verdict = "两种读法都相符" if both else "与两者都不符"
    return (
        f"只写「{total.name}」并填有金额（{typed}）："
        f"若是其上方{_span(above)}的小计行，各项目之和为{sums(above)}；{below_text}；"
        f"{verdict}，无法判断这些项目属于哪个县区。请把小计行写作「{total.name}小计」，"
        "或删去标题行中的金额后再导入"
    )


def _totals_notes(
    table: Table,
    totals: list[_Totals],
    place: StrEnum | None,
    hidden: Mapping[int, Mapping[StrEnum, Decimal]] | None = None,
) -> list[str]:
    """A note per heading or totals row disagreeing with every block it may cover, naming each
    column's figure and sum; a project row whose figure is blank is left out of the sum and
    said so, never summed as 0 unsaid (tryout 14)."""
    sheet, rows, header = table.sheet, table.rows, table.header
    notes = []
    for total in totals:
        if not total.figures:
            continue
        blocks = _blocks(rows, totals, total, place) or [[]]
        if any(
            all(figure.agrees(_sum(block, name)) for name, figure in total.figures.items())
            for block in blocks
        ):
            continue
        block = blocks[0]
        if total.kind == "heading":
            # A figure of its group that could not be read is a fault of its own already.
            if not any(row.failed(name) for row in block for name in total.figures):
                table.faults.append(_heading_fault(table, total, block))
            continue
        sub = total.kind == "subtotal"
        differences = [
            f"{header.named(name)}{'小计' if sub else '合计'}{cells.format_wan(figure.amount)}"
            f"万元，各项目之和{cells.format_wan(_sum(block, name))}万元{_blanks(block, name)}"
            for name, figure in total.figures.items()
            if not figure.agrees(_sum(block, name))
        ]
        # A subtotal is called so, by its own label ("第7行「温县小计」"; tryout 11, L16).
        row = f"第{total.number}行" + (f"「{total.label}」" if sub and total.label else "合计")
        notes.append(
            f"工作表「{sheet}」{row}与各项目之和不符：{'；'.join(differences)}"
            + _hidden_difference(total, block, hidden or {})
        )
    return notes
