"""Building blocks for official documents (公文) in the GB/T 9704-2012 layout, with python-docx.

A4 paper; 天头 37 mm, 订口 28 mm, a text area of 156 × 225 mm (so 26 mm right, 35 mm below);
title in 方正小标宋简体 二号, first-level headings in 黑体 三号, second-level in 楷体_GB2312 三号,
body in 仿宋_GB2312 三号 on 22 lines of 28 characters (a fixed 28.95 pt line, a two-character
first-line indent). Chinese fonts must be named in w:eastAsia as well, or Word sets Chinese text
in its default font. The official fonts are named; where they are not installed (LibreOffice on
Debian) `guanmo/documents/fonts.conf` stands free fonts in for them.

The whole document (版头, 主体, 版记, page numbers) is assembled by `guanmo.documents.official`;
this module holds the pieces it is made of.
"""

import io
import math
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path
from typing import BinaryIO

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Emu, Mm, Pt, Twips
from docx.text.paragraph import Paragraph
from docx.text.run import Run

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
BODY_FONT = "仿宋_GB2312"
PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"

SIZE_TWO = Pt(22)  # 二号
SIZE_THREE = Pt(16)  # 三号
SIZE_FOUR = Pt(14)  # 四号
SIZE_TABLE = Pt(12)  # 小四
LINE_PITCH = Pt(28.95)  # 22 lines to the 225 mm text area
LINES_PER_PAGE, CHARACTERS_PER_LINE = 22, 28  # GB/T 9704 5.2.2
CONDENSED = Twips(-6)  # 28 三号 characters of 15.7 pt in the 156 mm line
FORM_LABEL_WIDTH = Mm(35)

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
TOP_MARGIN, LEFT_MARGIN = Mm(37), Mm(28)  # 天头, 订口
TEXT_WIDTH, TEXT_HEIGHT = Mm(156), Mm(225)
RIGHT_MARGIN = Emu(PAGE_WIDTH - LEFT_MARGIN - TEXT_WIDTH)
BOTTOM_MARGIN = Emu(PAGE_HEIGHT - TOP_MARGIN - TEXT_HEIGHT)
# The page number's top edge sits 7 mm below the text area (GB/T 9704 7.5).
FOOTER_DISTANCE = Emu(BOTTOM_MARGIN - Mm(7) - SIZE_FOUR)

RED = "FF0000"


def set_run_font(run: Run, name: str, size: Pt, *, bold: bool = False) -> None:
    """Name the font for Latin and Chinese text alike (digits in Times New Roman beside 仿宋).

    Text in 三号 stands on the character grid, 0.3 pt condensed so that 28 characters fit a
    line where the grid is not applied (LibreOffice); text of any other size (title, tables,
    版记, page numbers) keeps its own width instead of taking whole grid cells."""
    run.font.name = LATIN_FONT if name == BODY_FONT else name
    run.font.size = size
    run.font.bold = bold
    properties = run._element.get_or_add_rPr()
    properties.get_or_add_rFonts().set(qn("w:eastAsia"), name)
    if size == SIZE_THREE:
        condensed = OxmlElement("w:spacing")
        condensed.set(qn("w:val"), str(CONDENSED.twips))
        properties.insert_element_before(
            condensed, "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:lang"
        )
    else:
        run.font.snap_to_grid = False


def new_official_document() -> DocumentObject:
    """An empty A4 document with the 公文 text area and the body font as its default."""
    document = Document()
    for section in document.sections:
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.top_margin, section.bottom_margin = TOP_MARGIN, BOTTOM_MARGIN
        section.left_margin, section.right_margin = LEFT_MARGIN, RIGHT_MARGIN
        section.footer_distance = FOOTER_DISTANCE
        set_grid(section)
    normal = document.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = SIZE_THREE
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = LINE_PITCH
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.widow_control = True
    # Only the runs take the grid (w:rPr/w:snapToGrid, for characters); lines are exact at the
    # grid's pitch already. LibreOffice applies a paragraph's grid to its characters too, and
    # there sets each 三号 character two cells wide, the pitch being under 16 pt.
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    normal_paragraph = normal.element.get_or_add_pPr()
    normal_paragraph.insert_element_before(snap, "w:spacing", "w:ind", "w:jc", "w:rPr")
    return document


def set_grid(section: Section) -> None:
    """The document grid of GB/T 9704 5.2.2: 22 lines of 28 characters of the 三号 body.

    Word reads w:linePitch in twentieths of a point, and the character pitch as the body's
    size plus w:charSpace in 4096ths of a point; the pitch is rounded down, so that 28
    characters fit the text area as Word measures it (in whole twentieths of a point)."""
    width_twips = section.page_width.twips - section.left_margin.twips - section.right_margin.twips
    char_pitch = Fraction(width_twips, 20 * CHARACTERS_PER_LINE)  # in points
    char_space = math.floor((char_pitch - Fraction(SIZE_THREE.pt)) * 4096)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(LINE_PITCH.twips))
    grid.set(qn("w:charSpace"), str(char_space))


