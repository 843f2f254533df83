"""Zipped workbooks (.xlsx, .xlsm, .ods): bounds checked first, then the layout calamine omits.

Before anything is parsed, the zip's declared sizes are checked (a 200 KB file that unpacks
to 200 MB is refused at once), and each worksheet's XML is streamed once through regular
expressions that stop at the first row or column past the bounds. The same pass reads the
rows' and columns' hidden flags and the merged ranges. Only a sheet with formulas or text struck
through in rich-text runs, or a workbook whose styles or shared strings strike text through, is
parsed cell by cell (lxml) to find the formula cells saved without a value, the cells holding
an error value (calamine gives them blank) and the struck-through cells: struck by the cell's
format, or in its text's runs (wholly, or only in part). The values themselves are read by
calamine (guanmo.sheets.formats.read_calamine).
"""

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import python_calamine
from lxml import etree

from guanmo.sheets import number_formats, opendocument
from guanmo.sheets.sheet import (
    ODS,
    SAVE_AS,
    XLSX,
    Bounds,
    Layout,
    MergedRange,
    Sheet,
    Unreadable,
    cell_address,
    sheet_from_values,
)

_CHUNK = 4 * 1024 * 1024
_SMALL_PART = 1024 * 1024  # parts this small may unpack at any ratio (XML of a few cells)
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)

