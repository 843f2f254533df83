"""Units of the figures that are not money (面积, 人数, 能耗, 重量, 亩均金额): a column's unit as
the sheet states it, converted exactly into the unit the figure is stored in (issue 9: never a
silent wrong figure; tryout 8 P04/L02/F03/F06).

A domain's Catalogue says in which unit each such field is stored (`Catalogue.measures`:
field → unit word, "亩"). The sheet states a column's unit after its name ("用地面积（平方米）",
"从业人员（万人）", "出让单价/元/亩") or in a units line above the header ("面积单位：平方米");
a column naming its own unit keeps it. Figures are converted with exact fractions (1 亩 =
2000/3 平方米, 1 公顷 = 15 亩, 1 平方千米 = 1500 亩): a result that does not end in decimals, or
a unit of another kind (公顷 for 人), is refused, never rounded or stored as read.
"""

import re
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal, localcontext
from enum import StrEnum
from fractions import Fraction
from typing import TYPE_CHECKING

from guanmo.sheets.cells import CellError
from guanmo.sheets.stated_units import StatedUnit

if TYPE_CHECKING:
    from guanmo.sheets.header_model import Header

# Each unit word: (its kind, its size in the kind's base unit). Sizes are exact fractions.
_SQUARE_METRES = ("平方米", "平米", "m2", "m²", "㎡")
_SQUARE_KILOMETRES = ("平方千米", "平方公里", "km2", "km²")
UNITS: dict[str, tuple[str, Fraction]] = {
    **{word: ("面积", Fraction(1)) for word in _SQUARE_METRES},
    "万平方米": ("面积", Fraction(10000)),
    "公顷": ("面积", Fraction(10000)),
    "亩": ("面积", Fraction(2000, 3)),
    **{word: ("面积", Fraction(1_000_000)) for word in _SQUARE_KILOMETRES},
    "人": ("人数", Fraction(1)),
    "万人": ("人数", Fraction(10000)),
    "吨标准煤": ("能耗", Fraction(1)),
    "吨标煤": ("能耗", Fraction(1)),
    "万吨标准煤": ("能耗", Fraction(10000)),
    "万吨标煤": ("能耗", Fraction(10000)),
    "千克标准煤": ("能耗", Fraction(1, 1000)),
    "吨": ("重量", Fraction(1)),
    "万吨": ("重量", Fraction(10000)),
    "千克": ("重量", Fraction(1, 1000)),
    "公斤": ("重量", Fraction(1, 1000)),
    "万元/亩": ("亩均金额", Fraction(1)),
    "元/亩": ("亩均金额", Fraction(1, 10000)),
    "万元/公顷": ("亩均金额", Fraction(1, 15)),
    "元/平方米": ("亩均金额", Fraction(2000, 30000)),
}
_WORDS = "|".join(re.escape(word) for word in sorted(UNITS, key=len, reverse=True))
# A unit after a column's name, as header keys write it (brackets made "()", colons ":"):
# "用地面积(平方米)", "(单位:万人)", "亩均税收/元/亩", "用地面积m2".
_AFTER_NAME = re.compile(rf"(?:\((?:计量)?(?:单位[:]?)?({_WORDS})\)|/({_WORDS})|({_WORDS}))$")


class MeasureError(CellError):
    """A figure that cannot be converted into its stored unit; the message says why."""


def kind_of(word: str) -> str:
    """The kind of quantity a unit word measures ("平方米" → "面积"), "" for none known."""
    return UNITS[word][0] if word in UNITS else ""


def split_unit(key: str) -> tuple[str, str]:
    """A header key's name and the non-money unit after it: "从业人员(万人)" → ("从业人员",
    "万人"); (key, "") when it names none."""
    match = _AFTER_NAME.search(key)
    if match is None or match.start() == 0:
        return key, ""
    return key[: match.start()].rstrip("/"), next(word for word in match.groups() if word)


def convert(value: Decimal, word: str, stored: str, places: int | None = None) -> Decimal:
    """`value` given in unit `word` as a figure in unit `stored`: 1000 平方米 → 1.5 亩 (see
    `convert_noted`, which also says when the figure was kept to `places` decimals)."""
    return convert_noted(value, word, stored, places)[0]


