"""A totals row: the words that mark one and how its figures are checked against the rows it
totals. The one rule every sheet reader uses: a ledger's table (sheets.table) and a regions
sheet of `import-indicators` or `import-targets` (indicators.columns, indicators.totals).
Source: issue 9 §4 (a total is known by its label, place and figures, never guessed).
"""

import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from guanmo.sheets.cells import decimal_places

# Words naming the whole of what a sheet lists: alone ("全市", "全县"), or before 合计 ("全市合计"),
# a row's label says it is the total of every row.
WHOLE_WORDS = ("全市", "全县", "全区", "全省", "全国", "本市", "全部项目", "全部")
# The words a totals label ends in: 合计 and 总计 a total, 小计 a subtotal (of some rows).
TOTAL_WORDS = ("合计", "总计")
SUBTOTAL_WORD = "小计"

_WHOLE = "|".join(WHOLE_WORDS)
_GRAND_LABEL = re.compile(rf"^(?:{_WHOLE})?(?:{'|'.join(TOTAL_WORDS)})$|^(?:{_WHOLE})$")


def is_grand_total(text: str) -> bool:
    """Whether a label (cleaned: `regions.names.clean_text`) is that of the total of every row:
    合计, 总计, a whole alone (全市, 全县, 全省…) or both (全市合计); never a subtotal
    (城区小计) or a unit (市本级, 市直)."""
    return bool(_GRAND_LABEL.match(text))


def block_sum(figures: Iterable[object]) -> Decimal:
    """The sum of a block's figures (Decimals), a blank or text cell counting for nothing."""
    return sum((figure for figure in figures if isinstance(figure, Decimal)), Decimal(0))


def sums_to(typed: Decimal, rows_sum: Decimal, unit: Decimal = Decimal(1)) -> bool:
    """Whether a total typed as `typed` (in a sheet's `unit`: 10000 where the sheet is in 亿元
    and `rows_sum` in 万元) is the sum of its rows rounded half-up as it was typed.

    1234.57 agrees with 1234.5678; a total typed as 4000 does not with 4000.5.
    """
    quantum = Decimal(10) ** -decimal_places(typed)
    return (rows_sum / unit).quantize(quantum, ROUND_HALF_UP) == typed
