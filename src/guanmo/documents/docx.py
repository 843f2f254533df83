"""Building blocks for official documents (公文) in the GB/T 9704 layout, with python-docx.

A4 paper; margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right; title in 方正小标宋简体
二号, first-level headings in 黑体 三号, second-level in 楷体_GB2312 三号, body in 仿宋_GB2312
三号 with a fixed 28.95 pt line and a two-character first-line indent. Chinese fonts must be
named in w:eastAsia as well, or Word sets Chinese text in its default font.
"""

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.run import Run

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
BODY_FONT = "仿宋_GB2312"
LATIN_FONT = "Times New Roman"

SIZE_TWO = Pt(22)  # 二号
SIZE_THREE = Pt(16)  # 三号
SIZE_FOUR = Pt(14)  # 四号
SIZE_TABLE = Pt(12)  # 小四
LINE_PITCH = Pt(28.95)  # 22 lines to the page
FORM_LABEL_WIDTH = Mm(35)


def set_run_font(run: Run, name: str, size: Pt, *, bold: bool = False) -> None:
    """Name the font for Latin and Chinese text alike."""
    run.font.name = LATIN_FONT if name == BODY_FONT else name
    run.font.size = size
    run.font.bold = bold
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def new_official_document() -> DocumentObject:
    """An empty A4 document with the 公文 margins and the body font as its default."""
    document = Document()
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = document.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = SIZE_THREE
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = LINE_PITCH
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    return document


def add_title(document: DocumentObject, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.line_spacing = Pt(36)
    paragraph.paragraph_format.space_after = LINE_PITCH
    set_run_font(paragraph.add_run(text), TITLE_FONT, SIZE_TWO)


def add_heading(document: DocumentObject, text: str, *, level: int = 1) -> None:
    """一、… in 黑体 (level 1) or （一）… in 楷体_GB2312 (level 2), indented like the body."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.first_line_indent = SIZE_THREE * 2
    font = HEADING_FONT if level == 1 else SUBHEADING_FONT
    set_run_font(paragraph.add_run(text), font, SIZE_THREE)


def add_body(document: DocumentObject, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.first_line_indent = SIZE_THREE * 2
    set_run_font(paragraph.add_run(text), BODY_FONT, SIZE_THREE)


def add_table(
    document: DocumentObject,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    caption: str | None = None,
) -> None:
    """A bordered table in 仿宋_GB2312 小四, header in 黑体, centred on the page."""
    if caption:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        set_run_font(paragraph.add_run(caption), HEADING_FONT, SIZE_FOUR)
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        _fill_cell(cell, header, HEADING_FONT)
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            _fill_cell(cell, value, BODY_FONT)


def add_form_table(document: DocumentObject, rows: Sequence[tuple[str, str]]) -> None:
    """A form of label and value rows (a 督办单's 项目名称 | …): labels in 黑体 centred, values
    in 仿宋_GB2312 from the left, several lines kept as separate paragraphs."""
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for label, value in rows:
        label_cell, value_cell = table.add_row().cells
        label_cell.width = FORM_LABEL_WIDTH
        _fill_cell(label_cell, label, HEADING_FONT)
        lines = value.splitlines() or [""]
        _fill_cell(value_cell, lines[0], BODY_FONT, centred=False)
        for line in lines[1:]:
            paragraph = value_cell.add_paragraph()
            paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
            set_run_font(paragraph.add_run(line), BODY_FONT, SIZE_TABLE)


def _fill_cell(cell, text: str, font: str, *, centred: bool = True) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    set_run_font(paragraph.add_run(text), font, SIZE_TABLE)


def add_signature(document: DocumentObject, issuer: str, date_text: str) -> None:
    """The issuing body and date, right-aligned under the text, after a blank line."""
    document.add_paragraph()
    for text in (issuer, date_text):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.right_indent = SIZE_THREE * 4
        set_run_font(paragraph.add_run(text), BODY_FONT, SIZE_THREE)


def save(document: DocumentObject, output: str | Path | BinaryIO) -> None:
    document.save(output)
