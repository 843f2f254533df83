"""The one way Guanmo shows a number, on pages, in charts, sentences, .xlsx and .docx.

Every function takes an exact Decimal (or int) and returns text; None, the undefined figure
(no plan, so no completion rate), is shown as UNDEFINED, "—". Rounding is always half-up
(ROUND_HALF_UP) on the Decimal itself, never on a float.

The rules follow the bulletins project offices issue and issue 10 ("One way to show a number"):
- money in tables: 万元, thousands separators, two decimals: 672,891.28;
- money in sentences and headline totals: 亿元 with two decimals (672891.28万元 → 67.29亿元),
  or one where a sentence wants it (232.9亿元), no separators inside a sentence;
- rates: one decimal and "%": 37.8%;
- the difference of two rates is in 个百分点 (GLOSSARY, 超/低于时间进度 X 个百分点), never "%":
  "超时间进度4.5个百分点", "较时间进度-7.4个百分点", "高于全市平均水平1.3个百分点";
- changes in words put their size after the word that signs them (`in_words`): 增长9.0%,
  下降33.3%, 较上月前移1位, and say 持平 for none;
- .xlsx keeps figures as numbers with a number format (rates as fractions with "0.0%").
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from guanmo.figures.arithmetic import WAN_PER_YI

UNDEFINED = "—"
TABLE_MONEY_PLACES = 2
RATE_PLACES = 1
AREA_PLACES = 2  # areas in 亩, tables and sentences alike

# Excel number formats for the same rules (openpyxl `cell.number_format`).
EXCEL_MONEY_FORMAT = "#,##0.00"
EXCEL_RATE_FORMAT = "0.0%"  # the cell holds the fraction: 37.8% is 0.378
EXCEL_POINTS_FORMAT = "+0.0;-0.0;0.0"  # 个百分点, signed
EXCEL_DECIMAL_FORMAT = "0.0"

Figure = Decimal | int


def half_up(value: Figure, places: int) -> Decimal:
    """`value` rounded half-up to `places` decimals (2.345 → 2.35 at two places)."""
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _checked(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        # A float would carry binary error into a figure that must be exact.
        raise TypeError(f"figures are Decimal or int, not {type(value).__name__}: {value!r}")
    return Decimal(value)


def number(value: Figure | None, places: int = RATE_PLACES, *, grouped: bool = False) -> str:
    """Any figure to `places` decimals, half-up; thousands separators when `grouped`; — for None.

    number(Decimal("37.75")) == "37.8"; number(Decimal("1234.5"), 2, grouped=True) == "1,234.50".
    """
    if value is None:
        return UNDEFINED
    shown = half_up(_checked(value), places)
    return f"{shown:,f}" if grouped else f"{shown:f}"


def kept_figure(value: Decimal | None, places: int) -> str | None:
    """A stored figure to at least `places` decimals ("833.0" for 833 shown to one decimal),
    never rounded: one with more decimals keeps them all ("0.0512"); no exponent; None stays
    None. The report's JSON (`indicators.report_output`) and an import's list of changed
    figures (10.0 → 11.9, tryout 29 item 8) say figures so."""
    if value is None:
        return None
    text = f"{value:f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    kept = len(text.partition(".")[2])
    return f"{Decimal(text).quantize(Decimal(1).scaleb(-places)):f}" if kept < places else text


def digits(value: Figure | None, *, grouped: bool = False) -> str:
    """A figure already rounded where it was computed (a statistic to four places, a distance
    to one), as its digits without exponent, with thousands separators when `grouped` (a
    table's cell: 6,011.00); — for None."""
    if value is None:
        return UNDEFINED
    return f"{_checked(value):,f}" if grouped else f"{_checked(value):f}"


def money_wan(amount: Figure | None) -> str:
    """An amount in 万元 as a table cell shows it: "672,891.28" (the header carries 万元)."""
    return number(amount, TABLE_MONEY_PLACES, grouped=True)


def money_wan_text(amount: Figure | None) -> str:
    """An amount in 万元 with its unit, for a page's facts: "1,200.00万元"; — for None."""
    return UNDEFINED if amount is None else f"{money_wan(amount)}万元"


def yi(amount_wan: Figure | None, places: int = TABLE_MONEY_PLACES) -> Decimal | None:
    """万元 to 亿元, rounded half-up to `places` (672891.28 → 67.29); None stays None."""
    if amount_wan is None:
        return None
    return half_up(_checked(amount_wan) / WAN_PER_YI, places)


def money_yi(amount_wan: Figure | None, places: int = TABLE_MONEY_PLACES) -> str:
    """An amount given in 万元, written in 亿元 with its unit for sentences: "67.29亿元".

    Use places=1 where the sentence style wants one decimal ("完成投资232.9亿元").
    """
    shown = yi(amount_wan, places)
    return UNDEFINED if shown is None else f"{shown:f}亿元"


def rate(value: Figure | None) -> str:
    """A percentage (37.75 meaning 37.75%) as text: "37.8%"; — for None."""
    return UNDEFINED if value is None else f"{number(value)}%"


def points(value: Figure | None) -> str:
    """A difference of two percentages, signed, without unit: "+4.5", "-7.4", "0.0"; — for None.

    For a table column whose header says （个百分点）.
    """
    if value is None:
        return UNDEFINED
    shown = half_up(_checked(value), RATE_PLACES)
    return f"{shown:+f}" if shown else f"{abs(shown):f}"


def points_text(value: Figure | None) -> str:
    """A signed difference of two percentages with its unit: "+4.5个百分点"; — for None."""
    return UNDEFINED if value is None else f"{points(value)}个百分点"


def in_words(change: Figure | None, up: str, down: str, level: str) -> str:
    """A signed change in words: `up` or `down` with its size put at "{}", `level` for none;
    "" when the change is unknown. A Decimal is compared and shown to one decimal, half-up
    (0.04 is `level`), an int (places moved) as it is."""
    if change is None:
        return ""
    if isinstance(change, int) and not isinstance(change, bool):
        signed, size = change, str(abs(change))
    else:
        signed = half_up(_checked(change), RATE_PLACES)
        size = f"{abs(signed):f}"
    if signed > 0:
        return up.replace("{}", size)
    if signed < 0:
        return down.replace("{}", size)
    return level


def vs_time_progress(value: Figure | None, against: str = "时间进度") -> str:
    """A rate against time progress, in words: 超时间进度4.5个百分点 / 低于时间进度7.4个百分点 /
    与时间进度持平; "" when there is no rate to compare. `against` names another mark (a
    project's planned curve); a target's share against its breakdown's node is said by
    `vs_pace_text`."""
    return in_words(
        value, f"超{against}{{}}个百分点", f"低于{against}{{}}个百分点", f"与{against}持平"
    )


# A target's pace: the cumulative node of its breakdown to date (time progress without one).
PACE = "序时进度"


def vs_pace_text(vs_pace: Figure | None, *, ceiling: bool = False) -> str:
    """A share against its pace (序时进度: the breakdown's cumulative node to date), `vs_pace` in
    个百分点 (share − pace, compared as shown), in words: above it 超序时进度4.5个百分点, below
    it 低于序时进度7.4个百分点; exactly at it a task is 完成序时进度 and a ceiling (`ceiling`,
    a quota kept under: 赴京访批次) 未超序时进度 (README's word; tryout 17 read 已达序时进度 as
    praise) — never 持平, which reads as "unchanged". For a ceiling below the pace is good and
    said so: 低于序时进度16.7个百分点（控制较好）. "" when undefined."""
    if ceiling:
        level, down = f"未超{PACE}", f"低于{PACE}{{}}个百分点（控制较好）"
    else:
        level, down = f"完成{PACE}", f"低于{PACE}{{}}个百分点"
    return in_words(vs_pace, f"超{PACE}{{}}个百分点", down, level)


def vs_average(value: Figure | None, group: str) -> str:
    """A rate's difference from its group's (in 个百分点), in words: 高于全市平均水平1.3个百分点 /
    低于全省平均水平3.0个百分点 / 与全市平均水平持平; "" when undefined. `group` is the peer
    group's short name (全市, 全省, 同类县)."""
    average = f"{group}平均水平"
    return in_words(
        value, f"高于{average}{{}}个百分点", f"低于{average}{{}}个百分点", f"与{average}持平"
    )


def growth_text(growth: Figure | None) -> str:
    """A growth rate in words as sentences say it after 同比: 增长9.0% / 下降33.3% / 持平;
    "" when undefined."""
    return in_words(growth, "增长{}%", "下降{}%", "持平")


def rank_text(rank: int | None, group: str, *, tied: bool = False, among: int | None = None) -> str:
    """A place in a peer group: 居全省第3位, or 并列全市第2位 when shared; "" when unranked.

    `among` is given when only some of the group have a figure (3 of the 18 cities): the place
    is then said against those, 在全省有数据的3个中居第2位, since 居全省第2位 would claim a
    place among all 18."""
    if rank is None:
        return ""
    placed = "并列" if tied else "居"
    if among is not None:
        return f"在{group}有数据的{among}个中{placed}第{rank}位"
    return f"{placed}{group}第{rank}位"


def rank_cell(rank: int | None, *, tied: bool = False) -> str:
    """A place in a table's 位次 column: 3, 1（并列） when shared, — when unranked; the same on
    pages, in text, .xlsx and .docx."""
    if rank is None:
        return UNDEFINED
    return f"{rank}（并列）" if tied else str(rank)


def rank_header(ranked: int, basis: str = "") -> str:
    """A rank column's header, saying what the ranks are taken on (`basis`: 按增速, 按数值，越少
    越好) and among how many (those with a figure): 位次（按增速；共12个）, 位次（共12个）; plain
    位次 with neither."""
    said = [part for part in (basis, f"共{ranked}个" if ranked else "") if part]
    return f"位次（{'；'.join(said)}）" if said else "位次"


def excel_rate(value: Figure | None) -> Decimal | None:
    """A percentage as the fraction an .xlsx cell with EXCEL_RATE_FORMAT holds (37.8 → 0.378).

    The percentage is first rounded half-up to one decimal, so the cell shows what pages show.
    """
    if value is None:
        return None
    return half_up(_checked(value), RATE_PLACES) / 100


# A unit and the smaller one its figures are shown in when every one is under 1 of it, with
# the power of ten between them: towns' 脱贫人口 0.1312万人 is 1312人.
SMALLER_UNITS = {
    "万人": ("人", 4),
    "万人次": ("人次", 4),
    "万亩": ("亩", 4),
    "亿元": ("万元", 4),
    "万元": ("元", 4),
    "万户": ("户", 4),
}
MAX_SHOWN_PLACES = 6  # the stored figures' decimals (indicators.models.MAX_PLACES)


@dataclass(frozen=True)
class Display:
    """How a column of figures is shown: in `unit`, multiplied by 10**`shift`, to `places`."""

    unit: str
    shift: int
    places: int

    def figure(self, value: Figure | None) -> Decimal | None:
        """The figure in the shown unit, exact (for an .xlsx cell)."""
        return None if value is None else _checked(value).scaleb(self.shift)

    def text(self, value: Figure | None) -> str:
        return number(self.figure(value), self.places)

    def with_unit(self, value: Figure | None, places: int | None = None) -> str:
        """The figure shown with the display's unit (to `places` when finer is asked); —
        for None."""
        if value is None:
            return UNDEFINED
        return f"{number(self.figure(value), self.places if places is None else places)}{self.unit}"


def display_for(
    unit: str,
    places: int,
    values: Sequence[Figure | None],
    ranks: Sequence[int | None] | None = None,
) -> Display:
    """The display of a table's figures kept in `unit` and shown to `places` decimals: in the
    smaller unit (`SMALLER_UNITS`, its places fewer by the shift, not below 0) when every
    figure but 0 is under 1 of the unit, so that they read as numbers, not as 0.13 each; and
    with `ranks` (the figures' ranks when ranked on them, None unranked), as many more decimals
    as it takes, up to the stored six, for no two figures of different ranks to show alike
    (never 1st and 2nd both "1312"; 并列 figures may)."""
    given = [_checked(v) for v in values if v is not None and v != 0]
    shift = 0
    if unit in SMALLER_UNITS and given and all(abs(v) < 1 for v in given):
        unit, shift = SMALLER_UNITS[unit]
        places = max(0, places - shift)
    if ranks is not None:
        ranked = [
            (_checked(v).scaleb(shift), rank)
            for v, rank in zip(values, ranks, strict=True)
            if v is not None and rank is not None
        ]
        while places < MAX_SHOWN_PLACES and _alike_apart(ranked, places):
            places += 1
    return Display(unit, shift, places)


def _alike_apart(ranked: list[tuple[Decimal, int]], places: int) -> bool:
    """Whether two figures of different ranks show alike to `places` decimals."""
    seen: dict[Decimal, int] = {}
    for value, rank in ranked:
        shown = half_up(value, places)
        if seen.setdefault(shown, rank) != rank:
            return True
    return False


def amount_text(value: Figure | None, unit: str, places: int) -> str:
    """One figure kept in `unit` with its unit, as a sentence or a target's cell says it, by
    the tables' rule (`display_for` over the one figure): under 1 of the unit in the smaller
    one (0.12万人 → 1200人, not 0.12万人), else to `places` (4.98万人); — for None."""
    if value is None:
        return UNDEFINED
    shown = display_for(unit, places, [value])
    return f"{shown.text(value)}{shown.unit}"


def money_said(amount_wan: Figure | None) -> str:
    """An amount kept in 万元 as a sentence says it, by the sentences' rule (`amount_text`):
    in 亿元 to one decimal (1.9亿元), under 1亿元 in 万元 (2000万元), never a table's
    "2,000.00万元" (tryout 22); — for None."""
    if amount_wan is None:
        return UNDEFINED
    return amount_text(_checked(amount_wan) / WAN_PER_YI, "亿元", 1)


def mu_text(area: Figure) -> str:
    """An area in 亩 as sentences say it, to the tables' two decimals half-up without trailing
    zeros: 50亩, 530.01亩 (tryout 22: 530.005亩 in a sentence beside 530.01 in the table)."""
    return f"{half_up(_checked(area), AREA_PLACES).normalize():f}亩"


def chinese_date(day: date) -> str:
    """2025年12月8日: the year in full, no leading zeros (GB/T 9704 7.3.5.3). Kept on the
    ground floor so a sheet's column map says a date as pages do; documents.official gives it
    to the rest."""
    return f"{day.year}年{day.month}月{day.day}日"
