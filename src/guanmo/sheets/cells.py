"""Reading one cell of a sheet: money, figures, text, year ranges, project codes.

Every parser takes the raw value openpyxl gives (str, int, float, datetime or None) and either
returns the parsed value or raises CellError with the Chinese message a fault will carry.
None always means "left blank". Nothing here touches the database. Parsers of one domain's
words (the ledger's stages and levels: guanmo.ledger.cells) live in that domain.
"""

import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from guanmo.regions.names import clean_text
from guanmo.regions.services import divisions

WAN_PER_YI = Decimal(10000)  # 1 亿元 = 10000 万元
ONE_YUAN = Decimal("0.0001")  # in 万元: money is kept to four places
_MONEY_LIMIT = Decimal(10) ** 14  # the ledger's columns hold 18 digits, four after the point
# How far (relative) a float may stray from four places and still be the figure its cell shows:
# binary noise is about 1e-15 of a figure, a fraction of a yuan typed on purpose is far above.
_FLOAT_NOISE = Decimal("1e-11")

# Every dash, tilde and word a sheet puts between two years or two months.
DASHES = "-‐‑‒–—―−－~～〜"
_DASH_RUN = re.compile(rf"[{DASHES}]+|至|到")
# What offices type in a cell they leave blank on purpose.
BLANK_MARKS = frozenset({"", "-", "/", "无", "—", "——", "--"})
# The money units offices write (in a header, a units line or a cell) → the multiplier into 万元
# (issue 9 §3): read exactly, 千元 = 0.1万元, 百万元 = 100万元; any other word (万美元) is refused.
MONEY_UNITS = {
    "亿元": WAN_PER_YI,
    "亿": WAN_PER_YI,
    "百万元": Decimal(100),
    "百万": Decimal(100),
    "万元": Decimal(1),
    "万": Decimal(1),
    "千元": Decimal("0.1"),
    "元": ONE_YUAN,
}
UNIT_NAMES = {
    WAN_PER_YI: "亿元",
    Decimal(100): "百万元",
    Decimal(1): "万元",
    Decimal("0.1"): "千元",
    ONE_YUAN: "元",
}
# A unit typed in a cell after its figure: "0.5亿元", "5000千元"; longest words first.
_UNIT_SUFFIXES = tuple(sorted(MONEY_UNITS.items(), key=lambda item: -len(item[0])))
# A figure followed by a unit word that is no RMB unit: "5万美元", "300港元".
_FOREIGN_SUFFIX = re.compile(r"[\d.,]+\s*([^\d\s.,]*元)$")


def money_unit(word: str) -> Decimal:
    """The multiplier into 万元 of a unit word ("千元" → 0.1); CellError naming the word when it
    is no RMB unit Guanmo can convert ("万美元"). Source: issue 9 §3."""
    word = word.removeprefix("人民币")
    if word not in MONEY_UNITS:
        raise CellError(f"单位「{word}」无法换算为万元；请改为万元、亿元或元后再导入")
    return MONEY_UNITS[word]


_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
# Excel's mark of a number kept as text ('1234 shows 1234), and the quotes input methods type
# for it (tryout 7 of issue 9, L16).
_TEXT_MARKS = "'‘’`"
# An accountant's negative (tryout 7 of issue 9, L06, L07, P03, P04): (1,234) or 1,234-.
_BRACKETED = re.compile(r"\((?P<number>[^()]*)\)")
_TRAILING_MINUS = re.compile(r"(?P<number>[\d.,]*\d[\d.,]*)-")
_NEGATIVE_FORMS = {"括号": "括号表示负数", "尾号": "末尾的负号表示负数"}
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")
_LINE_BREAKS = re.compile(r"\s*\n\s*")
_SPACES = re.compile(r"[^\S\n]+")


class CellError(ValueError):
    """A cell that cannot be read; the message says why, in Chinese."""


class UnreadCell(CellError):
    """A cell not read at all: an error value (#REF!), a number whose comma cannot be placed
    ("2,1000"). The message begins with what the cell holds, so a reader knowing the cell puts
    its column letter and header in front ("列E「4月完成（万元）」单元格是错误值 #REF!…";
    tryout 20 F5: named by field alone)."""


class AmbiguousWan(CellError):
    """A bare "万" typed after a figure in a 万元 column ("1.2万") that may mean 1.2万元 or
    1.2万个万元 (1.2亿元): the message begins with the cell's text, so a reader knowing the
    cell may put its address in front ("单元格I4「1.2万」…"; tryout 18)."""


