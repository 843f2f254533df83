"""Text struck through in rich-text runs means what a struck cell means (issue 9 §4).

Offices strike a project out by striking its name, often only the text (the cell's runs), not
the cell's format. A name wholly struck in runs leaves its row out, listed, as a struck row
does; a name or figure cell only partly struck ("~~1200~~ 800") does not say which text
counts, so the import stops naming the cell. The files are written as Excel, WPS and
LibreOffice write rich text: runs in shared strings or inline strings (.xlsx), a run list
(.xls), text:span under a struck text style (.ods), <S> inside the Data (Excel 2003 XML).
"""

import io
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from xml.sax.saxutils import escape, quoteattr

import pytest
import xlwt
from lxml import etree
from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font

from guanmo.ledger.models import Project
from guanmo.ledger.services import import_ledger
from tests.sheets.files import ODS_NAMESPACES, ods_file


@dataclass(frozen=True)
class Runs:
    """A cell typed as rich text: (text, struck) runs."""

    runs: tuple[tuple[str, bool], ...]


def runs(*parts: str | tuple[str]) -> Runs:
    """runs("乙", ("项目",)): a one-tuple is struck text, a bare string plain text."""
    return Runs(tuple((p[0], True) if isinstance(p, tuple) else (p, False) for p in parts))


def to_xlsx(rows: list[list[object]], *, struck_cells=()) -> bytes:
    """Inline strings, as openpyxl writes rich text; `struck_cells` are struck by their format."""
    workbook = Workbook()
    sheet = workbook.active
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            if isinstance(value, Runs):
                value = CellRichText(
                    *(TextBlock(InlineFont(strike=struck), text) for text, struck in value.runs)
                )
            cell = sheet.cell(row=number, column=column, value=value)
            if (number, column - 1) in struck_cells:
                cell.font = Font(strike=True)
    file = io.BytesIO()
    workbook.save(file)
    return file.getvalue()


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def to_xlsx_shared(rows: list[list[object]]) -> bytes:
    """As Excel and WPS save: every text in xl/sharedStrings.xml, rich text as its runs."""
    source = zipfile.ZipFile(io.BytesIO(to_xlsx(rows)))
    sheet = etree.fromstring(source.read("xl/worksheets/sheet1.xml"))
    strings = etree.Element(f"{{{_MAIN}}}sst", nsmap={None: _MAIN})
    for cell in sheet.iter(f"{{{_MAIN}}}c"):
        if cell.get("t") != "inlineStr":
            continue
        inline = cell.find(f"{{{_MAIN}}}is")
        inline.tag = f"{{{_MAIN}}}si"
        cell.remove(inline)
        strings.append(inline)
        cell.set("t", "s")
        etree.SubElement(cell, f"{{{_MAIN}}}v").text = str(len(strings) - 1)
    file = io.BytesIO()
    with zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = etree.tostring(sheet, xml_declaration=True, encoding="UTF-8")
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdStrings" Target="sharedStrings.xml" Type="http://'
                    b"schemas.openxmlformats.org/officeDocument/2006/relationships/"
                    b'sharedStrings"/></Relationships>',
                )
            elif info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                    b"</Types>",
                )
            target.writestr(info, data)
        target.writestr(
            "xl/sharedStrings.xml", etree.tostring(strings, xml_declaration=True, encoding="UTF-8")
        )
    return file.getvalue()


def to_xls(rows: list[list[object]]) -> bytes:
    """BIFF rich text as xlwt writes it: a run list of (text, font)."""
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("台账")
    struck, plain = xlwt.Font(), xlwt.Font()
    struck.struck_out = True
    for number, row in enumerate(rows):
        for column, value in enumerate(row):
            if isinstance(value, Runs):
                sheet.write_rich_text(
                    number, column, [(text, struck if s else plain) for text, s in value.runs]
                )
            elif value is not None:
                sheet.write(number, column, value)
    file = io.BytesIO()
    workbook.save(file)
    return file.getvalue()


def to_ods(rows: list[list[object]]) -> bytes:
    """LibreOffice's rich text: spans under an automatic text style that strikes its text."""
    cells = []
    for row in rows:
        cells.append("<table:table-row>")
        for value in row:
            if value is None:
                cells.append("<table:table-cell/>")
            elif isinstance(value, int | float):
                cells.append(
                    f'<table:table-cell office:value-type="float" office:value="{value}">'
                    f"<text:p>{value}</text:p></table:table-cell>"
                )
            else:
                parts = value.runs if isinstance(value, Runs) else ((value, False),)
                text = "".join(
                    f'<text:span text:style-name="T1">{escape(t)}</text:span>' if s else escape(t)
                    for t, s in parts
                )
                cells.append(
                    '<table:table-cell office:value-type="string">'
                    f"<text:p>{text}</text:p></table:table-cell>"
                )
        cells.append("</table:table-row>")
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NAMESPACES} '
        'office:version="1.2"><office:automatic-styles>'
        '<style:style style:name="T1" style:family="text"><style:text-properties '
        'style:text-line-through-style="solid" style:text-line-through-type="single"/>'
        "</style:style></office:automatic-styles><office:body><office:spreadsheet>"
        f"<table:table table:name={quoteattr('台账')}>{''.join(cells)}</table:table>"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    return ods_file(content)