def convert_noted(
    value: Decimal, word: str, stored: str, places: int | None = None
) -> tuple[Decimal, str]:
    """`value` given in unit `word` as a figure in unit `stored`, exactly: 1000 平方米 → 1.5 亩,
    and "" — or, for a result with more than `places` decimals (the stored field's), the
    result kept to `places` decimals half-up when converting it back gives `value` to the
    decimals it was typed with (the round-trip rule: 83666.67 平方米 → 125.500005 亩, kept as
    125.5000 亩, which is 83666.67 平方米 again), and the note saying so
    ("83666.67平方米折合125.500005亩，按4位小数存为125.5000亩（换算回平方米仍为83666.67）").
    Raises MeasureError for a unit of another kind, a result without an end in decimals (1 亩
    in 平方公里 is 1/1500) or one the stored decimals cannot give back (tryout 11)."""
    if word == stored:
        return value, ""
    kind, size = UNITS[word]
    stored_kind, stored_size = UNITS[stored]
    if kind != stored_kind:
        raise MeasureError(f"单位「{word}」不能换算为{stored}")
    exact = Fraction(value) * size / stored_size
    denominator = exact.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1:
        raise MeasureError(
            f"{value.normalize():f}{word}换算为{stored}无法精确换算（不是有限小数）；"
            f"请按{stored}填写后再导入"
        )
    result = _decimal(exact).normalize()
    if places is None or _places(result) <= places:
        return result, ""
    kept = result.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    back = _decimal(Fraction(kept) * stored_size / size)
    typed = f"{value:f}"
    if back.quantize(Decimal(1).scaleb(-_places(value)), ROUND_HALF_UP) == value:
        return kept.normalize(), (
            f"{typed}{word}折合{result:f}{stored}，按{places}位小数存为{kept:f}{stored}"
            f"（换算回{word}仍为{typed}）"
        )
    raise MeasureError(
        f"{typed}{word}折合{result:f}{stored}，超过{places}位小数，按{places}位小数存为"
        f"{kept:f}{stored}后换算回{word}不再是{typed}；请按{stored}填写后再导入"
    )


def _decimal(exact: Fraction) -> Decimal:
    """A fraction with an end in decimals (or any, to 60 digits) as a Decimal."""
    with localcontext() as context:
        context.prec = 60
        return Decimal(exact.numerator) / Decimal(exact.denominator)


def _places(value: Decimal) -> int:
    """How many decimals a figure is written with: 83666.67 → 2, 1.5 → 1, 120 → 0."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def column_unit(
    field: StrEnum, stored: str, own: str, lines: Sequence[StatedUnit]
) -> tuple[str, str]:
    """The unit a measured column's figures are given in and why: its own word, else the first
    units line's word of the same kind. Returns (word, where stated), ("", "") when the sheet
    states none (the domain decides: read in the stored unit and said, or refused); raises
    MeasureError for an own word of another kind than the stored unit's."""
    kind = kind_of(stored)
    if own:
        if kind_of(own) != kind:
            raise MeasureError(f"「{field.value}」的单位「{own}」不能换算为{stored}")
        return own, ""
    for line in lines:
        for word in line.words:
            if word in UNITS and kind_of(word) == kind:
                return word, line.place
    return "", ""


def unit_stated(header: "Header", field: StrEnum) -> bool:
    """Whether the sheet states the unit of every column giving `field` (its own word or a
    units line's); False when a column gives it without one."""
    given = [index for index, name in header.columns.items() if name == field]
    return all(header.measures.get(index, ("", ""))[0] for index in given)


def measure_notes(sheet: str, given: Mapping[str, tuple[str, str, str]]) -> list[str]:
    """What the report says of converted columns: column label → (word, stored, where)."""
    notes = []
    for label, (word, stored, place) in given.items():
        if word and UNITS[word] != UNITS[stored]:
            where = f"（{place}写明）" if place else ""
            notes.append(f"工作表「{sheet}」「{label}」以{word}填报，已换算为{stored}{where}")
    return notes
