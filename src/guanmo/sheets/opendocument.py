"""The layout of an OpenDocument spreadsheet (.ods) that calamine does not report.

content.xml is streamed once (lxml): rows and columns with table:visibility "collapse" or
"filter" are hidden, text cells whose style has style:text-line-through-style are struck,
table:number-columns-spanned/rows-spanned give merged ranges. Repeated empty rows and columns
(LibreOffice writes a million of them) count towards no bound; rows holding something do.
"""

import zipfile

from lxml import etree

from guanmo.sheets import number_formats
from guanmo.sheets.sheet import ODS, SAVE_AS, Bounds, Layout, MergedRange, Unreadable

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_NUMBER = "{urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0}"
_NUMBER_STYLES = (f"{_NUMBER}number-style", f"{_NUMBER}percentage-style")
_NUMBER_TYPES = ("float", "percentage", "currency")
# LibreOffice marks a failed formula's cell here (office:value-type says float, value 0).
_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
_HIDDEN = ("collapse", "filter")
_CELLS = (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell")


def layouts(archive: zipfile.ZipFile, bounds: Bounds) -> dict[str, Layout]:
    """Sheet name → its layout; Unreadable for a damaged content.xml or a sheet past bounds."""
    struck_styles, data_styles = _styles(archive, "styles.xml")
    found: dict[str, Layout] = {}
    reader = _Reader(bounds, struck_styles, found)
    reader.data_styles = data_styles
    try:
        with archive.open("content.xml") as stream:
            for event, element in etree.iterparse(
                stream, events=("start", "end"), resolve_entities=False, no_network=True
            ):
                reader.take(event, element)
    except etree.XMLSyntaxError as error:
        raise Unreadable(f"无法读取文件：{ODS}已损坏或不完整（{error}）；{SAVE_AS}") from None
    return found


def _struck(style: etree._Element) -> bool:
    properties = style.find(f"{_STYLE}text-properties")
    return properties is not None and properties.get(
        f"{_STYLE}text-line-through-style", "none"
    ) not in ("none", "")


def _styles(archive: zipfile.ZipFile, part: str) -> tuple[set[str], dict[str, str]]:
    """The struck text styles of a styles part, and its number styles: name → format code."""
    try:
        root = etree.fromstring(
            archive.read(part), etree.XMLParser(resolve_entities=False, no_network=True)
        )
    except (KeyError, etree.XMLSyntaxError):
        return set(), {}
    struck = {style.get(f"{_STYLE}name") for style in root.iter(f"{_STYLE}style") if _struck(style)}
    codes = {
        style.get(f"{_STYLE}name", ""): _format_code(style) for style in root.iter(*_NUMBER_STYLES)
    }
    return struck, codes


def _format_code(style: etree._Element) -> str:
    """The Excel format code an OpenDocument number style stands for, as far as it changes the
    number shown (guanmo.sheets.number_formats): its display factor (a power of 1000, written
    by LibreOffice for Excel's trailing commas), text embedded among the integer digits
    (number:embedded-text, LibreOffice's form of Excel's literal "0\\.0,": "." one digit from
    the right, or of Excel's "0!.0,": "!" before the decimal point), the text after the number,
    a percent sign."""
    if style.tag == f"{_NUMBER}percentage-style":
        return "0%"
    number = style.find(f"{_NUMBER}number")
    if number is None:
        return ""
    commas, factor = "", int(float(number.get(f"{_NUMBER}display-factor", "1")))
    while factor >= 1000 and factor % 1000 == 0:
        commas, factor = commas + ",", factor // 1000
    if factor != 1:  # a factor Excel cannot write: not guessed
        return ""
    places = int(number.get(f"{_NUMBER}decimal-places", "0"))
    texts = "".join(text.text or "" for text in style.iterfind(f"{_NUMBER}text"))
    quoted = f'"{texts.replace(chr(34), "")}"' if texts.strip() else ""
    return _integer_digits(number) + ("." + "0" * places if places else "") + commas + quoted


def _integer_digits(number: etree._Element) -> str:
    """The integer part of the code: "0", with each embedded text at its place counted in
    digits left of the decimal point ("00" with "." at 1 → '0"."0')."""
    embedded = {
        int(text.get(f"{_NUMBER}position", "0")): (text.text or "").replace('"', "")
        for text in number.iterfind(f"{_NUMBER}embedded-text")
    }
    width = max([int(number.get(f"{_NUMBER}min-integer-digits", "1")), *(p + 1 for p in embedded)])
    return "".join(
        "0" + (f'"{embedded[place]}"' if place in embedded else "")
        for place in range(width - 1, -1, -1)
    )


class _Reader:
    """Follows content.xml's events: styles first, then each table's columns, rows and cells."""

    def __init__(self, bounds: Bounds, struck_styles: set[str], found: dict[str, Layout]):
        self.bounds = bounds
        self.struck_styles = struck_styles
        self.found = found
        self.sheet = ""
        self.layout = Layout()
        self.column_styles: list[str | None] = []
        self.data_styles: dict[str, str] = {}  # number style name → its Excel format code
        self.cell_formats: dict[str, str] = {}  # cell style name → a telling format code
        self.row = 0  # Excel-style number of the row being read
        self.column = 0
        self.last_filled = 0
        self.widest = 0

    def take(self, event: str, element: etree._Element) -> None:
        tag = element.tag
        if event == "end" and tag in _NUMBER_STYLES:
            self.data_styles[element.get(f"{_STYLE}name", "")] = _format_code(element)
        if event == "end" and tag == f"{_STYLE}style":
            if _struck(element):
                self.struck_styles.add(element.get(f"{_STYLE}name"))
            code = self.data_styles.get(element.get(f"{_STYLE}data-style-name", ""), "")
            if code and number_formats.shown_by(code) is not None:
                self.cell_formats[element.get(f"{_STYLE}name", "")] = code
        elif tag == f"{_TABLE}table":
            if event == "start":
                self.sheet = element.get(f"{_TABLE}name", "")
                self.layout, self.column_styles = Layout(), []
                self.row = self.last_filled = self.widest = 0
            else:
                self.bounds.check_size(self.sheet, self.last_filled, self.widest)
                self.found[self.sheet] = self.layout
                element.clear()
        elif event == "end" and tag == f"{_TABLE}table-column":
            self._column(element)
        elif tag == f"{_TABLE}table-row":
            self._row(event, element)
        elif event == "end" and tag in _CELLS:
            self._cell(element)

    def _column(self, element: etree._Element) -> None:
        repeat = int(element.get(f"{_TABLE}number-columns-repeated", "1"))
        start = len(self.column_styles)
        count = min(repeat, max(self.bounds.columns - start, 0))
        style = element.get(f"{_TABLE}default-cell-style-name")
        self.column_styles.extend([style] * count)
        if element.get(f"{_TABLE}visibility") in _HIDDEN:
            self.layout.hidden_columns.update(range(start, start + count))

    def _runs(self, element: etree._Element, struck: bool, runs: list[tuple[str, bool]]) -> None:
        """The text of a paragraph in runs, (text, struck?): a text:span under a struck text
        style strikes its text, other text takes the cell's style."""
        runs.append((element.text or "", struck))
        for child in element:
            if child.tag == f"{_TEXT}span":
                inner = struck or child.get(f"{_TEXT}style-name") in self.struck_styles
                self._runs(child, inner, runs)
            elif child.tag != f"{_TEXT}s":  # text:s is a space; links and fields hold text
                self._runs(child, struck, runs)
            runs.append((child.tail or "", struck))

    def _row(self, event: str, element: etree._Element) -> None:
        repeat = int(element.get(f"{_TABLE}number-rows-repeated", "1"))
        if event == "start":
            self.row += 1
            self.column = 0
            return
        filled = self.column > 0 and any(len(cell) for cell in element)
        if filled:
            self.last_filled = self.row + repeat - 1
            self.bounds.check_size(self.sheet, self.last_filled, self.widest)
        if element.get(f"{_TABLE}visibility") in _HIDDEN and (filled or repeat == 1):
            self.layout.hidden_rows.update(range(self.row, self.row + repeat))
        self.row += repeat - 1
        element.clear()
        while element.getprevious() is not None:
            del element.getparent()[0]

    def _cell(self, element: etree._Element) -> None:
        repeat = int(element.get(f"{_TABLE}number-columns-repeated", "1"))
        has_text = element.get(f"{_OFFICE}value-type") == "string" or (
            element.find(f"{_TEXT}p") is not None and element.get(f"{_OFFICE}value-type") is None
        )
        if len(element) or element.get(f"{_OFFICE}value-type"):
            self.widest = max(self.widest, self.column + repeat)
        style = element.get(f"{_TABLE}style-name") or (
            self.column_styles[self.column] if self.column < len(self.column_styles) else None
        )
        if element.get(f"{_OFFICE}value-type") in _NUMBER_TYPES and style in self.cell_formats:
            for column in range(self.column, self.column + min(repeat, self.bounds.columns)):
                self.layout.number_formats[(self.row, column)] = self.cell_formats[style]
        if has_text:
            struck = style in self.struck_styles
            runs: list[tuple[str, bool]] = []
            for paragraph in element.iterfind(f"{_TEXT}p"):
                self._runs(paragraph, struck, runs)
            for column in range(self.column, self.column + min(repeat, self.bounds.columns)):
                self.layout.strike(self.row, column, runs)
        if element.get(f"{_CALCEXT}value-type") == "error":  # calamine gives it as 0 or blank
            text = "".join(element.itertext()).strip() or "#错误"
            for column in range(self.column, self.column + min(repeat, self.bounds.columns)):
                self.layout.errors[(self.row, column)] = text
        across = int(element.get(f"{_TABLE}number-columns-spanned", "1"))
        down = int(element.get(f"{_TABLE}number-rows-spanned", "1"))
        if across > 1 or down > 1:
            self.layout.merged.append(
                MergedRange(self.row, self.column, self.row + down - 1, self.column + across - 1)
            )
        self.column += repeat