_PREFIX = rb"<(?:[\w.-]+:)?"
_ROW = re.compile(_PREFIX + rb"row\b([^>]*)>")
_CELL_COLUMN = re.compile(_PREFIX + rb'c\b[^>]*?\br="([A-Z]{1,3})\d')
_COLUMN = re.compile(_PREFIX + rb"col\b([^>]*)>")
_MERGE = re.compile(_PREFIX + rb'mergeCell\b[^>]*?\bref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
_FORMULA = re.compile(_PREFIX + rb"f[\s>/]")
_ERROR_CELL = re.compile(_PREFIX + rb'c\b[^>]*?\bt="e"')
_STRIKE = re.compile(_PREFIX + rb"strike\b")
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_MIN = re.compile(rb'\bmin="(\d+)"')
_MAX = re.compile(rb'\bmax="(\d+)"')


def read_zipped(data: bytes, bounds: Bounds) -> list[Sheet]:
    """The sheets of a zipped workbook; Unreadable for a bomb, a damaged zip or another kind."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise Unreadable(
            f"无法读取文件：{XLSX}已损坏或不完整（文件可能没有传完）；{SAVE_AS}"
        ) from None
    with archive:
        _check_sizes(archive, bounds)
        if "xl/workbook.xml" in names:
            kind, layouts = XLSX, _xlsx_layouts(archive, bounds)
        elif "content.xml" in names and _mimetype(archive).startswith(
            "application/vnd.oasis.opendocument.spreadsheet"
        ):
            kind, layouts = ODS, opendocument.layouts(archive, bounds)
        elif "xl/workbook.bin" in names:
            raise Unreadable(f"无法读取文件：Excel 二进制工作簿（.xlsb）暂不支持；{SAVE_AS}")
        elif "word/document.xml" in names:
            raise Unreadable("无法读取文件：这是 Word 文档（.docx），不是表格；请上传 Excel 表格")
        else:
            raise Unreadable(f"无法读取文件：压缩包中没有 Excel 或 OpenDocument 工作簿；{SAVE_AS}")
    return read_calamine(data, kind, bounds, layouts)


def _check_sizes(archive: zipfile.ZipFile, bounds: Bounds) -> None:
    """Refuses a zip whose parts unpack beyond the bounds, from the sizes it declares."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _SMALL_PART and ratio > bounds.inflate_ratio:
            raise Unreadable(
                f"文件异常：其中「{info.filename}」解压后是压缩前的{ratio:.0f}倍"
                f"（上限{bounds.inflate_ratio}倍），疑为压缩炸弹，不予读取"
            )
    if total > bounds.unpacked_bytes:
        megabytes = total // (1024 * 1024), bounds.unpacked_bytes // (1024 * 1024)
        raise Unreadable(
            "文件解压后共{}MB，超过{}MB的上限，不予读取；"
            "请删去无关的工作表或分成几个文件上传".format(*megabytes)
        )
    # A part may lie about its size: zipfile stops at the declared size and then fails the
    # CRC check, so draining every part proves the declarations before calamine reads them.
    try:
        for info in archive.infolist():
            with archive.open(info) as part:
                while part.read(_CHUNK):
                    pass
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
        raise Unreadable(f"无法读取文件：压缩内容已损坏或不完整（{error}）；{SAVE_AS}") from None
    except NotImplementedError:
        raise Unreadable(f"无法读取文件：使用了不支持的压缩方式；{SAVE_AS}") from None


def _mimetype(archive: zipfile.ZipFile) -> str:
    try:
        return archive.read("mimetype")[:200].decode("ascii", "replace").strip()
    except KeyError:
        return ""


def _xml(archive: zipfile.ZipFile, name: str) -> etree._Element | None:
    try:
        return etree.fromstring(archive.read(name), _PARSER)
    except KeyError:
        return None
    except etree.XMLSyntaxError as error:
        raise Unreadable(f"无法读取文件：{XLSX}中「{name}」已损坏（{error}）；{SAVE_AS}") from None


def _relations(archive: zipfile.ZipFile) -> dict[str, tuple[str, str]]:
    """The workbook's relationships: id → (type, the zip part it points to)."""
    relations = _xml(archive, "xl/_rels/workbook.xml.rels")
    targets = {}
    for relation in relations if relations is not None else ():
        target = relation.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        targets[relation.get("Id")] = (relation.get("Type", ""), posixpath.normpath(part))
    return targets


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet name → the zip part holding its XML."""
    workbook = _xml(archive, "xl/workbook.xml")
    if workbook is None:
        return {}
    targets = {key: part for key, (_, part) in _relations(archive).items()}
    return {
        sheet.get("name"): targets.get(sheet.get(_RELATIONSHIP_ID), "")
        for sheet in workbook.iter(f"{_MAIN}sheet")
    }


def _telling_formats(archive: zipfile.ZipFile) -> dict[int, str]:
    """Cell format index (the cells' s="…") → number format code, for the formats that show
    another number than held, a unit or a percent sign (number_formats.shown_by)."""
    styles = _xml(archive, "xl/styles.xml")
    formats = styles.find(f"{_MAIN}cellXfs") if styles is not None else None
    if formats is None:
        return {}
    codes = dict(number_formats.BUILT_IN)
    for custom in styles.iterfind(f"{_MAIN}numFmts/{_MAIN}numFmt"):
        codes[int(custom.get("numFmtId", "0"))] = custom.get("formatCode", "")
    telling = {}
    for index, xf in enumerate(formats.iterfind(f"{_MAIN}xf")):
        code = codes.get(int(xf.get("numFmtId", "0")))
        if code and number_formats.shown_by(code) is not None:
            telling[index] = code
    return telling


def _struck_styles(archive: zipfile.ZipFile) -> set[int]:
    """Indexes of the cell formats (the cells' s="…") whose font is struck through."""
    styles = _xml(archive, "xl/styles.xml")
    if styles is None:
        return set()
    fonts = styles.find(f"{_MAIN}fonts")
    formats = styles.find(f"{_MAIN}cellXfs")
    if fonts is None or formats is None:
        return set()
    struck_fonts = set()
    for index, font in enumerate(fonts.iterfind(f"{_MAIN}font")):
        strike = font.find(f"{_MAIN}strike")
        if strike is not None and strike.get("val", "1") not in ("0", "false"):
            struck_fonts.add(index)
    if not struck_fonts:
        return set()
    return {
        index
        for index, xf in enumerate(formats.iterfind(f"{_MAIN}xf"))
        if int(xf.get("fontId", "0")) in struck_fonts
    }


Runs = list[tuple[str, bool | None]]  # a rich text's runs: text, struck? (None: the cell's font)


def _runs(parent: etree._Element) -> Runs:
    """The runs of a rich text (<si> or <is>); [] for plain text. A run with properties is
    struck by them alone, one without takes the cell's font (as Excel shows it)."""
    runs: Runs = []
    for run in parent.iterfind(f"{_MAIN}r"):
        text = "".join(piece.text or "" for piece in run.iterfind(f"{_MAIN}t"))
        properties = run.find(f"{_MAIN}rPr")
        struck = None
        if properties is not None:
            strike = properties.find(f"{_MAIN}strike")
            struck = strike is not None and strike.get("val", "1") not in ("0", "false")
        runs.append((text, struck))
    return runs


def _shared_runs(archive: zipfile.ZipFile, struck_styles: set[int]) -> dict[int, Runs]:
    """The shared strings typed as rich text that may be struck: index → runs. Read only when
    a run is struck, or a struck cell format may strike the runs that have no font of their own."""
    part = next(
        (part for kind, part in _relations(archive).values() if kind.endswith("/sharedStrings")),
        None,
    )
    if part is None or part not in archive.namelist():
        return {}
    if not struck_styles and not any(b"strike" in chunk for chunk in _chunks(archive, part)):
        return {}
    found = {}
    with archive.open(part) as stream:
        for index, (_, item) in enumerate(
            etree.iterparse(stream, tag=f"{_MAIN}si", resolve_entities=False, no_network=True)
        ):
            if runs := _runs(item):
                found[index] = runs
            item.clear()
    return found


def _xlsx_layouts(archive: zipfile.ZipFile, bounds: Bounds) -> dict[str, Layout]:
    struck_styles = _struck_styles(archive)
    shared_runs = _shared_runs(archive, struck_styles)
    telling = _telling_formats(archive)
    layouts = {}
    for name, part in _sheet_parts(archive).items():
        if part not in archive.namelist():
            continue  # a chart sheet or a missing part: calamine decides
        layout, cell_by_cell = _scan(archive, name, part, bounds)
        if cell_by_cell or struck_styles or shared_runs or telling:
            _read_cells(archive, part, _Strikes(struck_styles, shared_runs, telling), layout)
        layouts[name] = layout
    return layouts


@dataclass(frozen=True)
class _Strikes:
    """What strikes a cell's text through: its format (cellXfs indexes), or its text's runs."""

    styles: set[int]
    shared_runs: dict[int, Runs]
    number_formats: dict[int, str]  # cell format index → a telling number format's code


def column_index(letters: bytes | str) -> int:
    """0 for A, 25 for Z, 26 for AA."""
    index = 0
    for letter in letters if isinstance(letters, str) else letters.decode("ascii"):
        index = index * 26 + ord(letter) - 64
    return index - 1


def _chunks(archive: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    """The part's XML in pieces that each end at a '>', so that no tag is cut in two."""
    rest = b""
    with archive.open(part) as stream:
        while block := stream.read(_CHUNK):
            block = rest + block
            cut = block.rfind(b">") + 1
            rest = block[cut:]
            yield block[:cut]
    yield rest


def _scan(archive: zipfile.ZipFile, sheet: str, part: str, bounds: Bounds) -> tuple[Layout, bool]:
    """One regex pass over a sheet's XML: bounds, hidden rows and columns, merged ranges; and
    whether the sheet must be read cell by cell (formulas, error values, struck runs)."""
    layout = Layout()
    row_number = 0
    widest = 0
    cell_by_cell = False
    for chunk in _chunks(archive, part):
        for match in _ROW.finditer(chunk):
            attributes = match.group(1)
            numbered = _ROW_NUMBER.search(attributes)
            row_number = int(numbered.group(1)) if numbered else row_number + 1
            if b"hidden" in attributes and _HIDDEN.search(attributes):
                layout.hidden_rows.add(row_number)
        if row_number > bounds.rows:
            bounds.check_size(sheet, row_number, 0)
        for letters in set(_CELL_COLUMN.findall(chunk)):
            widest = max(widest, column_index(letters) + 1)
        bounds.check_size(sheet, row_number, widest)
        for match in _COLUMN.finditer(chunk):
            attributes = match.group(1)
            if _HIDDEN.search(attributes):
                first, last = _MIN.search(attributes), _MAX.search(attributes)
                if first and last:
                    # A hidden range may run to the sheet's last column; only the used ones matter.
                    stop = min(int(last.group(1)), bounds.columns)
                    layout.hidden_columns.update(range(int(first.group(1)) - 1, stop))
        for first, top, last, bottom in _MERGE.findall(chunk):
            layout.merged.append(
                MergedRange(
                    int(top),
                    column_index(first),
                    int(bottom or top),
                    column_index(last or first),
                )
            )
        # A cell typed as an error value needs the cell-by-cell pass too: calamine gives it blank;
        # so does an inline rich text struck through.
        cell_by_cell = cell_by_cell or bool(
            _FORMULA.search(chunk)
            or _ERROR_CELL.search(chunk)
            or (b"strike" in chunk and _STRIKE.search(chunk))
        )
    return layout, cell_by_cell


def _read_cells(archive: zipfile.ZipFile, part: str, strikes: _Strikes, layout: Layout) -> None:
    """Struck-through text cells and formula cells saved without a value, cell by cell."""
    row_number, column = 0, -1
    row_tag = f"{_MAIN}row"
    with archive.open(part) as stream:
        for event, element in etree.iterparse(
            stream,
            events=("start", "end"),
            tag=(row_tag, f"{_MAIN}c"),
            resolve_entities=False,
            no_network=True,
        ):
            if element.tag == row_tag:
                if event == "start":
                    row_number = int(element.get("r") or row_number + 1)
                    column = -1
                else:  # free the rows read so far
                    element.clear()
                    while element.getprevious() is not None:
                        del element.getparent()[0]
            elif event == "end":
                reference = element.get("r")
                column = column_index(reference.rstrip("0123456789")) if reference else column + 1
                _take_cell(element, row_number, column, strikes, layout)


def _take_cell(
    cell: etree._Element, row: int, column: int, strikes: _Strikes, layout: Layout
) -> None:
    kind = cell.get("t", "n")
    value = cell.find(f"{_MAIN}v")
    if kind in ("s", "inlineStr", "str"):
        struck = int(cell.get("s", "0")) in strikes.styles
        runs: Runs = []
        if kind == "s" and value is not None and value.text:
            runs = strikes.shared_runs.get(int(value.text), [])
        elif kind == "inlineStr" and (inline := cell.find(f"{_MAIN}is")) is not None:
            runs = _runs(inline)
        if runs:
            layout.strike(row, column, [(text, struck if s is None else s) for text, s in runs])
        elif struck:
            layout.struck_cells.setdefault(row, set()).add(column)
    if kind == "n" and value is not None and value.text:
        code = strikes.number_formats.get(int(cell.get("s", "0")))
        if code:
            layout.number_formats[(row, column)] = code
    if kind == "e":  # "#VALUE!": calamine reads it as blank, which would pass for a figure
        layout.errors[(row, column)] = (value.text if value is not None else "") or "#错误"
        return
    formula = cell.find(f"{_MAIN}f")
    if formula is None:
        return
    if value is None or (not value.text and kind != "str"):
        layout.unevaluated.append(cell_address(row, column))


def read_calamine(data: bytes, fmt: str, bounds: Bounds, layouts: dict[str, Layout]) -> list[Sheet]:
    """The sheets calamine reads from a zipped workbook (.xlsx, .ods), with their layouts."""
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError:
        raise Unreadable(f"无法读取文件：{fmt}设置了打开密码；请取消密码后再上传") from None
    except Exception as error:  # calamine raises several kinds for a damaged file
        raise Unreadable(f"无法读取文件：{fmt}已损坏或不完整（{error}）；{SAVE_AS}") from None
    try:
        sheets = []
        for metadata in workbook.sheets_metadata:
            if metadata.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue  # a chart sheet holds no cells
            layout = layouts.get(metadata.name, Layout())
            layout.hidden_sheet = metadata.visible != python_calamine.SheetVisibleEnum.Visible
            try:
                values = workbook.get_sheet_by_name(metadata.name).to_python(skip_empty_area=False)
            except Exception as error:
                message = (
                    f"无法读取文件：{fmt}的工作表「{metadata.name}」已损坏（{error}）；{SAVE_AS}"
                )
                raise Unreadable(message) from None
            sheets.append(sheet_from_values(metadata.name, values, layout, bounds, fmt))
        return sheets
    finally:
        workbook.close()