# 万元: no project of a city's list costs this much (`ledger.unit_doubts.ABSURD`, 1000亿元), so
# a bare "2800万" in a 万元 column, as 2800万个万元 beyond it, can only mean 2800万元.
_BEYOND_ANY_PROJECT = Decimal(10_000_000)


def _bare_wan(text: str, cell_scale: Decimal | None, scale: Decimal) -> bool:
    """Whether a cleaned, unquoted money text ends in a bare 万 (not 万元) in a 万元 column."""
    return scale == cell_scale == MONEY_UNITS["万"] and text.endswith("万")


class FinerThanOneYuan(CellError):
    """A money figure with more decimals than its unit can keep (the ledger keeps one yuan):
    the message begins with the figure, so a reader knowing the cell may put it in front
    ("单元格E4为…"; tryout 14 L5: =10/3 in 亿元 quoted as 3.3333333333333335, no cell)."""


class AccountingNegative(CellError):
    """A negative written as accountants write it ((1,234), 1234-) where none may stand: the
    message says what it was read as; the reader of the column may add why."""


# The error values Excel, WPS and LibreOffice show in a cell whose formula failed; every reader
# delivers them as this text (guanmo.sheets.ooxml, formats, opendocument, spreadsheetml).
ERROR_VALUES = frozenset(
    {
        "#VALUE!",
        "#REF!",
        "#N/A",
        "#DIV/0!",
        "#NAME?",
        "#NUM!",
        "#NULL!",
        "#SPILL!",
        "#CALC!",
        "#GETTING_DATA",
        "#FIELD!",
        "#BLOCKED!",
        "#UNKNOWN!",
        "Err:502",
        "Err:504",
        "Err:508",
        "Err:511",
        "Err:522",
        "#错误",
    }
)


def check_not_error(value: object) -> None:
    """Raise CellError for a cell holding an error value: it was not read, so it is never taken
    as blank or 0 (source: issue 9 §5, an unread value never overwrites a stored figure)."""
    if isinstance(value, str) and value.strip() in ERROR_VALUES:
        raise UnreadCell(f"单元格是错误值 {value.strip()}，无法读取")


class PendingValue(CellError):
    """A money cell typed as not yet known (待定, 暂无): blank only where blank is allowed."""


# What offices type in a money cell whose figure is not settled yet.
PENDING_MARKS = frozenset({"待定", "暂无", "未定", "待定中", "待确定", "暂定"})


def normalise(value: object) -> str:
    """NFKC text with the ends trimmed: what parsers compare (full-width digits become ASCII)."""
    return unicodedata.normalize("NFKC", str(value)).strip()


