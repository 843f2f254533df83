"""Whether an amount read from a sheet is off by a power of ten — a unit slip such as a
统计月报 headed 固定资产投资（万元） whose figures are typed in 亿元 (61.23 read as 0.006123亿元).

The idea is that of the progress import's unit doubts (`guanmo.ledger.unit_doubts`): a figure
is judged against what is already known of the same region, and an implausible one stops the
import naming the cell rather than being stored (issue 9, never a silent wrong figure).
Plain arithmetic; the caller gathers the stored figures.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from guanmo.indicators.columns import factor as unit_factor
from guanmo.indicators.columns import unit_kind
from guanmo.ledger.unit_doubts import tenfold_change
from guanmo.sheets.cells import format_wan

# A year-to-date cumulative never falls; one that falls to a hundredth or less of the previous
# month's, or lies about a hundredfold or more from what last year and the reported growth make
# of it, is a unit slip (万元 against 亿元 is 10^4, 元 against 百万元-style tables 10^2 or 10^3).
SLIP = Decimal(100)
# A figure and last year's grown by the growth the same row reports, five-fold or more apart:
# a tenfold slip (a decimal point one place off, 十万元 for 万元), which no real figure beside
# its own growth shows; without a reported growth a tenfold change is real often enough (small
# counties' 进出口) to be left alone (tryout 11, item 6: decided in tests/indicators/
# test_unit_slips.py).
CONTRADICTED = Decimal(5)
_PREFIXES = ("", "千", "万", "亿")


@dataclass(frozen=True)
class Slip:
    """A figure judged a unit slip: `factor` is the power of ten the figure is off by (the
    figure times `factor` is about the expected one; 10000 for 万元 typed as 亿元, 0.01 for a
    figure a hundredfold too large) and `against` says what it was judged against, for the
    message ("比1—10月累计84.6亿元还小")."""

    factor: Decimal
    against: str


def _power_of_ten(ratio: Decimal) -> Decimal:
    """The power of ten nearest `ratio` (> 0) on a log scale: 13817 → 10000, 0.0095 → 0.01."""
    exponent = int(ratio.log10().quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return Decimal(10) ** exponent


def unit_slip(
    value: Decimal,
    *,
    earlier: tuple[int, Decimal] | None,
    last_year: Decimal | None,
    growth: Decimal | None,
    unit: str = "",
    places: int = 2,
) -> Slip | None:
    """Whether `value` (a region's cumulative amount 1—M月, in the indicator's `unit`) is off
    by a power of ten, else None. Judged, in this order, against:

    - `earlier`: (month, cumulative) the region's stored cumulative of the latest earlier month
      of the same year; a cumulative never falls, so one at a hundredth of it or less is a slip;
      nor does it grow tenfold in a month, so one ten times it or more is a slip too
      (`unit_doubts.tenfold_change`, the ledger's rule; tryout 24 F1: 1405500 beside 130.55);
    - then `last_year`: the region's stored value of the same period last year, grown by the
      `growth` (%) the same row reports when there is one; a figure whose distance from that is
      nearest a power of ten of 100 or more (on a log scale: 10^1.5 ≈ 32-fold) is a slip, as a
      unit slip of 10^2, 10^3 or 10^4 explains it (the reported growth is typed in %, so it
      does not slip with the amount); with a reported growth, five-fold apart already
      (`CONTRADICTED`: a tenfold slip), as no real figure contradicts its own growth so.

    Zero and negative figures, and a region with nothing stored, are never judged. `places`
    rounds the expected figure quoted (half-up). Rule: issue 9 and tryout 11 item B, after
    `guanmo.ledger.unit_doubts`."""
    if value <= 0:
        return None
    if earlier is not None and earlier[1] > 0:
        month, cumulative = earlier
        if value * SLIP <= cumulative:
            period = f"1—{month}月" if month > 1 else "1月"
            return Slip(
                _power_of_ten(cumulative / value),
                f"比{period}累计{format_wan(cumulative)}{unit}还小",
            )
        if (power := tenfold_change(cumulative, value)) is not None and power > 0:
            period = f"1—{month}月" if month > 1 else "1月"
            return Slip(
                Decimal(10) ** -power,
                f"是{period}累计{format_wan(cumulative)}{unit}的"
                f"{format_wan(_factor_shown(cumulative / value))}倍左右",
            )
    if last_year is None or last_year <= 0:
        return None
    expected = last_year if growth is None else last_year * (1 + growth / 100)
    if expected <= 0:
        return None
    ratio = expected / value
    power = _power_of_ten(ratio)
    contradicted = growth is not None and not 1 / CONTRADICTED < ratio < CONTRADICTED
    if 1 / SLIP < power < SLIP and not contradicted:
        return None
    if growth is None:
        against = (
            f"与上年同期{format_wan(last_year)}{unit}相差约{format_wan(_factor_shown(ratio))}倍"
        )
    else:
        shown = expected.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        against = (
            f"按上年同期{format_wan(last_year)}{unit}和所报增长{format_wan(growth)}%"
            f"应约为{format_wan(shown)}{unit}"
        )
    return Slip(power, against)


def figure_slip(
    value: Decimal,
    *,
    earlier: tuple[int, Decimal] | None,
    last_years: Sequence[Decimal | None],
    growth: Decimal | None,
    unit: str = "",
    places: int = 2,
) -> Slip | None:
    """`unit_slip` of a region's new cumulative `value`, judged against the stored figure of
    last year, then against the 上年同期 given with it (`last_years`, in that order; None where
    not known): the one check of the import (`sheet_import`) and the web entry
    (`submissions`). Tryout 24 F1: 1305500 typed in 万元 under a 亿元 header beside its own
    上年同期 121 and 增速 7.9%, with nothing stored for last year, was stored as 1305500亿元;
    tryout 26 item 1: 385000 typed on the web beside June's 33.0亿 was approved."""
    slip = None
    for last_year in dict.fromkeys(last_years):
        slip = slip or unit_slip(
            value, earlier=earlier, last_year=last_year, growth=growth, unit=unit, places=places
        )
    return slip


def entry_slip_message(value: Decimal, unit: str, slip: Slip) -> str:
    """The web entry's words for a slip (`slip_message` without a cell or header):
    「385000亿元，是1—6月累计33亿元的10000倍左右，疑为单位填错（数字像是万元，本栏单位为亿元）；
    请核对后按亿元填写」."""
    looks = likely_unit(unit, slip)
    why = (
        f"数字像是{looks}，本栏单位为{unit}"
        if looks
        else f"数字相差约{format_wan(_factor_shown(slip.factor))}倍，本栏单位为{unit}"
    )
    return f"{format_wan(value)}{unit}，{slip.against}，疑为单位填错（{why}）；请核对后按{unit}填写"


def _factor_shown(ratio: Decimal) -> Decimal:
    power = _power_of_ten(ratio)
    return power if power >= 1 else 1 / power


def likely_unit(stated: str, slip: Slip) -> str:
    """The unit the figures look typed in, given the header's `stated` unit: 亿元 for 万元 and a
    factor of 10000; "" when no unit of the same kind fits."""
    kind = unit_kind(stated)
    if kind is None:
        return ""
    for prefix in _PREFIXES:
        if unit_factor(prefix + kind[0], stated) == slip.factor:
            return prefix + kind[0]
    return ""


def slip_message(cell: str, value: Decimal, unit: str, stated: str, slip: Slip) -> str:
    """「单元格B5 0.006123亿元，比1—10月累计84.6亿元还小，疑为单位填错（表头写万元，数字像是
    亿元）；请核对单位后再导入」: `slip_doubt` and the advice to check the unit."""
    return f"{slip_doubt(cell, value, unit, stated, slip)}；请核对单位后再导入"


def slip_doubt(cell: str, value: Decimal, unit: str, stated: str, slip: Slip) -> str:
    """「单元格B5 0.006123亿元，比1—10月累计84.6亿元还小，疑为单位填错（表头写万元，数字像是
    亿元）」: `value` in the indicator's `unit`, `stated` the header's unit ("" when the header
    wrote none)."""
    header = f"表头写{stated}" if stated else f"表头未写单位，按{unit}读取"
    looks = likely_unit(stated or unit, slip)
    why = (
        f"{header}，数字像是{looks}"
        if looks
        else f"{header}，数字相差约{format_wan(_factor_shown(slip.factor))}倍"
    )
    return f"单元格{cell} {format_wan(value)}{unit}，{slip.against}，疑为单位填错（{why}）"


def target_slip(
    value: Decimal,
    *,
    references: Sequence[tuple[Decimal | None, str]],
    actual: tuple[Decimal | None, str] = (None, ""),
    stated: str,
    unit: str,
) -> Slip | None:
    """Whether a target amount `value` (in the indicator's `unit`, typed in the column's
    `stated` unit) is off by a power of ten, else None. Judged first against `actual`: (figure,
    what it is: "2024年1—12月实际", "2025年1—6月累计") the region's own stored value of the
    indicator — last year's 1—12月, else the latest cumulative of this year — as targets typed
    a whole column in the wrong unit agree with one another but not with what the region does
    (tryout 18 S13: 解放区 30 under （万元） meaning 30亿元). Then against the first of
    `references` known — (figure, what it is: "已存2025年目标", "2024年目标", "其他单位目标的
    中位数"), the caller's order being the region's stored target of the same indicator and
    year, its target of last year, the median of the other units'. A hundredfold or more apart
    (`SLIP`, on a log scale as `unit_slip`, either way) is a slip. The slip's factor is the
    unit the figure looks typed in (亿元 for a 万元 column: 10000) where one comes nearer than
    the stated unit, so the message can name it. Zero and negative figures are never judged.
    Rule: tryout 14 T3 of issue 9 (1.41 typed in a 万元 column meant 1.41亿元) and tryout 18."""
    if value <= 0:
        return None
    first = next(((f, w) for f, w in references if f is not None and f > 0), (None, ""))
    for reference, what in (actual, first):
        if reference is None or reference <= 0:
            continue
        slip = _target_off(value, reference, what, stated=stated, unit=unit)
        if slip is not None:
            return slip
    return None


def _target_off(
    value: Decimal, reference: Decimal, what: str, *, stated: str, unit: str
) -> Slip | None:
    """`target_slip` against one reference figure."""
    ratio = reference / value
    power = _power_of_ten(ratio)
    if 1 / SLIP < power < SLIP:
        return None
    factor = power
    kind = unit_kind(stated or unit)
    if kind is not None:
        factors = [unit_factor(p + kind[0], stated or unit) for p in _PREFIXES]
        nearest = min(
            (f for f in factors if f), key=lambda f: abs((ratio / f).log10()), default=None
        )
        if nearest is not None and abs((ratio / nearest).log10()) < abs(ratio.log10()):
            factor = nearest
    against = f"与{what}{format_wan(reference)}{unit}相差约{format_wan(_factor_shown(ratio))}倍"
    return Slip(factor, against)
