"""Tables that fit their content: columns as wide as their text needs, numbers never broken
across lines, the header row repeated on every page and never left alone at a page's foot.

Widths are measured, not guessed: a Chinese character is one em of the table's font, other
characters (digits, Latin letters, signs) about half of one. A number, a date or a Latin word
is one unbreakable piece; Chinese text may wrap between any two characters. When even the
unbreakable pieces do not fit the text area in 小四, the table is set in 五号, then 小五.
"""

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt
from docx.table import Table, _Cell, _Row

from guanmo.documents.docx import (
    BODY_FONT,
    FORM_LABEL_WIDTH,
    HEADING_FONT,
    SIZE_FOUR,
    SIZE_TABLE,
    TEXT_WIDTH,
    set_run_font,
)

TABLE_SIZES = (SIZE_TABLE, Pt(10.5), Pt(9))  # 小四, 五号, 小五
# Word's default cell margins (0.08 in each side, 11.52 pt: fixed, not in em, so the smaller
# type needs more em of it, issue 13 tryout 23 broke 并列/7 in 小五), and a little slack for the
# rules and for fonts wider than measured.
CELL_MARGINS_PT = 11.52
CELL_SLACK_EM = 0.3
# em: Chinese text narrower than this is never wrapped: a unit's name (城乡一体化示范区,
# 沁阳市（一票否决）), a short word (位次不变), a parameter (起点=60；跨度=40) stay whole
# (issue 13, tryout 23: 城乡一体化示/范区 in the bulletin's ranking)
WRAP_AT = 9.0
# em: where a table cannot keep nine em whole even in 小五 (eight columns with
# 焦作高新技术产业开发区), Chinese text wraps from five em, as before tryout 23
WRAP_AT_LEAST = 5.0
NARROW = 0.55  # a digit or Latin letter, in em (Times New Roman's digits are 0.5)
# A table a hair narrower than the text area, so its outer rules stay inside the margins.
TABLE_WIDTH = Emu(TEXT_WIDTH - Pt(2))
# A number, a date, a Latin word: kept whole on one line.
_UNBREAKABLE = re.compile(r"[^\s\u2E80-\u9FFF\uFF00-\uFFEF\u3000-\u303F]+")


def text_width(text: str) -> float:
    """The width of `text` in em of its font."""
    return sum(1.0 if unicodedata.east_asian_width(char) in "WF" else NARROW for char in text)


def unbreakable_width(text: str, wrap_at: float = WRAP_AT) -> float:
    """The narrowest a body cell may be: its widest number or Latin word, and `wrap_at` em of
    Chinese text (nine: a unit's name or a short word stays whole, a longer text wraps)."""
    pieces = [text_width(piece) for piece in _UNBREAKABLE.findall(text)]
    return max([min(text_width(text), wrap_at), *pieces]) if text else 0.0


def header_width(text: str) -> float:
    """The narrowest a header may be: it wraps before its unit (年度计划投资 / （万元）), and a
    word of four characters or more onto two lines in the middle (位次 / 变化), never leaving
    one character alone (issue 13, tryout 23: 位次变 / 化); a number in it stays whole."""
    if not text:
        return 0.0
    widths = []
    for piece in re.split(r"(?=（)", text):
        whole = text_width(piece)
        numbers = [text_width(number) for number in _UNBREAKABLE.findall(piece)]
        widths.append(max([whole if whole < 4 else math.ceil(whole / 2), *numbers]))
    return max(widths)


@dataclass(frozen=True)
class Layout:
    size: Pt
    widths: tuple[int, ...]  # EMU, one per column, summing to the table's width