def to_spreadsheetml(rows: list[list[object]]) -> bytes:
    """Excel 2003 XML: rich text is HTML inside the Data, <S> striking its text."""
    parts = []
    for row in rows:
        parts.append("<Row>")
        for value in row:
            if value is None:
                parts.append('<Cell><Data ss:Type="String"></Data></Cell>')
            elif isinstance(value, int | float):
                parts.append(f'<Cell><Data ss:Type="Number">{value}</Data></Cell>')
            elif isinstance(value, Runs):
                text = "".join(f"<S>{escape(t)}</S>" if s else escape(t) for t, s in value.runs)
                parts.append(
                    '<Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40">'
                    f"{text}</ss:Data></Cell>"
                )
            else:
                parts.append(f'<Cell><Data ss:Type="String">{escape(value)}</Data></Cell>')
        parts.append("</Row>")
    return (
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
        f'<Worksheet ss:Name="台账"><Table>{"".join(parts)}</Table></Worksheet></Workbook>'
    ).encode()


WRITERS = {
    "xlsx-inline": to_xlsx,
    "xlsx-shared": to_xlsx_shared,
    "xls": to_xls,
    "ods": to_ods,
    "xml": to_spreadsheetml,
}
HEADER = ["序号", "项目名称", "所在县区", "总投资"]


def imported() -> dict[str, Decimal]:
    return dict(Project.objects.values_list("name", "total_investment"))


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_a_project_whose_name_is_struck_through_in_runs_is_left_out_and_listed(city, fmt):
    rows = [HEADER, [1, runs(("甲项目",)), "温县", 1000], [2, "乙项目", "温县", 2000]]
    report = import_ledger(BytesIO(WRITERS[fmt](rows)), city=city, year=2025)
    assert [str(fault) for fault in report.faults] == []
    assert imported() == {"乙项目": Decimal(2000)}
    assert [str(row) for row in report.left_out] == ["第2行为删除线，未导入"]


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_a_name_only_partly_struck_through_stops_the_import_naming_the_cell(city, fmt):
    rows = [HEADER, [1, runs(("甲项目",), "乙项目"), "温县", 1000]]
    report = import_ledger(BytesIO(WRITERS[fmt](rows)), city=city, year=2025)
    assert [str(fault) for fault in report.faults] == [
        "第2行「项目名称」：单元格B2中只有部分文字带删除线，不知道哪部分作数；"
        "请删去作废的文字或将整格标删除线后再导入"
    ]
    assert imported() == {}


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_a_figure_with_its_old_value_struck_through_stops_the_import(city, fmt):
    """ "~~1200~~800" read as text would be 1200800 万元."""
    rows = [HEADER, [1, "甲项目", "温县", runs(("1200",), "800")]]
    report = import_ledger(BytesIO(WRITERS[fmt](rows)), city=city, year=2025)
    assert [str(fault) for fault in report.faults] == [
        "第2行「总投资」：单元格D2中只有部分文字带删除线，不知道哪部分作数；"
        "请删去作废的文字或将整格标删除线后再导入"
    ]


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_plain_rich_text_and_struck_white_space_read_as_the_text(city, fmt):
    rows = [HEADER, [1, runs("甲", "项目", (" ",)), runs("温县"), 1000]]
    report = import_ledger(BytesIO(WRITERS[fmt](rows)), city=city, year=2025)
    assert [str(fault) for fault in report.faults] == []
    assert imported() == {"甲项目": Decimal(1000)}


def test_a_name_struck_through_by_its_format_alone_leaves_the_row_out(city):
    """The county beside it is not struck; the project is struck out all the same."""
    rows = [HEADER, [1, "甲项目", "温县", 1000], [2, "乙项目", "温县", 2000]]
    data = to_xlsx(rows, struck_cells={(2, 1)})
    report = import_ledger(BytesIO(data), city=city, year=2025)
    assert imported() == {"乙项目": Decimal(2000)}
    assert [str(row) for row in report.left_out] == ["第2行为删除线，未导入"]


def test_the_shared_strings_writer_writes_runs_as_excel_does():
    data = zipfile.ZipFile(io.BytesIO(to_xlsx_shared([[runs(("甲",), "乙")]])))
    strings = data.read("xl/sharedStrings.xml").decode()
    assert re.search(r"<si><r><rPr><strike val=\"1\"/></rPr><t>甲</t></r><r>", strings)


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("label", ["形象进度", "存在问题", "建设规模及主要内容"])
def test_a_prose_cell_only_partly_struck_through_stops_the_import_as_a_name_does(city, fmt, label):
    """ "~~主体封顶~~ 完成基础" read with its struck text would put the struck words in the
    ledger (and the bulletin) as if they still held; as in every other column, it is refused."""
    rows = [[*HEADER, label], [1, "甲项目", "温县", 1000, runs(("主体封顶",), "完成基础施工")]]
    report = import_ledger(BytesIO(WRITERS[fmt](rows)), city=city, year=2025)
    assert [str(fault) for fault in report.faults] == [
        f"第2行「{label}」：单元格E2中只有部分文字带删除线，不知道哪部分作数；"
        "请删去作废的文字或将整格标删除线后再导入"
    ]
    assert imported() == {}
