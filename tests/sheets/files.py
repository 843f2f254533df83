"""Spreadsheet files of every format an office sends, written in the tests.

One drawing (`Drawn`: rows, hidden and struck rows, hidden columns, merged ranges) is written
as a real file of each format by the writer that format's users have: openpyxl for .xlsx,
xlwt for BIFF .xls (what the C10 case files were made with), and the formats' own XML for .ods
and Excel 2003 XML, whose few elements are written here as LibreOffice and Excel write them.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

import xlwt
from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter


@dataclass
class Drawn:
    """A sheet to write: rows from row 1; rows numbered as Excel does, columns from 0."""

    rows: list[list[object]]
    name: str = "台账"
    hidden_rows: set[int] = field(default_factory=set)
    struck_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1
    struck_in_runs: bool = False  # struck text is struck in its rich-text runs, not its format
    struck_columns: set[int] | None = None  # the cells of a struck row struck; None: all

    def struck(self, number: int, column: int) -> bool:
        """Whether the cell at row `number` (from 1), `column` (from 0) is struck through."""
        return number in self.struck_rows and (
            self.struck_columns is None or column in self.struck_columns
        )

    def struck_text(self, number: int, column: int, value: object) -> bool:
        """Whether the cell is text written struck through in its runs."""
        return self.struck_in_runs and isinstance(value, str) and self.struck(number, column)

    @property
    def covered(self) -> set[tuple[int, int]]:
        """The cells a merged range covers beside its first: they hold nothing."""
        return {
            (r, c)
            for r0, c0, r1, c1 in self.merged
            for r in range(r0, r1 + 1)
            for c in range(c0, c1 + 1)
            if (r, c) != (r0, c0)
        }


def to_xlsx(*drawings: Drawn) -> bytes:
    """An .xlsx file with one worksheet per drawing, in order."""
    workbook = Workbook()
    for index, drawn in enumerate(drawings):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        _draw_xlsx(sheet, drawn)
    file = io.BytesIO()
    workbook.save(file)
    return file.getvalue()


def _draw_xlsx(sheet, drawn: Drawn) -> None:
    sheet.title = drawn.name
    for row in drawn.rows:
        sheet.append(row)
    for number in drawn.hidden_rows:
        sheet.row_dimensions[number].hidden = True
    for number in drawn.struck_rows:
        for cell in sheet[number]:
            if drawn.struck_text(number, cell.column - 1, cell.value):
                cell.value = CellRichText(TextBlock(InlineFont(strike=True), cell.value))
            elif drawn.struck(number, cell.column - 1) and not drawn.struck_in_runs:
                cell.font = Font(strike=True)
    for column in drawn.hidden_columns:
        sheet.column_dimensions[get_column_letter(column + 1)].hidden = True
    for r0, c0, r1, c1 in drawn.merged:
        sheet.merge_cells(start_row=r0, start_column=c0 + 1, end_row=r1, end_column=c1 + 1)


def to_xls(*drawings: Drawn) -> bytes:
    """A BIFF .xls file (xlwt) with one worksheet per drawing, in order."""
    workbook = xlwt.Workbook(encoding="utf-8")
    for drawn in drawings:
        _draw_xls(workbook.add_sheet(drawn.name), drawn)
    file = io.BytesIO()
    workbook.save(file)
    return file.getvalue()


def _draw_xls(sheet, drawn: Drawn) -> None:
    struck = xlwt.easyxf("font: struck_out on")
    plain = xlwt.XFStyle()
    struck_font = xlwt.Font()
    struck_font.struck_out = True
    merged_cells = {(r0, c0): (r1, c1) for r0, c0, r1, c1 in drawn.merged}
    covered = drawn.covered
    for number, row in enumerate(drawn.rows, start=1):
        for column, value in enumerate(row):
            if value is None or (number, column) in covered:
                continue
            style = struck if drawn.struck(number, column) and not drawn.struck_in_runs else plain
            if drawn.struck_text(number, column, value):
                sheet.write_rich_text(number - 1, column, [(value, struck_font)], plain)
            elif (number, column) in merged_cells:
                r1, c1 = merged_cells[number, column]
                sheet.write_merge(number - 1, r1 - 1, column, c1, value, style)
            else:
                sheet.write(number - 1, column, value, style)
        if number in drawn.hidden_rows:
            sheet.row(number - 1).hidden = True
    for column in drawn.hidden_columns:
        sheet.col(column).hidden = True


ODS_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
)
ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def to_ods(*drawings: Drawn) -> bytes:
    """An .ods file with one table per drawing, in order."""
    parts = [
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NAMESPACES} '
        'office:version="1.2"><office:automatic-styles>'
        '<style:style style:name="ce1" style:family="table-cell">'
        '<style:text-properties style:text-line-through-style="solid" '
        'style:text-line-through-type="single"/></style:style>'
        '<style:style style:name="T1" style:family="text">'
        '<style:text-properties style:text-line-through-style="solid" '
        'style:text-line-through-type="single"/></style:style>'
        "</office:automatic-styles><office:body><office:spreadsheet>"
    ]
    for drawn in drawings:
        parts += _ods_table(drawn)
    parts.append("</office:spreadsheet></office:body></office:document-content>")
    return ods_file("".join(parts))


def ods_file(content: str) -> bytes:
    """An .ods package holding `content` as its content.xml, as LibreOffice packs it."""
    file = io.BytesIO()
    with zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        archive.writestr("content.xml", content)
    return file.getvalue()


def _ods_table(drawn: Drawn) -> list[str]:
    spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in drawn.merged}
    covered = drawn.covered
    width = max(len(row) for row in drawn.rows)
    parts = [f"<table:table table:name={quoteattr(drawn.name)}>"]
    for column in range(width):
        hidden = ' table:visibility="collapse"' if column in drawn.hidden_columns else ""
        parts.append(f"<table:table-column{hidden}/>")
    for number, row in enumerate(drawn.rows, start=1):
        hidden = ' table:visibility="collapse"' if number in drawn.hidden_rows else ""
        parts.append(f"<table:table-row{hidden}>")
        for column in range(width):
            value = row[column] if column < len(row) else None
            if (number, column) in covered:
                parts.append("<table:covered-table-cell/>")
                continue
            span = ""
            if (number, column) in spans:
                down, across = spans[number, column]
                span = (
                    f' table:number-rows-spanned="{down}" table:number-columns-spanned="{across}"'
                )
            struck = drawn.struck(number, column) and not drawn.struck_in_runs
            style = ' table:style-name="ce1"' if struck else ""
            if value is None:
                parts.append(f"<table:table-cell{span}/>")
            elif isinstance(value, int | float):
                parts.append(
                    f'<table:table-cell office:value-type="float" office:value="{value}"'
                    f"{span}{style}><text:p>{value}</text:p></table:table-cell>"
                )
            else:
                text = escape(str(value))
                if drawn.struck_text(number, column, value):
                    text = f'<text:span text:style-name="T1">{text}</text:span>'
                parts.append(
                    f'<table:table-cell office:value-type="string"{span}{style}>'
                    f"<text:p>{text}</text:p></table:table-cell>"
                )
        parts.append("</table:table-row>")
    parts.append("</table:table>")
    return parts


def to_spreadsheetml(*drawings: Drawn) -> bytes:
    """Excel 2003 XML as Excel writes it: a cell after a gap or a merge says its ss:Index."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel">'
        '<Styles><Style ss:ID="s21"><Font ss:StrikeThrough="1"/></Style></Styles>'
    ]
    for drawn in drawings:
        parts += _spreadsheetml_sheet(drawn)
    parts.append("</Workbook>")
    return "".join(parts).encode("utf-8")