def column_layout(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, width: int = TABLE_WIDTH
) -> Layout:
    """Widths for the columns: each gets its widest cell where they all fit, else its widest
    unbreakable piece plus a share of the rest in proportion to what wrapping costs it.

    A header may wrap onto two lines; a body cell of Chinese text may wrap: from nine em in 小四,
    五号, 小五, else from five em in those sizes. Raises ValueError when the unbreakable pieces
    cannot fit in 小五 either (a table with too many columns for a portrait page)."""
    columns = list(zip(headers, *rows, strict=True)) if rows else [(h,) for h in headers]
    for wrap_at, size in [
        (wrap, size) for wrap in (WRAP_AT, WRAP_AT_LEAST) for size in TABLE_SIZES
    ]:
        em = Pt(size.pt).emu
        padding = Pt(CELL_MARGINS_PT).emu + CELL_SLACK_EM * em
        least = [
            max([header_width(column[0]), *(unbreakable_width(c, wrap_at) for c in column[1:])])
            * em
            + padding
            for column in columns
        ]
        natural = [
            max([text_width(column[0]) / 2, *(text_width(cell) for cell in column[1:])]) * em
            + padding
            for column in columns
        ]
        natural = [max(n, low) for n, low in zip(natural, least, strict=True)]
        if sum(natural) <= width:
            scale = width / sum(natural)
            return Layout(size, _whole(width, [n * scale for n in natural]))
        if sum(least) <= width:
            spare = width - sum(least)
            wants = [n - low for n, low in zip(natural, least, strict=True)]
            shares = [
                low + spare * want / sum(wants) for low, want in zip(least, wants, strict=True)
            ]
            return Layout(size, _whole(width, shares))
    raise ValueError(f"表格共{len(headers)}列，A4纵向页面排不下")


def _whole(width: int, widths: Sequence[float]) -> tuple[int, ...]:
    """Whole EMU widths summing exactly to `width` (the last column takes the remainder)."""
    whole = [int(w) for w in widths[:-1]]
    return (*whole, width - sum(whole))


def add_table(
    document: DocumentObject,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    caption: str | None = None,
    units: str | None = None,
) -> Table:
    """A bordered table centred in the text area, header in 黑体 and body in 仿宋_GB2312,
    columns fitted to their content; the header row repeats on every page and keeps with the
    first row (and the caption with the header). `units` ("单位：亿元、%") stands on a line of
    its own flush right between the caption and the table, as official tables state the units
    shared by their columns."""
    layout = column_layout(headers, rows)
    if caption:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.keep_with_next = True
        set_run_font(paragraph.add_run(caption), HEADING_FONT, SIZE_FOUR)
    if units:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.keep_with_next = True
        set_run_font(paragraph.add_run(units), BODY_FONT, SIZE_FOUR)
    table = document.add_table(rows=1, cols=len(headers))
    _fixed(table, layout.widths)
    header = table.rows[0]
    for cell, text in zip(header.cells, headers, strict=True):
        _fill_cell(cell, text, HEADING_FONT, layout.size, keep_with_next=True)
    _row_properties(header, header=True)
    for values in rows:
        row = table.add_row()
        for cell, text in zip(row.cells, values, strict=True):
            _fill_cell(cell, text, BODY_FONT, layout.size, centred=not _is_long_text(text))
        _row_properties(row)
    _cell_widths(table, layout.widths)
    return table


def add_form_table(document: DocumentObject, rows: Sequence[tuple[str, str]]) -> Table:
    """A form of label and value rows (a 督办单's 项目名称 | …): labels in 黑体 centred, values
    in 仿宋_GB2312 from the left, several lines kept as separate paragraphs."""
    widths = (FORM_LABEL_WIDTH, TABLE_WIDTH - FORM_LABEL_WIDTH)
    table = document.add_table(rows=0, cols=2)
    _fixed(table, widths)
    for label, value in rows:
        row = table.add_row()
        label_cell, value_cell = row.cells
        _fill_cell(label_cell, label, HEADING_FONT, SIZE_TABLE)
        lines = value.splitlines() or [""]
        _fill_cell(value_cell, lines[0], BODY_FONT, SIZE_TABLE, centred=False)
        for line in lines[1:]:
            paragraph = value_cell.add_paragraph()
            paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
            set_run_font(paragraph.add_run(line), BODY_FONT, SIZE_TABLE)
        _row_properties(row)
    _cell_widths(table, widths)
    return table