def parse_line(value: object) -> str:
    """Single-line text as typed, trimmed; line breaks typed to wrap a long name are dropped.

    Text is stored as written (full-width brackets stay full-width in bulletins);
    only comparisons go through NFKC.
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if "\n" in text:
        text = _LINE_BREAKS.sub("", text)
    return _SPACES.sub(" ", text)


def parse_paragraph(value: object) -> str:
    """Free text (scope, progress, problems): trimmed, inner line breaks kept."""
    if value is None:
        return ""
    return "\n".join(line.strip() for line in str(value).strip().splitlines())


def parse_money(
    value: object, scale: Decimal = Decimal(1), *, signed: bool = False
) -> Decimal | None:
    """An amount in 万元, or None when blank; below zero only when `signed` (a month's 核减).

    Accepts numbers typed as text (also behind Excel's apostrophe, '1234), thousands
    separators (a comma grouping exactly three digits; any other comma is refused), full-width
    digits and a trailing "万元"; a trailing "亿元" in the cell converts that cell. An
    accountant's negative, (1,234) or 1,234-, is −1234: where `signed` is not given it raises
    AccountingNegative saying so, never read as 1234 (tryout 7 of issue 9). `scale` is 10000
    for columns the sheet gives in 亿元, 0.0001 for 元. The ledger keeps 万元 to four places
    (one yuan): a figure finer than that, in any unit, cannot be kept exactly and raises
    CellError, never rounded (source: issue 9 §5). Floats go through their shortest repr, so
    0.1 stays exactly 0.1; a float within a hair of four places (0.30000000000000004, from a
    formula or Excel's binary numbers) is the figure the cell shows and reads as it.
    """
    if value is None:
        return None
    check_not_error(value)
    if isinstance(value, bool):
        raise CellError(f"不是数字：{value}")
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(repr(value))
    elif isinstance(value, Decimal):
        amount = value
    else:
        text = _unquoted(clean_text(value))
        if text in BLANK_MARKS:
            return None
        if text in PENDING_MARKS:
            raise PendingValue(f"「{text}」不是数字")
        typed, (text, cell_scale, negative) = text, _spelled(text)
        bare_wan = _bare_wan(typed, cell_scale, scale)
        scale = cell_scale or scale  # a unit typed in the cell beats the column's
        amount = _typed_number(text, value)
        if bare_wan and amount * WAN_PER_YI < _BEYOND_ANY_PROJECT:
            raise AmbiguousWan(
                f"「{parse_line(value)}」只写“万”，无法确定是{format_wan(amount)}万元还是"
                f"{format_wan(amount)}万个万元（{format_wan(amount)}亿元）；"
                f"请填写数字，如{format_wan(amount * WAN_PER_YI)}（万元）"
            )
        if negative:
            if text[:1] in "+-":  # (-120), -120-: a sign written twice
                raise CellError(f"不是数字：{parse_line(value)}")
            amount = -amount
            if not signed:
                raise AccountingNegative(
                    f"「{parse_line(value)}」是负数的会计写法（{_NEGATIVE_FORMS[negative]}），"
                    f"读作{format_wan(amount)}，不能为负数"
                )
    if amount < 0 and not signed:
        raise CellError("不能为负数")
    if scale != 1:
        amount *= scale
    if abs(amount) >= _MONEY_LIMIT:
        raise CellError(f"数额过大：{parse_line(value)}")
    if decimal_places(amount.normalize()) <= 4:
        return amount if decimal_places(amount) <= 4 else amount.quantize(ONE_YUAN)
    kept = amount.quantize(ONE_YUAN, ROUND_HALF_UP)
    if isinstance(value, float) and abs(amount - kept) <= _FLOAT_NOISE * max(abs(amount), 1):
        return kept  # 12.300000000000001: Excel's binary number for the 12.3 the cell shows
    unit = "" if isinstance(value, str) and not value[-1].isdigit() else UNIT_NAMES.get(scale, "")
    endless = isinstance(value, float) and decimal_places(Decimal(repr(value))) > _ENDLESS
    typed = _cut(Decimal(repr(value))) if endless else parse_line(value)
    shown = _cut(amount.normalize()) if endless else f"{amount.normalize():f}"
    converted = f"换算为{shown}万元，" if scale != 1 else ""
    why = ""
    if endless:  # a formula's quotient (=10/3): the cell shows fewer digits than it holds
        allowed = max(0, 4 + scale.adjusted())
        per_unit = f"，以{unit}填写最多{allowed}位小数" if unit and scale != 1 else ""
        why = f"；是除不尽的数，多为公式计算结果{per_unit}"
    raise FinerThanOneYuan(
        f"{typed}{unit}{converted}超过4位小数（不足1元{why}），"
        "台账只能保存到元；请核对后按元取整填写" + ("（如用 ROUND 函数取整）" if endless else "")
    )


# A float with more decimals than this holds a quotient that does not end (3.3333333333333335),
# not a figure typed: it is shown cut to four decimals and "…".
_ENDLESS = 10


def _cut(number: Decimal) -> str:
    """A long figure to four decimals and "…": 3.3333333333333335 → "3.3333…"."""
    return f"{number.quantize(ONE_YUAN, rounding=ROUND_DOWN):f}…"


def _unquoted(text: str) -> str:
    """A cleaned cell text without Excel's leading apostrophe (a number kept as text)."""
    return text[1:] if text[:1] in _TEXT_MARKS else text


def _accounting_sign(text: str) -> tuple[str, str]:
    """(text, form): a cleaned cell text without an accountant's negative mark, and which mark
    it had ("括号" for (1,234), "尾号" for 1,234-; "" for none). The minus sign of typeset text
    (−) is the hyphen's."""
    text = text.replace("−", "-")
    if bracketed := _BRACKETED.fullmatch(text):
        return bracketed["number"], "括号"
    if trailing := _TRAILING_MINUS.fullmatch(text):
        return trailing["number"], "尾号"
    return text, ""


def _spelled(text: str) -> tuple[str, Decimal | None, str]:
    """(number, unit, negative form) of a cleaned, unquoted money text: the number's text
    without the unit word typed after it ("0.5亿元": 亿元's multiplier, None for none) and
    without an accountant's negative mark around it or after it ((1.2亿元), (1.2)亿元, 120-).
    CellError for a unit word that is no RMB unit ("5万美元")."""
    text, negative = _accounting_sign(text)
    if (foreign := _FOREIGN_SUFFIX.fullmatch(text)) and foreign.group(1) not in MONEY_UNITS:
        money_unit(foreign.group(1))
    unit = None
    for suffix, multiplier in _UNIT_SUFFIXES:
        if text.endswith(suffix) and text != suffix:
            text, unit = text.removesuffix(suffix), multiplier
            break
    if not negative:
        text, negative = _accounting_sign(text)
    return text, unit, negative


def money_spelling(value: object, column_unit: Decimal = Decimal(1)) -> str:
    """How a money cell's text is written beyond its digits, as the import report says it
    ("括号表示负数"; a unit other than its column's `column_unit`: "单元格写明亿元，与本列单位
    万元不同，按单元格所写单位读取", the cell's unit winning, issue 9 §3), or "" for plain
    figures, numbers and blanks (tryout 7 of issue 9); full-width digits and thousands
    separators are said too (tryout 10)."""
    if not isinstance(value, str):
        return ""
    text = clean_text(value)
    said = []
    if text[:1] in _TEXT_MARKS and len(text) > 1:
        said.append("以撇号开头，是存为文本的数字，按显示的数读取")
    try:
        number, unit, negative = _spelled(_unquoted(text))
    except CellError:
        return ""
    if any("\uff10" <= char <= "\uff19" or char in "．，" for char in str(value)):
        said.append("为全角数字，按半角数字读取")
    if "," in number and not said:  # behind an apostrophe: read as Excel shows it, said so
        said.append("含千位分隔符，按数字读取")
    if _bare_wan(_unquoted(text), unit, column_unit):  # read only where it cannot be 亿元
        said.append("单元格只写“万”，按万元读取（读作若干万个万元将超过1000亿元）")
    if unit is not None and unit != column_unit:
        said.append(
            f"单元格写明{UNIT_NAMES[unit]}，与本列单位{UNIT_NAMES[column_unit]}不同，"
            "按单元格所写单位读取"
        )
    if negative:
        said.append(f"{_NEGATIVE_FORMS[negative]}，按负数读取")
    return "；".join(said)


def _typed_number(text: str, value: object) -> Decimal:
    """The number a cleaned cell text spells; CellError (quoting `value`) when it spells none."""
    if "," in text:  # "210,5" may be 210.5 or a slip for 2105: refused, never guessed
        if not _THOUSANDS.fullmatch(text):
            raise UnreadCell(
                f"无法确定「{parse_line(value)}」的写法：逗号只能作千位分隔（如1,234.5），"
                "小数请用小数点"
            )
        text = text.replace(",", "")
    if not _NUMBER.fullmatch(text):
        raise CellError(f"不是数字：{parse_line(value)}")
    try:
        return Decimal(text)
    except InvalidOperation as error:  # pragma: no cover - the pattern admits only numbers
        raise CellError(f"不是数字：{parse_line(value)}") from error


def figure_spelling(value: object) -> list[str]:
    """How a figure cell's text is written beyond a plain number, each way as the import report
    says it, the money cells' words (`money_spelling`): full-width digits, thousands separators,
    a percent sign typed into text ("8.5%"), a number kept as text; [] for numbers, blanks and
    plain figures (tryout 14: targets typed so were read unsaid)."""
    if not isinstance(value, str) or clean_text(value) in BLANK_MARKS | PENDING_MARKS:
        return []
    said = []
    if any("\uff10" <= char <= "\uff19" or char in "．，％" for char in value):
        said.append("为全角数字，按半角数字读取")
    text = clean_text(value)
    if "," in text:
        said.append("含千位分隔符，按数字读取")
    if text.endswith("%"):
        said.append("为带百分号的文本，按数字读取")
    return said or ["为存为文本的数字，按数字读取"]


def parse_figure(value: object) -> Decimal | None:
    """A signed figure as typed (a growth of -33.3, "9.0%", "1,234.5", full-width digits), or
    None when blank ("", "-", "/", "无"). A trailing % is dropped: the column says what the
    figure is. Error values and 待定 are refused (CellError), never read as blank. Floats go
    through their shortest repr, so 0.1 stays exactly 0.1; nothing is rounded."""
    if value is None:
        return None
    check_not_error(value)
    if isinstance(value, bool):
        raise CellError(f"不是数字：{value}")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    text = clean_text(value)
    if text in BLANK_MARKS:
        return None
    if text in PENDING_MARKS:
        raise PendingValue(f"「{text}」不是数字")
    return _typed_number(text.replace("−", "-").removesuffix("%"), value)


def parse_rank(value: object) -> int | None:
    """A 位次 as typed: 3, "3", "第3位", "第3名", "3（并列）"; None when blank; CellError unless a
    whole number from 1."""
    if isinstance(value, str):
        value = normalise(value).removeprefix("第").split("(")[0].removesuffix("位")
        value = value.removesuffix("名")
    figure = parse_figure(value)
    if figure is None:
        return None
    if figure != figure.to_integral() or figure < 1:
        raise CellError(f"位次应为从1起的整数，而不是{format_wan(figure)}")
    return int(figure)


def format_wan(amount: Decimal) -> str:
    """An amount as messages quote it: 1200, 12.5 (no trailing zeros, no exponent)."""
    return f"{amount.normalize():f}"


def decimal_places(amount: Decimal) -> int:
    """How many decimals a figure was typed with (12.50 → 2, 1200 → 0)."""
    exponent = amount.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_YEAR_AND_SHORT_YEAR = re.compile(r"((?:19|20)\d\d)年?-(\d\d)年?")
_YEAR_DOT_MONTH = re.compile(r"(\d{4})\.(\d{1,2})")
# One year and month as text, the start alone: 2025.06, 2025年6月, 2025/6, 2025-06, 2025年6月开工.
_START_MONTH = re.compile(
    r"((?:19|20)\d\d)(?:[./]|年|-(?=0|1[0-2]))(\d{1,2})月?份?(?:开工|开始|起)?"
)
# "24.3-26.12": two-digit years with their months, as 漳州's sheets type them (read as 20yy).
_SHORT_YEAR_MONTHS = re.compile(r"(\d\d)\.(\d{1,2})-(\d\d)\.(\d{1,2})")


# Excel's date serials of 1970-01-01 and 2099-12-31: a whole number between them in a date
# column is a date typed in General format (45658 is 2025-01-01).
_SERIALS = range(25569, 73051)
_EXCEL_EPOCH = date(1899, 12, 30)


def parse_year_of_date(value: object) -> int | None:
    """The year of a date cell (开工时间, 竣工时间): a date, an Excel date serial shown as a number
    (45658 → 2025), a year (2025) or text ("2025年3月", "2025.03.01"); None for a blank.
    Raises CellError for anything else (source: tryout 4 L10)."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.year
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 1900 <= value <= 2099:
            return int(value)
        if int(value) in _SERIALS:
            return (_EXCEL_EPOCH + timedelta(days=int(value))).year
        raise CellError(f"不是日期：{parse_line(value)}")
    try:
        start, _ = parse_years(value)
    except CellError:
        raise CellError(f"不是日期：{parse_line(value)}") from None
    return start


def parse_years(value: object) -> tuple[int | None, int | None]:
    """起止年限 → (start year, end year).

    "2024—2026", "2024-2026年", "2024.3-2026.12", "2024年3月至2026年12月", "2024-26" give
    (2024, 2026); a single year "2025" is a one-year project; "2024—" has no end yet.
    "24.3-26.12" (two-digit years with months) is 2024 to 2026.
    A date (Excel turns "2024-3" into 2024-03-01) or a year and month kept as a number
    (2024.3; "2024.10" is kept as 2024.1), or typed as text ("2025.06", "2025年6月", "2025/6",
    "2025-06" where 06 cannot be an end year), gives the start year alone: no end is invented.
    """
    if value is None:
        return None, None
    if isinstance(value, datetime | date):
        return value.year, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 1900 <= value <= 2099:
            return int(value), int(value)
        typed = _YEAR_DOT_MONTH.fullmatch(repr(float(value)))
        if typed and 1900 <= int(typed[1]) <= 2099 and 1 <= int(typed[2]) <= 12:
            return int(typed[1]), None
        raise CellError(f"无法识别的起止年限：{value}")
    text = _DASH_RUN.sub("-", clean_text(value))
    if text in BLANK_MARKS:
        return None, None
    started = _START_MONTH.fullmatch(text)
    if started and 1 <= int(started[2]) <= 12:
        year = int(started[1])
        if not (text[4] == "-" and year // 100 * 100 + int(started[2]) >= year):
            return year, None
    short = _YEAR_AND_SHORT_YEAR.fullmatch(text)
    months = _SHORT_YEAR_MONTHS.fullmatch(text)
    if months and all(1 <= int(month) <= 12 for month in months.group(2, 4)):
        years = [2000 + int(months.group(1)), 2000 + int(months.group(3))]
    elif short:
        start = int(short.group(1))
        years = [start, start // 100 * 100 + int(short.group(2))]
    else:
        years = [int(year) for year in _YEAR.findall(text)]
    if len(years) == 2:
        start, end = years
    elif len(years) == 1 and "-" not in text:
        start = end = years[0]
    elif len(years) == 1:
        before_dash = text.index("-") > text.index(str(years[0]))
        start, end = (years[0], None) if before_dash else (None, years[0])
    else:
        raise CellError(f"无法识别的起止年限：{parse_line(value)}")
    if start and end and start > end:
        raise CellError(f"开工年份晚于竣工年份：{parse_line(value)}")
    return start, end


def format_years(start: int | None, end: int | None) -> str:
    """The inverse of parse_years, as Guanmo writes it: "2024—2026", "2025", "2024—"."""
    if start and start == end:
        return str(start)
    if not start and not end:
        return ""
    return f"{start or ''}—{end or ''}"


_PROJECT_CODE = re.compile(r"\d{4}-\d{6}-\d{2}-\d{2}-\d{6}")


def parse_project_code(value: object) -> str:
    """A national project code `YYYY-RRRRRR-II-TT-NNNNNN`, normalised ("" when blank).

    Any dash is accepted, and the twenty digits typed without dashes. Checked as GB/T 40058
    builds it: the time segment is a year (codes given before 2021: 2019) or a year and month
    (2401 for January 2024), and the region segment is a division of GB/T 2260.
    """
    text = _DASH_RUN.sub("-", clean_text(value)).upper()
    if text in BLANK_MARKS:
        return ""
    if text.isdigit() and len(text) == 20:
        text = f"{text[:4]}-{text[4:10]}-{text[10:12]}-{text[12:14]}-{text[14:]}"
    if not _PROJECT_CODE.fullmatch(text):
        raise CellError(f"格式不对：{parse_line(value)}，应为 YYYY-RRRRRR-II-TT-NNNNNN")
    time, region = text[:4], text[5:11]
    if not (1990 <= int(time) <= 2099 or 1 <= int(time[2:]) <= 12):
        raise CellError(f"{text}的时间段「{time}」既不是年份也不是年月")
    if region not in divisions():
        raise CellError(f"{text}的区划代码{region}不存在（GB/T 2260）")
    return text


def code_region(code: str) -> str:
    """The GB/T 2260 region segment of a normalised project code: 410823."""
    return code[5:11]


# A day as registers type it: 2025-03-10, 2025/3/10, 2025.3.10, 2025年3月10日, 20250310.
_DAY = re.compile(r"((?:19|20)\d\d)(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?")
_COMPACT_DAY = re.compile(r"((?:19|20)\d\d)(\d\d)(\d\d)")
MONTH_ONLY = re.compile(r"((?:19|20)\d\d)(?:[-/.]|年)(\d{1,2})月?份?")


def parse_date(value: object) -> date | None:
    """A day (签约日期, 开工日期), or None when blank ("", "-", "/", "无").

    A date cell, or text as registers type it: "2025-03-10", "2025/3/10", "2025.3.10",
    "2025年3月10日", "20250310". A year and month without the day ("2025年3月", "2025.3") is
    refused rather than given a day it does not state; so is a number that is no date.
    """
    if value is None:
        return None
    check_not_error(value)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise CellError(f"不是日期：{parse_line(value)}，请写成“2025-03-10”")
    text = clean_text(value)
    if text in BLANK_MARKS:
        return None
    match = _DAY.fullmatch(text) or _COMPACT_DAY.fullmatch(text)
    if match is None:
        if MONTH_ONLY.fullmatch(text):
            raise CellError(f"「{parse_line(value)}」只写了年月，请写明哪一天（如“2025-03-10”）")
        raise CellError(f"不是日期：{parse_line(value)}，请写成“2025-03-10”")
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError as error:
        raise CellError(f"日期不存在：{parse_line(value)}") from error
