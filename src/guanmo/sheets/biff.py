"""The formula cells of a BIFF8 .xls saved without a value, which xlrd reads as empty text.

xlrd reports a formula cell by its saved result only. A FORMULA record (0x0006) holds that
result in 8 bytes: a number's IEEE double, or, when bytes 6–7 are FFFF, a type in byte 0
(0 text, followed by a STRING record; 1 TRUE/FALSE; 2 an error; 3 empty text). Programs that
write .xls without computing (xlwt and those built on it) write every result as empty text
(03 … FFFF); Excel, WPS and LibreOffice write an empty text result only for a formula that
really gives "" — and such a formula holds a text constant ("", tStr) or takes it from a
shared formula. So an empty-text result of a formula with no text constant is a formula saved
without its value (source: [MS-XLS] 2.4.127 Formula, 2.5.133 FormulaValue, 2.5.198 Ptg).
"""

import struct

from xlrd import compdoc

_FORMULA, _SHRFMLA, _BOF, _BOUNDSHEET, _EOF = 0x0006, 0x04BC, 0x0809, 0x0085, 0x000A
_EMPTY_TEXT = 3
_TEXT_CONSTANT = 0x17  # tStr
_SHARED = 0x01  # tExp: the formula is the shared formula anchored at (row, column)

# Bytes after the token byte of the BIFF8 parse tokens (Ptg), by base token (classes folded).
_OPERAND_SIZES = {
    **dict.fromkeys(range(0x03, 0x17), 0),  # operators, tParen, tMissArg
    0x02: 4,  # tTbl
    0x1C: 1,  # tErr
    0x1D: 1,  # tBool
    0x1E: 2,  # tInt
    0x1F: 8,  # tNum
    0x20: 7,  # tArray
    0x21: 2,  # tFunc
    0x22: 3,  # tFuncVar
    0x23: 4,  # tName
    0x24: 4,  # tRef
    0x25: 8,  # tArea
    0x26: 6,  # tMemArea
    0x27: 6,  # tMemErr
    0x28: 6,  # tMemNoMem
    0x29: 2,  # tMemFunc
    0x2A: 4,  # tRefErr
    0x2B: 8,  # tAreaErr
    0x2C: 4,  # tRefN
    0x2D: 8,  # tAreaN
    0x39: 6,  # tNameX
    0x3A: 6,  # tRef3d
    0x3B: 10,  # tArea3d
    0x3C: 6,  # tRefErr3d
    0x3D: 10,  # tAreaErr3d
}


def unevaluated_cells(data: bytes) -> dict[str, list[tuple[int, int]]]:
    """Worksheet name → (row, column) from 0 of every formula saved without a value, row
    by row. A BIFF5 (Excel 95) or unreadable stream gives {}: xlrd reads those."""
    try:
        document = compdoc.CompDoc(data, logfile=_Silent())
        memory, start, size = document.locate_named_stream("Workbook")
    except Exception:  # no BIFF8 workbook stream: xlrd reports the file's fault itself
        return {}
    if memory is None:
        return {}
    stream = memory[start : start + size]
    names = _sheet_names(stream)
    found: dict[str, list[tuple[int, int]]] = {}
    for offset, name in names.items():
        cells = _sheet_unevaluated(stream, offset)
        if cells:
            found[name] = cells
    return found


class _Silent:
    def write(self, text: str) -> None:
        """compdoc writes its warnings to a log; they say nothing a user can act on."""


def _records(stream: bytes, offset: int):
    """(code, data) of each record from `offset` to the end of the stream."""
    while offset + 4 <= len(stream):
        code, length = struct.unpack_from("<HH", stream, offset)
        yield code, stream[offset + 4 : offset + 4 + length]
        offset += 4 + length


def _sheet_names(stream: bytes) -> dict[int, str]:
    """The stream offset of each worksheet's BOF → its name, from the BOUNDSHEET records."""
    names = {}
    for code, record in _records(stream, 0):
        if code == _EOF:
            break
        if code != _BOUNDSHEET or len(record) < 8 or record[5] != 0:  # 0: a worksheet
            continue
        length, wide = record[6], record[7] & 1
        text = record[8 : 8 + length * (2 if wide else 1)]
        names[struct.unpack_from("<I", record)[0]] = (
            text.decode("utf-16-le") if wide else text.decode("latin-1")
        )
    return names


def _sheet_unevaluated(stream: bytes, offset: int) -> list[tuple[int, int]]:
    empty: list[tuple[int, int, bytes]] = []  # (row, column, parsed expression)
    shared_text: dict[tuple[int, int], bool] = {}  # anchor → the shared formula holds text
    anchor = None
    for code, record in _records(stream, offset):
        if code == _EOF:
            break
        if code == _FORMULA and len(record) >= 22:
            row, column = struct.unpack_from("<HH", record)
            anchor = (row, column)
            result = record[6:14]
            if result[0] == _EMPTY_TEXT and result[6:8] == b"\xff\xff":
                empty.append((row, column, record[22:]))
        elif code == _SHRFMLA and anchor is not None and len(record) >= 10:
            shared_text[anchor] = _holds_text(record[10:])
    unevaluated = []
    for row, column, expression in empty:
        if expression[:1] == bytes([_SHARED]) and len(expression) >= 5:
            if shared_text.get(struct.unpack_from("<HH", expression, 1), False):
                continue
        elif _holds_text(expression):
            continue
        unevaluated.append((row, column))
    return sorted(unevaluated)


def _holds_text(expression: bytes) -> bool:
    """Whether the parsed expression (BIFF8 tokens) holds a text constant. A token this reader
    does not know ends the walk as "no text": the cell is then refused, never read as blank."""
    position = 0
    while position < len(expression):
        token = expression[position]
        if token == _TEXT_CONSTANT:
            return True
        if token == 0x19:  # tAttr: grbit, a 2-byte word, and for tAttrChoose a jump table
            if position + 3 >= len(expression):
                return False
            options, words = (
                expression[position + 1],
                struct.unpack_from("<H", expression, position + 2)[0],
            )
            position += 4 + (2 * (words + 1) if options & 0x04 else 0)
            continue
        base = token if token < 0x20 else (token & 0x1F) | 0x20
        size = _OPERAND_SIZES.get(base)
        if size is None:
            return False
        position += 1 + size
    return False