def float_to_foot(table: Table, *, left: int, rules: Sequence[tuple[str, int]]) -> None:
    """Float `table` to the foot of the text area, its left edge `left` EMU from the page's
    edge, ruled only across (`rules`: (top|insideH|bottom, eighths of a point)), its cells
    without side padding. Text above flows clear of it; the paragraph after the table is its
    anchor, so the table stands on the page where that paragraph does.

    Anchored to the page horizontally, not to the margin: LibreOffice (7.4) floats a table as
    wide as the text area only when it is placed from the page's edge."""
    properties = table._tbl.tblPr
    position = OxmlElement("w:tblpPr")
    position.set(qn("w:horzAnchor"), "page")
    position.set(qn("w:tblpX"), str(round(left / 635)))  # EMU to twentieths of a point
    position.set(qn("w:vertAnchor"), "margin")
    position.set(qn("w:tblpYSpec"), "bottom")
    borders = OxmlElement("w:tblBorders")
    sizes = dict(rules)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        rule = OxmlElement(f"w:{side}")
        rule.set(qn("w:val"), "single" if side in sizes else "nil")
        if side in sizes:
            rule.set(qn("w:sz"), str(sizes[side]))
            rule.set(qn("w:space"), "0")
            rule.set(qn("w:color"), "000000")
        borders.append(rule)
    padding = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "0")
        margin.set(qn("w:type"), "dxa")
        padding.append(margin)
    for element in (position, borders, padding):
        for old in properties.findall(element.tag):
            properties.remove(old)
        properties.append(element)
    _in_schema_order(properties)


# The order w:tblPr's children must keep (ECMA-376 CT_TblPr).
_TABLE_PROPERTIES = [
    qn(f"w:{name}")
    for name in [
        "tblStyle",
        "tblpPr",
        "tblOverlap",
        "bidiVisual",
        "tblStyleRowBandSize",
        "tblStyleColBandSize",
        "tblW",
        "jc",
        "tblCellSpacing",
        "tblInd",
        "tblBorders",
        "shd",
        "tblLayout",
        "tblCellMar",
        "tblLook",
        "tblCaption",
    ]
]


def _in_schema_order(properties) -> None:
    children = sorted(properties, key=lambda child: _TABLE_PROPERTIES.index(child.tag))
    for child in children:
        properties.append(child)


def fixed_table(document: DocumentObject, widths: Sequence[int]) -> Table:
    """An empty table of columns `widths` (EMU) wide, laid out at those widths."""
    table = document.add_table(rows=0, cols=len(widths))
    _fixed_widths(table, widths)
    return table


def _is_long_text(text: str) -> bool:
    return text_width(text) > 12


def _fixed(table: Table, widths: Sequence[int]) -> None:
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fixed_widths(table, widths)


def _fixed_widths(table: Table, widths: Sequence[int]) -> None:
    table.autofit = False
    properties = table._tbl.tblPr
    total = OxmlElement("w:tblW")
    total.set(qn("w:w"), str(round(sum(widths) / 635)))  # EMU to twentieths of a point
    total.set(qn("w:type"), "dxa")
    for old in properties.findall(qn("w:tblW")):
        properties.remove(old)
    properties.append(total)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Emu(width)


def _cell_widths(table: Table, widths: Sequence[int]) -> None:
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Emu(width)


def _row_properties(row: _Row, *, header: bool = False) -> None:
    """No row split across pages; the header repeated on each page."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))


def _fill_cell(
    cell: _Cell, text: str, font: str, size: Pt, *, centred: bool = True, keep_with_next=False
) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    paragraph.paragraph_format.first_line_indent = 0
    paragraph.paragraph_format.keep_with_next = keep_with_next
    set_run_font(paragraph.add_run(text), font, size)