def add_title(document: DocumentObject, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.line_spacing = Pt(36)
    paragraph.paragraph_format.space_after = LINE_PITCH
    paragraph.paragraph_format.keep_with_next = True
    set_run_font(paragraph.add_run(text), TITLE_FONT, SIZE_TWO)


def add_heading(document: DocumentObject, text: str, *, level: int = 1) -> None:
    """一、… in 黑体 (level 1) or （一）… in 楷体_GB2312 (level 2), indented like the body and
    never left alone at the foot of a page."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.first_line_indent = SIZE_THREE * 2
    paragraph.paragraph_format.keep_with_next = True
    font = HEADING_FONT if level == 1 else SUBHEADING_FONT
    set_run_font(paragraph.add_run(text), font, SIZE_THREE)


def add_body(document: DocumentObject, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.first_line_indent = SIZE_THREE * 2
    set_run_font(paragraph.add_run(text), BODY_FONT, SIZE_THREE)


def add_line(
    document: DocumentObject,
    text: str = "",
    *,
    font: str = BODY_FONT,
    size: Pt = SIZE_THREE,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.LEFT,
) -> Paragraph:
    """A paragraph without indent (主送机关, 版记, blank lines)."""
    paragraph = document.add_paragraph()
    paragraph.alignment = align
    if text:
        set_run_font(paragraph.add_run(text), font, size)
    return paragraph


def set_border(paragraph: Paragraph, side: str, *, size_eighths: int, color: str = "000000"):
    """A rule along one side of a paragraph (the red separator line, the 版记 lines); the rule
    spans the text area, as the paragraph does."""
    properties = paragraph._p.get_or_add_pPr()
    borders = properties.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        # w:pBdr must precede the spacing and indentation elements in w:pPr.
        properties.insert_element_before(
            borders, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr"
        )
    rule = OxmlElement(f"w:{side}")
    rule.set(qn("w:val"), "single")
    rule.set(qn("w:sz"), str(size_eighths))
    rule.set(qn("w:space"), "1")
    rule.set(qn("w:color"), color)
    borders.append(rule)


def add_field(paragraph: Paragraph, instruction: str, font: str, size: Pt) -> None:
    """A field (PAGE) as Word writes it: begin, instruction, separate, a shown value, end."""

    def run_with(element) -> None:
        run = paragraph.add_run()
        set_run_font(run, font, size)
        run._r.append(element)

    run_with(_field_char("begin"))
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run_with(code)
    run_with(_field_char("separate"))
    shown = OxmlElement("w:t")
    shown.text = "1"
    run_with(shown)
    run_with(_field_char("end"))


def _field_char(kind: str):
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    return char


def docx_bytes(document: DocumentObject, *, dated: date, author: str, title: str) -> bytes:
    """The document as bytes that depend on its content and `dated` only: core properties and
    the zip entries' times are the 成文日期, so the same document saved twice is the same file."""
    moment = datetime(dated.year, dated.month, dated.day)
    properties = document.core_properties
    properties.author = properties.last_modified_by = author
    properties.title = title
    properties.created = properties.modified = properties.last_printed = moment
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    fixed = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            stamped = zipfile.ZipInfo(entry.filename, date_time=moment.timetuple()[:6])
            stamped.compress_type = zipfile.ZIP_DEFLATED
            stamped.external_attr = 0o644 << 16
            target.writestr(stamped, source.read(entry.filename))
    return fixed.getvalue()


def save(document: DocumentObject, output: str | Path | BinaryIO) -> None:
    document.save(output)


@dataclass(frozen=True)
class BodyBlock:
    """One block of a stored document's body, in order: a paragraph's `text` (headings and
    body alike), or a table's `rows` of cell texts (the first row its header)."""

    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()

    @property
    def is_table(self) -> bool:
        return bool(self.rows)


def body_blocks(content: bytes) -> list[BodyBlock]:
    """The paragraphs (empty ones left out) and tables of a .docx's body, in document order,
    as plain text: how a page shows an issued document as it was issued (the figures in the
    file, never recomputed). Raises docx's PackageNotFoundError for bytes that are no .docx."""
    document = Document(io.BytesIO(content))
    blocks: list[BodyBlock] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            if item.text.strip():
                blocks.append(BodyBlock(text=item.text))
        else:
            rows = tuple(tuple(cell.text for cell in row.cells) for row in item.rows)
            if rows:
                blocks.append(BodyBlock(rows=rows))
    return blocks
