"""Excel 2003 XML ("XML 表格", SpreadsheetML), which systems and WPS templates serve as .xls.

No maintained Python library reads it (calamine, openpyxl and xlrd do not), and LibreOffice
would add a 300 MB dependency and seconds per file for a format this plain: a Workbook of
Worksheets, each a Table of Rows of Cells holding one Data each, documented by Microsoft
("XML Spreadsheet Reference"). So it is read here with lxml (entities and network off):
ss:Index skips cells and rows, ss:MergeAcross/MergeDown merge (the value stays in the first
cell), ss:Hidden hides rows and columns, a style whose Font has ss:StrikeThrough strikes its
cells (and <S> in a rich text's HTML the text inside it), and a cell with ss:Formula but no
Data is a formula saved without its value.
"""

from datetime import datetime

from lxml import etree

from guanmo.sheets.sheet import (
    SAVE_AS,
    SPREADSHEET_ML,
    Bounds,
    Layout,
    MergedRange,
    Sheet,
    Unreadable,
    cell_address,
    sheet_from_values,
)

_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
_EXCEL = "{urn:schemas-microsoft-com:office:excel}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _attribute(element: etree._Element, name: str, default: str = "") -> str:
    return element.get(f"{_SS}{name}", element.get(name, default))


def read(data: bytes, bounds: Bounds) -> list[Sheet]:
    """Every worksheet of the file; Unreadable for malformed XML or a sheet past the bounds."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise Unreadable(
            f"无法读取文件：{SPREADSHEET_ML}已损坏或不完整（{error}）；{SAVE_AS}"
        ) from None
    struck_styles = {
        _attribute(style, "ID")
        for style in root.iter(f"{_SS}Style")
        if any(_attribute(font, "StrikeThrough") == "1" for font in style.iter(f"{_SS}Font"))
    }
    return [
        _worksheet(worksheet, struck_styles, bounds) for worksheet in root.iter(f"{_SS}Worksheet")
    ]


def _worksheet(worksheet: etree._Element, struck_styles: set[str], bounds: Bounds) -> Sheet:
    name = _attribute(worksheet, "Name")
    layout = Layout()
    visible = worksheet.find(f"{_EXCEL}WorksheetOptions/{_EXCEL}Visible")
    layout.hidden_sheet = visible is not None and (visible.text or "").startswith("SheetHidden")
    layout.hidden_sheet |= visible is not None and (visible.text or "") == "SheetVeryHidden"
    table = worksheet.find(f"{_SS}Table")
    rows: list[list[object]] = []
    if table is None:
        return sheet_from_values(name, rows, layout, bounds, SPREADSHEET_ML)
    column = 0
    for element in table.iterfind(f"{_SS}Column"):
        column = int(_attribute(element, "Index") or column + 1)
        span = int(_attribute(element, "Span") or 0)
        if _attribute(element, "Hidden") == "1":
            layout.hidden_columns.update(range(column - 1, column + span))
        column += span
    covered: set[tuple[int, int]] = set()  # cells under a MergeDown from a row above
    number = 0
    for row in table.iterfind(f"{_SS}Row"):
        number = int(_attribute(row, "Index") or number + 1)
        bounds.check_size(name, number, 0)
        rows.extend([] for _ in range(number - len(rows)))
        if _attribute(row, "Hidden") == "1":
            layout.hidden_rows.add(number)
        _row(row, number, rows[number - 1], covered, struck_styles, layout, bounds, name)
        span = int(_attribute(row, "Span") or 0)
        number += span
    return sheet_from_values(name, rows, layout, bounds, SPREADSHEET_ML)


def _row(
    row: etree._Element,
    number: int,
    values: list[object],
    covered: set[tuple[int, int]],
    struck_styles: set[str],
    layout: Layout,
    bounds: Bounds,
    sheet: str,
) -> None:
    column = -1
    for cell in row.iterfind(f"{_SS}Cell"):
        index = _attribute(cell, "Index")
        if index:
            column = int(index) - 1
        else:
            column += 1
            while (number, column) in covered:
                column += 1
        across = int(_attribute(cell, "MergeAcross") or 0)
        down = int(_attribute(cell, "MergeDown") or 0)
        bounds.check_size(sheet, number + down, column + across + 1)
        values.extend([None] * (column + 1 - len(values)))
        data = cell.find(f"{_SS}Data")
        values[column] = _value(data)
        if data is None and _attribute(cell, "Formula"):
            layout.unevaluated.append(cell_address(number, column))
        style = _attribute(cell, "StyleID") or _attribute(row, "StyleID")
        if isinstance(values[column], str) and data is not None:
            layout.strike(number, column, _runs(data, style in struck_styles))
        if across or down:
            layout.merged.append(MergedRange(number, column, number + down, column + across))
            covered.update(
                (r, c)
                for r in range(number + 1, number + down + 1)
                for c in range(column, column + across + 1)
            )
        column += across


def _runs(element: etree._Element, struck: bool) -> list[tuple[str, bool]]:
    """A Data's text in runs, (text, struck?): rich text is HTML inside it, where <S> strikes."""
    runs = [(element.text or "", struck)]
    for child in element:
        inner = struck or etree.QName(child).localname.upper() == "S"
        runs += _runs(child, inner)
        runs.append((child.tail or "", struck))
    return runs


def _value(data: etree._Element | None) -> object:
    if data is None:
        return None
    text = "".join(data.itertext())
    kind = _attribute(data, "Type", "String")
    if kind == "Number":
        try:
            return float(text)
        except ValueError:
            return text
    if kind == "DateTime":
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            return text
    if kind == "Boolean":
        return text.strip() == "1"
    return text
