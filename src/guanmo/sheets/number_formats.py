"""What a cell's number format does to the number it shows (issue 9, fresh-eyes tryout 4).

Offices keep 元 in the cells and show 万元 by the format (`0!.0,`, `#,##0.0,`: a trailing comma
divides by 1000, `0.0,,` by a million; `0!.0,` also puts a literal point before the last digit,
so 125000000 shows as 12500.0), write the unit in the format (`0.00"亿元"` shows 1.25 as
"1.25亿元"), or format a fraction as a percent (0.3 shows as "30%"). The user reads what Excel
shows, so the import must too. The format codes are Excel's (ECMA-376 §18.8.31); .xls gives the
same codes, LibreOffice's .ods gives its own elements, which guanmo.sheets.opendocument turns
into these codes. A literal point however written (`0!.0,`, `0\\.0,`, `0"."0,`) divides alike;
other text between the digits (`0"!".0,`, which is what LibreOffice makes of Excel's `0!.0,`:
125000000 shows as 125000!.0 there) leaves no number shown, so the cell cannot be read.
"""

from dataclasses import dataclass
from decimal import Decimal

from guanmo.sheets.cells import MONEY_UNITS, CellError
from guanmo.sheets.sheet import Sheet, cell_address

_PLACEHOLDERS = "0#?"
# Built-in formats (no code in the file) that change what a number shows: 0% and 0.00%.
BUILT_IN = {9: "0%", 10: "0.00%"}


@dataclass(frozen=True)
class Shown:
    """How a format shows a number: held / divisor, followed by `unit` ("亿元"), as a percent."""

    divisor: Decimal
    unit: str
    percent: bool
    inside: str = ""  # text the format puts between the digits ("!"): no number is shown

    def text(self, held: int | float) -> str:
        """The figure shown for `held`, exactly (never rounded to the places shown), with the
        unit or percent sign the format writes: 125000000 under `0!.0,` is "12500"."""
        number = Decimal(repr(held)) if isinstance(held, float) else Decimal(held)
        shown = (number / self.divisor).normalize()
        return f"{shown:f}{'%' if self.percent else self.unit}"


def shown_by(code: str) -> Shown | None:
    """How the format `code` shows a number, or None when it shows the number held (General,
    "#,##0.00", dates…). Only the first section (the one for positive numbers) is read."""
    literal_point_at = None  # placeholders seen when a literal "." came
    placeholders = commas_after = 0
    point = percent = False
    words = []
    pending = inside = ""  # a literal after a digit placeholder; one followed by another
    index = 0
    while index < len(code):
        char = code[index]
        if char == ";":
            break
        if char in '"\\!':
            end = code.find('"', index + 1) if char == '"' else index + 2
            end = len(code) if end < 0 else end
            literal = code[index + 1 : end]
            if literal == "." and not point and literal_point_at is None:
                literal_point_at = placeholders
            elif placeholders:
                pending = pending or literal
            words.append(literal)
            index = end + (char == '"')
            continue
        if char in "_*":
            index += 2
            continue
        if char == "[":
            end = code.find("]", index)
            index = len(code) if end < 0 else end + 1
            continue
        if char in _PLACEHOLDERS:
            placeholders += 1
            commas_after = 0
            inside = inside or pending
        elif char == ",":
            commas_after += 1
        elif char == ".":
            point = True
        elif char == "%":
            percent = True
        elif char in "yYmMdDhHsS" or char.lower() in "eé":
            if char in "Ee" and code[index + 1 : index + 2] in "+-":
                return None  # scientific notation: shown as held
            if placeholders == 0:
                return None  # a date or time
        elif ord(char) > 127:
            words.append(char)
            pending = pending or (char if placeholders else "")
        index += 1
    if placeholders == 0:
        return None
    divisor = Decimal(1000) ** commas_after
    if literal_point_at is not None:
        divisor *= Decimal(10) ** (placeholders - literal_point_at)
    text = "".join(words).strip()
    unit = next(
        (word for word in sorted(MONEY_UNITS, key=len, reverse=True) if text.endswith(word)), ""
    )
    if percent:
        divisor /= 100
    if divisor == 1 and not unit and not percent and not inside:
        return None
    return Shown(divisor, unit, percent, inside)


# What a report says of a number a percent format shows as a percent (0.085 shown 8.5%): a
# number, not text; read as the percent shown (`shown_value`).
PERCENT_FORMAT = "为百分比格式的数字，按显示的百分数读取"


def shown_value(sheet: Sheet, row: int, column: int, *, percent: bool) -> object:
    """The cell at Excel row `row`, column `column` (from 0) as its number format shows it: the
    number held when the format shows it as held; else the text shown, exactly ("9.9%" for
    0.099 under "0.0%", "12500" for 125000000 under "0!.0,"), which the readers' parsers read.

    `percent` says the column holds percentages (its header says %, or the reader knows it
    does): there a fraction in a percent format is the percent Excel shows (issue 9, tryout 8
    I02/T03/S02: 0.099 shown 9.9% is a growth of 9.9, never 0.099). Raises CellError naming
    the cell when a percent format stands in a column holding no percentages, or the format
    puts text between the digits (no number is shown)."""
    values = sheet.rows[row - 1] if 0 < row <= len(sheet.rows) else ()
    held = values[column] if column < len(values) else None
    code = sheet.number_formats.get((row, column))
    if code is None or isinstance(held, bool) or not isinstance(held, int | float):
        return held
    shown = shown_by(code)
    if shown is None:
        return held
    address = cell_address(row, column)
    if shown.inside:
        raise CellError(
            f"单元格{address}的数字格式「{code}」在数字之间夹有文字「{shown.inside}」，"
            "显示的不是一个数；请将该列改为常规数字格式后再导入"
        )
    text = shown.text(held)
    if shown.percent and not percent:
        raise CellError(
            f"单元格{address}设置为百分比格式，显示为{text}，但该列不是百分数；"
            "请按表头写明的单位填写数值（或将格式改为常规）后再导入"
        )
    return text


def rows_as_shown(
    sheet: Sheet, header_row: int, percent: frozenset[int] = frozenset()
) -> tuple[list[tuple], list[tuple[int, int, str]]]:
    """The sheet's rows with every cell below Excel row `header_row` as its format shows it
    (`shown_value`; the columns `percent` (from 0) hold percentages), and the cells that cannot
    be read so: (Excel row, column, why). For readers that take a whole sheet's figures at once
    (observation score sheets: a score is points, never a percent)."""
    rows = [list(values) for values in sheet.rows]
    faults = []
    for row, column in sorted(sheet.number_formats):
        if row <= header_row:
            continue
        try:
            rows[row - 1][column] = shown_value(sheet, row, column, percent=column in percent)
        except CellError as error:
            faults.append((row, column, str(error)))
    return [tuple(values) for values in rows], faults