def _spreadsheetml_sheet(drawn: Drawn) -> list[str]:
    merged = {(r0, c0): (r1 - r0, c1 - c0) for r0, c0, r1, c1 in drawn.merged}
    covered = drawn.covered
    parts = [f"<Worksheet ss:Name={quoteattr(drawn.name)}><Table>"]
    for column in sorted(drawn.hidden_columns):
        parts.append(f'<Column ss:Index="{column + 1}" ss:Hidden="1"/>')
    for number, row in enumerate(drawn.rows, start=1):
        hidden = ' ss:Hidden="1"' if number in drawn.hidden_rows else ""
        parts.append(f'<Row ss:Index="{number}"{hidden}>')
        previous = -1
        for column, value in enumerate(row):
            if value is None or (number, column) in covered:
                continue
            index = f' ss:Index="{column + 1}"' if column != previous + 1 else ""
            down, across = merged.get((number, column), (0, 0))
            merge = (f' ss:MergeDown="{down}"' if down else "") + (
                f' ss:MergeAcross="{across}"' if across else ""
            )
            struck = drawn.struck(number, column) and not drawn.struck_in_runs
            style = ' ss:StyleID="s21"' if struck else ""
            kind = "Number" if isinstance(value, int | float) else "String"
            data = f'<Data ss:Type="{kind}">{escape(str(value))}</Data>'
            if drawn.struck_text(number, column, value):  # rich text: HTML inside the Data
                data = (
                    '<ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40">'
                    f"<S>{escape(value)}</S></ss:Data>"
                )
            parts.append(f"<Cell{index}{merge}{style}>{data}</Cell>")
            previous = column + across
        parts.append("</Row>")
    parts.append("</Table></Worksheet>")
    return parts


def to_csv(drawn: Drawn, encoding: str) -> bytes:
    text = io.StringIO()
    csv.writer(text).writerows(
        ["" if value is None else value for value in row] for row in drawn.rows
    )
    return text.getvalue().encode(encoding)


WRITERS = {
    ".xlsx": to_xlsx,
    ".xls": to_xls,
    ".ods": to_ods,
    ".xml": to_spreadsheetml,
}


def formatted_xlsx(
    rows: list[list[object]], formats: dict[tuple[int, int], str], name: str = "Sheet"
) -> bytes:
    """An .xlsx of one sheet holding `rows` from row 1, each cell of `formats` ((Excel row,
    column from 0) → number format, such as "0.0%") formatted so, as openpyxl writes it."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = name
    for row in rows:
        sheet.append(row)
    for (number, column), code in formats.items():
        sheet.cell(number, column + 1).number_format = code
    file = io.BytesIO()
    workbook.save(file)
    return file.getvalue()
